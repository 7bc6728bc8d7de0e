package vn.ttdn.audit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed events into the chain, after their commit, in one job: one node at a time (a
 * transaction-scoped advisory lock; a node that does not get it leaves the run to the other), the
 * events it finds unsealed taken in id order and numbered on from the last seal. An event whose
 * transaction committed after a later id was sealed is found by the next run and sealed then: the
 * chain never assumes that ids commit in order. Requests never wait for the sealer, nor it for them.
 */
@Component
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    /** The advisory lock only the sealer takes (any number unique to it). */
    static final long LOCK = 0x7474646E_61756469L;
    private static final int BATCH = 2000;
    /**
     * How far back (besides everything after the last sealed id) a run looks for events committed
     * late; start-up looks at every event.
     */
    private static final String RECENT = "1 hour";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean swept;

    AuditSealer(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${ttdn.audit.seal-interval:PT2S}", initialDelayString = "PT5S")
    void scheduled() {
        try {
            sealAll();
        } catch (RuntimeException e) {
            log.warn("Sealing the audit record failed; the next run tries again", e);
        }
    }

    /** Seals every committed event not sealed yet; the number sealed (0 when another node holds the sealer's lock). */
    public int sealAll() {
        int total = 0;
        long after = 0;
        for (Batch batch; (batch = sealBatch(!swept, after)).sealed() > 0; ) {
            total += batch.sealed();
            // the batch took the lowest unsealed ids in order: none it could see is left below its last one,
            // so the next batch starts there instead of looking through every seal again
            after = batch.lastEventId();
        }
        swept = true;
        return total;
    }

    /** What one batch sealed: how many events, and the id of the last. */
    private record Batch(int sealed, long lastEventId) {
    }

    private Batch sealBatch(boolean everything, long after) {
        Batch batch = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return new Batch(0, after);
            }
            List<Object[]> last = jdbc.query("select seq, hash, event_id from ttdn.audit_seal order by seq desc limit 1",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)});
            long seq = last.isEmpty() ? 0 : (Long) last.get(0)[0];
            String previous = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
            long lastEvent = last.isEmpty() ? 0 : (Long) last.get(0)[2];
            String where = (everything ? "" : " and (e.id > " + lastEvent + " or e.recorded_at > clock_timestamp() - interval '"
                    + RECENT + "')") + " and e.id > " + after;
            List<Object[]> events = jdbc.query("select " + AuditChain.COLUMNS + " from ttdn.audit_event e "
                            + "where not exists (select 1 from ttdn.audit_seal s where s.event_id = e.id)" + where
                            + " order by e.id limit " + BATCH,
                    (rs, i) -> new Object[] {rs.getLong(1), AuditChain.content(rs, 1)});
            List<Object[]> seals = new ArrayList<>(events.size());
            for (Object[] event : events) {
                String hash = AuditChain.hash(previous, (String) event[1]);
                seals.add(new Object[] {++seq, event[0], previous, hash});
                previous = hash;
            }
            jdbc.batchUpdate("insert into ttdn.audit_seal (seq, event_id, prev_hash, hash) values (?, ?, ?, ?)", seals);
            return new Batch(seals.size(), seals.isEmpty() ? after : (Long) seals.get(seals.size() - 1)[1]);
        });
        return batch == null ? new Batch(0, after) : batch;
    }
}
