package vn.ttdn.support;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks at the application's tables directly, to assert what was (or was not) written. */
@Component
public class Db {

    private static final String[] PLAN_TABLES = {"plan", "task_group", "plan_task", "plan_task_lead",
            "plan_task_cooperating", "plan_legal_basis", "plan_recipient", "plan_measure"};

    private final JdbcTemplate jdbc;

    public Db(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int count(String table) {
        return jdbc.queryForObject("select count(*) from ttdn." + table, Integer.class);
    }

    /**
     * Every table's row count and, for the application's own tables but the audit record, a digest of
     * their content: equal before and after means nothing was written. Left out: what a request writes
     * by itself (sign-in failures, sessions, the engine's metrics and properties, the outbox, the seals).
     */
    public Map<String, String> snapshot() {
        Map<String, String> state = new java.util.TreeMap<>();
        for (String table : jdbc.queryForList("select table_schema || '.' || table_name from information_schema.tables "
                + "where table_schema in ('ttdn', 'public') and table_type = 'BASE TABLE' and table_name not in "
                + "('sign_in_failure', 'flyway_schema_history', 'audit_seal', 'act_ru_meter_log', 'act_ge_property', "
                + "'event_publication', 'http_session', 'http_session_attributes')", String.class)) {
            String content = table.startsWith("ttdn.") && !table.startsWith("ttdn.audit")
                    ? ", " + jdbc.queryForObject("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    + "from " + table + " t", String.class) : "";
            state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class) + content);
        }
        return state;
    }

    /** Row counts of every plan table: equal before and after means nothing was written. */
    public Map<String, Integer> planTableCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : PLAN_TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /**
     * The outbox rows (Spring Modulith's event publications) of the e-mails with this subject, as
     * their completion dates: null while the mail is not sent yet.
     */
    public List<Timestamp> mailsInOutbox(String subject) {
        return jdbc.queryForList("select completion_date from ttdn.event_publication where event_type = ? "
                + "and serialized_event::jsonb ->> 'subject' = ? order by publication_date", Timestamp.class,
                "vn.ttdn.mail.OutgoingMail", subject);
    }

    /** The same, for the mails about one plan (their text names it: "mã {planId}"). */
    public List<Timestamp> mailsInOutbox(String subject, long planId) {
        return jdbc.queryForList("select completion_date from ttdn.event_publication where event_type = ? "
                + "and serialized_event::jsonb ->> 'subject' = ? and serialized_event::jsonb ->> 'body' like ? "
                + "order by publication_date", Timestamp.class, "vn.ttdn.mail.OutgoingMail", subject,
                "%(mã " + planId + ")%");
    }

    /**
     * Every row of the engine's runtime tables ({@code act_ru_*}) but its metrics (written on their
     * own schedule), by table, each row as text, sorted: equal before and after means the engine's
     * running state was not changed.
     */
    public Map<String, List<String>> engineRuntimeRows() {
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_name like 'act\\_ru\\_%' and table_name not like '%meter\\_log' "
                + "and table_schema = 'public'", String.class)) {
            rows.put(table, jdbc.queryForList("select * from public." + table).stream().map(Object::toString).sorted()
                    .toList());
        }
        if (!rows.containsKey("act_ru_task") || !rows.containsKey("act_ru_execution")) {
            throw new IllegalStateException("The engine's runtime tables are not where they were looked for: " + rows.keySet());
        }
        return rows;
    }

    /**
     * Waits (bounded) until the plan's issuance has been handled by its listeners after commit (its
     * yearly rounds scheduled, each a new process instance), so that a test comparing the engine's
     * rows or the audit record before and after an action does not see that work arrive meanwhile.
     */
    public void awaitIssuanceHandled(long planId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from ttdn.event_publication where event_type = 'vn.ttdn.approval.PlanIssued' "
                        + "and serialized_event::jsonb ->> 'planId' = ? and completion_date is null", Integer.class,
                String.valueOf(planId)) == 0);
    }

    /** The id of the last audit event so far (0 when none). */
    public long lastAuditEvent() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from ttdn.audit_event", Long.class);
    }

    /** The audit events appended after the one with this id: kind, actor, instance. */
    public List<Map<String, Object>> auditEventsAfter(long id) {
        return jdbc.queryForList("select id, kind, actor, instance_id, details::text as details from ttdn.audit_event "
                + "where id > ? order by id", id);
    }

    /** The audit events of one kind about an instance, oldest first, each with its details as text. */
    public List<Map<String, Object>> auditEvents(String kind, String instanceId) {
        return jdbc.queryForList("select kind, actor, instance_id, task_id, activity_id, plan_id, round_id, "
                + "details::text as details from ttdn.audit_event where kind = ? and instance_id = ? order by id",
                kind, instanceId);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
