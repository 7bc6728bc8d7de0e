package vn.ttdn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.support.WebTest;

/**
 * The audit record proves itself: sealed after commit into a hash chain that a verification
 * recomputes; the application's own account cannot change or remove a row; a row changed, removed
 * or slipped in directly in PostgreSQL (as a superuser, the triggers off) is found and named; a head
 * kept elsewhere proves the chain before it.
 *
 * <p>Tampering holds the sealer's lock on a connection of its own, so that no seal is added while the
 * chain is being changed, and puts every row back before it lets go.
 */
@WebTest
class AuditRecordTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditRecord record;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theApplicationsOwnAccountCannotChangeRemoveOrEmptyTheRecord() {
        long id = append("cv.svhttdl.qng", "thử quyền sửa");
        sealer.sealAll();
        Map<String, Object> before = jdbc.queryForMap("select * from ttdn.audit_event where id = ?", id);

        for (String sql : List.of("update ttdn.audit_event set kind = 'task.completed' where id = " + id,
                "delete from ttdn.audit_event where id = " + id, "truncate ttdn.audit_event",
                "update ttdn.audit_seal set hash = repeat('0', 64) where event_id = " + id,
                "delete from ttdn.audit_seal where event_id = " + id, "truncate ttdn.audit_seal")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("the audit record is append-only");
        }

        assertThat(jdbc.queryForMap("select * from ttdn.audit_event where id = ?", id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_seal where event_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void everyCommittedEventIsSealedOnceAndTheChainVerifiesAgainstItsHead() {
        // given: events appended, one of them in a transaction that rolls back
        long first = append("cv.svhttdl.qng", "một");
        transaction.executeWithoutResult(status -> {
            log.record(AuditEvent.of(AuditKind.REMINDER_SENT, "admin", Map.of("note", "huỷ")));
            status.setRollbackOnly();
        });
        long second = append(null, "hai");

        // when
        sealer.sealAll();
        AuditVerification verified = record.verify();

        // then: both sealed once, consecutively, the chain intact up to its head
        assertThat(jdbc.queryForList("select seq from ttdn.audit_seal where event_id in (?, ?) order by seq",
                Long.class, first, second)).hasSize(2).satisfies(s -> assertThat(s.get(1)).isEqualTo(s.get(0) + 1));
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_event where details ->> 'note' = 'huỷ'",
                Integer.class)).isZero();
        assertThat(verified.intact()).as(String.valueOf(verified.firstBad())).isTrue();
        assertThat(verified.count()).isEqualTo(verified.head().seq());
        assertThat(record.head().orElseThrow().seq()).isGreaterThanOrEqualTo(verified.head().seq());
        // sealing again (events of other work may have come in meanwhile) seals neither of them twice
        sealer.sealAll();
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_seal where event_id in (?, ?)", Integer.class,
                first, second)).isEqualTo(2);

        // and against the head an auditor kept: intact; against a head this chain never had: not
        AuditVerification.Head kept = verified.head();
        assertThat(record.verify(kept.seq(), kept.hash()).intact()).isTrue();
        AuditVerification forged = record.verify(kept.seq(), "f".repeat(64));
        assertThat(forged.intact()).isFalse();
        assertThat(forged.firstBad()).isEqualTo(new AuditVerification.Problem(kept.seq(), kept.eventId(), "head"));
    }

    @Test
    void anEventCommittedAfterALaterOneIsSealedByTheNextRunAndABacklogOfSeveralBatchesInOne() throws Exception {
        // given: an event appended in a transaction that stays open while a later one commits and is sealed
        java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Long> early = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                transaction.execute(status -> {
                    log.record(AuditEvent.of(AuditKind.REMINDER_SENT, "admin", Map.of("note", "ghi trước, xong sau")));
                    long id = jdbc.queryForObject("select currval('ttdn.audit_event_id_seq')", Long.class);
                    appended.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return id;
                }));
        appended.await();
        long later = append("cv.svhttdl.qng", "ghi sau, xong trước");
        sealer.sealAll();
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_seal where event_id = ?", Integer.class, later))
                .isEqualTo(1);

        // when: the early one commits, with a backlog of more than two batches behind it, and the sealer runs once
        commit.countDown();
        long earlyId = early.get();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 4500; i++) {
                log.record(AuditEvent.of(AuditKind.REMINDER_SENT, null, Map.of("note", "tồn " + i)));
            }
        });
        sealer.sealAll();

        // then: the early one sealed after the later, every event of the backlog sealed once, the chain intact
        List<Long> seqs = jdbc.queryForList("select seq from ttdn.audit_seal where event_id in (?, ?) order by event_id",
                Long.class, earlyId, later);
        assertThat(seqs).hasSize(2);
        assertThat(seqs.get(0)).isGreaterThan(seqs.get(1));
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_event e where not exists "
                + "(select 1 from ttdn.audit_seal s where s.event_id = e.id)", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) - count(distinct event_id) from ttdn.audit_seal", Integer.class))
                .isZero();
        AuditVerification verified = record.verify();
        assertThat(verified.intact()).as(String.valueOf(verified.firstBad())).isTrue();
    }

    @Test
    void aChangedRowIsNamed() throws Exception {
        long victim = sealedInTheMiddle();
        long seq = sealOf(victim);

        tamper(s -> s.executeUpdate("update ttdn.audit_event set details = '{\"note\":\"đã sửa\"}' where id = " + victim),
                s -> s.executeUpdate("update ttdn.audit_event set details = '{\"note\":\"giữa\"}' where id = " + victim),
                () -> assertThat(record.verify().firstBad()).isEqualTo(new AuditVerification.Problem(seq, victim, "content")));

        assertThat(record.verify().intact()).isTrue();
    }

    @Test
    void aRemovedRowIsNamedWhetherItsSealGoesWithItOrNot() throws Exception {
        long victim = sealedInTheMiddle();
        long seq = sealOf(victim);

        // the event alone
        tamper(s -> {
            s.execute("create temp table kept_event as select * from ttdn.audit_event where id = " + victim);
            s.executeUpdate("delete from ttdn.audit_event where id = " + victim);
        }, s -> {
            s.executeUpdate("insert into ttdn.audit_event select * from kept_event");
            s.execute("drop table kept_event");
        }, () -> assertThat(record.verify().firstBad()).isEqualTo(new AuditVerification.Problem(seq, victim, "missing")));
        // the event and its seal
        tamper(s -> {
            s.execute("create temp table kept_event as select * from ttdn.audit_event where id = " + victim);
            s.execute("create temp table kept_seal as select * from ttdn.audit_seal where seq = " + seq);
            s.executeUpdate("delete from ttdn.audit_seal where seq = " + seq);
            s.executeUpdate("delete from ttdn.audit_event where id = " + victim);
        }, s -> {
            s.executeUpdate("insert into ttdn.audit_event select * from kept_event");
            s.executeUpdate("insert into ttdn.audit_seal select * from kept_seal");
            s.execute("drop table kept_event");
            s.execute("drop table kept_seal");
        }, () -> assertThat(record.verify().firstBad()).isEqualTo(new AuditVerification.Problem(seq, null, "gap")));

        assertThat(record.verify().intact()).isTrue();
    }

    @Test
    void aRowSlippedIntoTheChainIsNamedByTheSealThatNoLongerFollows() throws Exception {
        long victim = sealedInTheMiddle();
        long seq = sealOf(victim);
        long next = jdbc.queryForObject("select event_id from ttdn.audit_seal where seq = ?", Long.class, seq + 1);

        // a forged event sealed right after the victim, hashed as the sealer would, the later seals moved up one
        tamper(s -> {
            s.executeUpdate("update ttdn.audit_seal set seq = -seq - 1 where seq > " + seq);
            s.executeUpdate("update ttdn.audit_seal set seq = -seq where seq < 0");
            s.executeUpdate("insert into ttdn.audit_event (id, kind, actor, details) values (-1, 'task.completed', "
                    + "'ct.ubnd.qng', '{\"note\":\"chèn\"}')");
            String content;
            String previous;
            try (ResultSet rs = s.executeQuery("select " + AuditChain.COLUMNS + " from ttdn.audit_event e where id = -1")) {
                rs.next();
                content = AuditChain.content(rs, 1);
            }
            try (ResultSet rs = s.executeQuery("select hash from ttdn.audit_seal where seq = " + seq)) {
                rs.next();
                previous = rs.getString(1);
            }
            s.executeUpdate("insert into ttdn.audit_seal (seq, event_id, prev_hash, hash) values (" + (seq + 1)
                    + ", -1, '" + previous + "', '" + AuditChain.hash(previous, content) + "')");
        }, s -> {
            s.executeUpdate("delete from ttdn.audit_seal where event_id = -1");
            s.executeUpdate("delete from ttdn.audit_event where id = -1");
            s.executeUpdate("update ttdn.audit_seal set seq = -seq + 1 where seq > " + seq);
            s.executeUpdate("update ttdn.audit_seal set seq = -seq where seq < 0");
        }, () -> assertThat(record.verify().firstBad()).isEqualTo(new AuditVerification.Problem(seq + 2, next, "link")));

        assertThat(record.verify().intact()).isTrue();
    }

    /** An event sealed with others before and after it; its id. */
    private long sealedInTheMiddle() {
        append("cv.svhttdl.qng", "trước");
        long victim = append("ld.svhttdl.qng", "giữa");
        append("cv.svhttdl.qng", "sau");
        sealer.sealAll();
        assertThat(record.verify().intact()).isTrue();
        return victim;
    }

    private long sealOf(long eventId) {
        return jdbc.queryForObject("select seq from ttdn.audit_seal where event_id = ?", Long.class, eventId);
    }

    private long append(String actor, String note) {
        return transaction.execute(status -> {
            log.record(AuditEvent.of(AuditKind.REMINDER_SENT, actor, Map.of("note", note)));
            return jdbc.queryForObject("select max(id) from ttdn.audit_event", Long.class);
        });
    }

    private interface Sql {
        void run(Statement statement) throws Exception;
    }

    /**
     * As a superuser with the triggers off and the sealer held off: {@code change}, then
     * {@code check} (from the application's side), then {@code undo}, whatever the check says.
     */
    private void tamper(Sql change, Sql undo, Runnable check) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, AuditSealer.LOCK);
                lock.execute();
            }
            s.execute("set session_replication_role = replica");
            try {
                change.run(s);
                check.run();
            } finally {
                undo.run(s);
                s.execute("set session_replication_role = origin");
                s.execute("select pg_advisory_unlock_all()");
            }
        }
    }
}
