package vn.ttdn.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Seals a backlog of a million events in one pass, for the bench: the same chain as {@link AuditSealer}
 * (its lock held, the events in id order numbered on from the last seal, {@link AuditChain}'s content
 * and hash), read through one cursor instead of the sealer's batches, each of which looks for the
 * unsealed again from the last seal on (with a million waiting, a batch takes about a second).
 */
public final class BenchSeals {

    private static final int BATCH = 5000;

    private BenchSeals() {
    }

    /** Seals every event not sealed yet; the number sealed. */
    public static long sealAll(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + AuditSealer.LOCK + ")");
                long seq = 0;
                long lastEvent = 0;
                String previous = AuditChain.GENESIS;
                try (ResultSet last = s.executeQuery("select seq, hash, event_id from ttdn.audit_seal order by seq desc limit 1")) {
                    if (last.next()) {
                        seq = last.getLong(1);
                        previous = last.getString(2);
                        lastEvent = last.getLong(3);
                    }
                }
                long sealed = 0;
                try (PreparedStatement events = c.prepareStatement("select " + AuditChain.COLUMNS
                        + " from ttdn.audit_event e where e.id > ? and not exists (select 1 from ttdn.audit_seal s "
                        + "where s.event_id = e.id) order by e.id");
                     PreparedStatement insert = c.prepareStatement(
                             "insert into ttdn.audit_seal (seq, event_id, prev_hash, hash) values (?, ?, ?, ?)")) {
                    events.setFetchSize(BATCH);
                    events.setLong(1, lastEvent);
                    try (ResultSet rs = events.executeQuery()) {
                        while (rs.next()) {
                            String hash = AuditChain.hash(previous, AuditChain.content(rs, 1));
                            insert.setLong(1, ++seq);
                            insert.setLong(2, Long.parseLong(rs.getString(1)));
                            insert.setString(3, previous);
                            insert.setString(4, hash);
                            insert.addBatch();
                            previous = hash;
                            if (++sealed % BATCH == 0) {
                                insert.executeBatch();
                            }
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                return sealed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
