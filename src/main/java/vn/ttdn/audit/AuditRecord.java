package vn.ttdn.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit record: verifies the chain from its first seal, optionally against a head kept
 * elsewhere (proving nothing before it was changed, added or removed), and gives the head to keep.
 */
@Service
@Transactional(readOnly = true)
public class AuditRecord {

    private static final int PAGE = 5000;
    private static final String CATALOGUED = "select instance_id, root_instance_id, super_instance_id, process_key, "
            + "business_key, plan_id, round_id, body_code, started_at, ended_at from ttdn.process_instance_info ";
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ENTRY = "select e.id, e.recorded_at, e.kind, e.instance_id, e.root_instance_id, "
            + "e.process_key, e.business_key, e.task_id, e.activity_id, e.activity_name, e.actor, e.actor_name, "
            + "e.actor_body, e.actor_body_name, e.plan_id, e.round_id, e.details::text, s.seq "
            + "from ttdn.audit_event e left join ttdn.audit_seal s on s.event_id = e.id ";

    private final JdbcTemplate jdbc;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    AuditRecord(JdbcTemplate jdbc, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The instance as catalogued when it started, if it is known. */
    public Optional<CataloguedInstance> instance(String instanceId) {
        return jdbc.query(CATALOGUED + "where instance_id = ?", AuditRecord::catalogued, instanceId).stream().findFirst();
    }

    /** The instances this one called (a round's reports, its consolidation), oldest first. */
    public List<CataloguedInstance> calledBy(String instanceId) {
        return jdbc.query(CATALOGUED + "where super_instance_id = ? order by started_at, instance_id",
                AuditRecord::catalogued, instanceId);
    }

    private static CataloguedInstance catalogued(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CataloguedInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class));
    }

    /**
     * Events found by what they concern, newest first: a plan, a body (the actor's body that day), a
     * person, a step, a period (days, inclusive); at most {@code limit}.
     */
    public List<AuditEntry> search(Long planId, String bodyCode, String actor, String activityId,
                                   java.time.LocalDate from, java.time.LocalDate to, int limit) {
        StringBuilder where = new StringBuilder("where true");
        List<Object> args = new java.util.ArrayList<>();
        if (planId != null) {
            where.append(" and e.plan_id = ?");
            args.add(planId);
        }
        if (bodyCode != null && !bodyCode.isBlank()) {
            where.append(" and e.actor_body = ?");
            args.add(bodyCode);
        }
        if (actor != null && !actor.isBlank()) {
            where.append(" and e.actor = ?");
            args.add(actor);
        }
        if (activityId != null && !activityId.isBlank()) {
            where.append(" and e.activity_id = ?");
            args.add(activityId);
        }
        if (from != null) {
            where.append(" and e.recorded_at >= ?");
            args.add(java.sql.Timestamp.from(from.atStartOfDay(VIETNAM).toInstant()));
        }
        if (to != null) {
            where.append(" and e.recorded_at < ?");
            args.add(java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(VIETNAM).toInstant()));
        }
        args.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.query(ENTRY + where + " order by e.id desc limit ?", this::entry, args.toArray());
    }

    /** Every event of one process instance, in the order recorded. */
    public List<AuditEntry> timeline(String instanceId) {
        return jdbc.query(ENTRY + "where e.instance_id = ? order by e.id", this::entry, instanceId);
    }

    private AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String actor = rs.getString(11);
        try {
            return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), actor == null ? null
                    : new AuditEntry.Actor(actor, rs.getString(12), rs.getString(13), rs.getString(14)),
                    (Long) rs.getObject(15), (Long) rs.getObject(16), json.readTree(rs.getString(17)),
                    (Long) rs.getObject(18));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An audit event with details that are not JSON: " + rs.getLong(1), e);
        }
    }

    /** The last seal, if anything was sealed. */
    public Optional<AuditVerification.Head> head() {
        return jdbc.query("select seq, hash, event_id, sealed_at from ttdn.audit_seal order by seq desc limit 1",
                (rs, i) -> new AuditVerification.Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class))).stream().findFirst();
    }

    /** Recomputes the whole chain. */
    public AuditVerification verify() {
        return verify(null, null);
    }

    /**
     * Recomputes the chain, seal by seal in order: each must follow the one before and match its
     * event. With {@code headSeq} and {@code headHash} (a head exported earlier), the chain must also
     * hold that hash at that number.
     */
    public AuditVerification verify(Long headSeq, String headHash) {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        long count = 0;
        AuditVerification.Head last = null;
        AuditVerification.Problem bad = null;
        boolean headSeen = headSeq == null;
        while (bad == null) {
            List<Object[]> page = jdbc.query("select s.seq, s.event_id, s.prev_hash, s.hash, s.sealed_at, e.id is not null, "
                            + AuditChain.COLUMNS + " from ttdn.audit_seal s left join ttdn.audit_event e on e.id = s.event_id "
                            + "where s.seq >= ? order by s.seq limit " + PAGE,
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6),
                            rs.getBoolean(6) ? AuditChain.content(rs, 7) : null}, expected);
            if (page.isEmpty()) {
                break;
            }
            for (Object[] seal : page) {
                long seq = (Long) seal[0];
                long eventId = (Long) seal[1];
                if (seq != expected) {
                    bad = new AuditVerification.Problem(expected, null, "gap");
                } else if (!previous.equals(seal[2])) {
                    bad = new AuditVerification.Problem(seq, eventId, "link");
                } else if (!(Boolean) seal[5]) {
                    bad = new AuditVerification.Problem(seq, eventId, "missing");
                } else if (!AuditChain.hash(previous, (String) seal[6]).equals(seal[3])) {
                    bad = new AuditVerification.Problem(seq, eventId, "content");
                }
                if (bad != null) {
                    break;
                }
                if (headSeq != null && seq == headSeq) {
                    if (!seal[3].equals(headHash)) {
                        bad = new AuditVerification.Problem(seq, eventId, "head");
                        break;
                    }
                    headSeen = true;
                }
                previous = (String) seal[3];
                last = new AuditVerification.Head(seq, previous, eventId, (OffsetDateTime) seal[4]);
                expected++;
                count++;
            }
        }
        if (bad == null && !headSeen) {
            bad = new AuditVerification.Problem(headSeq, null, "head");
        }
        long unsealed = jdbc.queryForObject("select count(*) from ttdn.audit_event e where not exists "
                + "(select 1 from ttdn.audit_seal s where s.event_id = e.id)", Long.class);
        return new AuditVerification(bad == null, count, last, bad, unsealed, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
