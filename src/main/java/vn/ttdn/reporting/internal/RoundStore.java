package vn.ttdn.reporting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The rounds, the bodies asked, the report versions and the steps, in schema {@code ttdn} (V5). */
@Repository
public class RoundStore {

    /** A round's row. {@code taskNumbers} and {@code bodyCodes} are null for "all". */
    public record RoundRow(long id, long planId, String kind, int year, String label, LocalDate deadline,
                           LocalDate periodFrom, LocalDate periodTo, LocalDate opensOn, String status,
                           String consolidatingCode, String consolidatingReplaces, List<String> taskNumbers,
                           List<String> bodyCodes, String createdBy, Instant openedAt, Instant readyAt,
                           Instant closedAt) {
    }

    /**
     * A body asked in a round. {@code deadline} is the body's own, later than the round's, when a
     * supervisor extended it (V14); null: the round's.
     */
    public record BodyRow(long roundId, String bodyCode, String replacesCode, String kind, int position, String state,
                          boolean late, int version, Instant submittedAt, Instant receivedAt, String reportNumber,
                          List<Map<String, String>> tasks, LocalDate deadline) {
    }

    /** One version of a body's report. */
    public record VersionRow(int version, Map<String, Object> content, String draftedBy, Instant draftedAt) {
    }

    /** One step on a body's report, or on the round ({@code bodyCode} null). */
    public record StepRow(long id, String bodyCode, int version, String step, String actor, String actorName,
                          String actorTitle, String note, Instant takenAt) {
    }

    private static final TypeReference<List<Map<String, String>>> TASKS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<RoundRow> roundRow;
    private final RowMapper<BodyRow> bodyRow;

    RoundStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.roundRow = (rs, i) -> new RoundRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("kind"),
                rs.getInt("year"), rs.getString("label"), rs.getObject("deadline", LocalDate.class),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("opens_on", LocalDate.class), rs.getString("status"), rs.getString("consolidating_code"),
                rs.getString("consolidating_replaces"), strings(rs.getArray("task_numbers")),
                strings(rs.getArray("body_codes")), rs.getString("created_by"), instant(rs, "opened_at"),
                instant(rs, "ready_at"), instant(rs, "closed_at"));
        this.bodyRow = (rs, i) -> new BodyRow(rs.getLong("round_id"), rs.getString("body_code"),
                rs.getString("replaces_code"), rs.getString("kind"), rs.getInt("position"), rs.getString("state"),
                rs.getBoolean("late"), rs.getInt("version"), instant(rs, "submitted_at"), instant(rs, "received_at"),
                rs.getString("report_number"), read(rs.getString("tasks"), TASKS),
                rs.getObject("deadline", LocalDate.class));
    }

    /** Inserts a round unless its plan already has the yearly round of that year; its id if inserted. */
    public Optional<Long> insert(RoundRow r) {
        return jdbc.query("""
                insert into ttdn.report_round (plan_id, kind, year, label, deadline, period_from, period_to, opens_on,
                    status, consolidating_code, task_numbers, body_codes, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                on conflict do nothing returning id""", (rs, i) -> rs.getLong(1), r.planId(), r.kind(), r.year(),
                r.label(), r.deadline(), r.periodFrom(), r.periodTo(), r.opensOn(), r.status(), r.consolidatingCode(),
                array(r.taskNumbers()), array(r.bodyCodes()), r.createdBy()).stream().findFirst();
    }

    public Optional<RoundRow> round(long id) {
        return jdbc.query("select * from ttdn.report_round where id = ?", roundRow, id).stream().findFirst();
    }

    /**
     * The round's row, locked until the transaction ends, so two moves of one round queue. "No key
     * update": rows that refer to the round (steps, bodies) take a key-share lock on it as they are
     * written, which a plain "for update" would wait for, deadlocking two reports sent at once.
     */
    public Optional<RoundRow> lock(long id) {
        return jdbc.query("select * from ttdn.report_round where id = ? for no key update", roundRow, id).stream()
                .findFirst();
    }

    public List<RoundRow> ofPlan(long planId) {
        return jdbc.query("select * from ttdn.report_round where plan_id = ? order by deadline, id", roundRow, planId);
    }

    public boolean hasYearly(long planId, int year) {
        return has(planId, year, "YEARLY");
    }

    /** Whether the plan has a round of this kind for the year (one yearly and one six-month round at most). */
    public boolean has(long planId, int year, String kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from ttdn.report_round where plan_id = ? and year = ? and kind = ?)",
                Boolean.class, planId, year, kind));
    }

    /** Moves a round from one status to another; false when it was not in {@code from} (someone moved it first). */
    public boolean move(long id, String from, String to, String timestampColumn) {
        return jdbc.update("update ttdn.report_round set status = ?, " + timestampColumn + " = now() "
                + "where id = ? and status = ?", to, id, from) == 1;
    }

    public void opened(long id, String consolidatingCode, String consolidatingReplaces) {
        jdbc.update("update ttdn.report_round set status = 'OPEN', opened_at = now(), consolidating_code = ?, "
                + "consolidating_replaces = ? where id = ? and status = 'SCHEDULED'", consolidatingCode,
                consolidatingReplaces, id);
    }

    /** The version of its plan a round ran on (set when it opened); null while it is scheduled. */
    public Integer planVersion(long id) {
        return jdbc.queryForObject("select plan_version from ttdn.report_round where id = ?", Integer.class, id);
    }

    public void planVersion(long id, Integer version) {
        jdbc.update("update ttdn.report_round set plan_version = ? where id = ?", version, id);
    }

    public void closedBy(long id, String username) {
        jdbc.update("update ttdn.report_round set closed_by = ? where id = ?", username, id);
    }

    public void insertBody(BodyRow b) {
        jdbc.update("""
                insert into ttdn.round_body (round_id, body_code, replaces_code, kind, position, state, tasks)
                values (?, ?, ?, ?, ?, 'PENDING', ?::jsonb)""", b.roundId(), b.bodyCode(), b.replacesCode(), b.kind(),
                b.position(), write(b.tasks()));
    }

    /** For the bodies of these rounds that stand for another: "roundId/bodyCode" → the name of the body they stand for. */
    public Map<String, String> replacedNames(java.util.Collection<Long> roundIds) {
        Map<String, String> names = new java.util.HashMap<>();
        if (roundIds.isEmpty()) {
            return names;
        }
        jdbc.query("""
                select rb.round_id, rb.body_code, b.name from ttdn.round_body rb join ttdn.body b on b.code = rb.replaces_code
                where rb.round_id = any (?)""", rs -> {
            names.put(rs.getLong(1) + "/" + rs.getString(2), rs.getString(3));
        }, (Object) roundIds.toArray(Long[]::new));
        return names;
    }

    public List<BodyRow> bodies(long roundId) {
        return jdbc.query("select * from ttdn.round_body where round_id = ? order by position", bodyRow, roundId);
    }

    public Optional<BodyRow> body(long roundId, String bodyCode) {
        return jdbc.query("select * from ttdn.round_body where round_id = ? and body_code = ?", bodyRow, roundId,
                bodyCode).stream().findFirst();
    }

    /** The body's row locked until the transaction ends. */
    public Optional<BodyRow> lockBody(long roundId, String bodyCode) {
        return jdbc.query("select * from ttdn.round_body where round_id = ? and body_code = ? for no key update", bodyRow,
                roundId, bodyCode).stream().findFirst();
    }

    public void setState(long roundId, String bodyCode, String state) {
        jdbc.update("update ttdn.round_body set state = ? where round_id = ? and body_code = ?", state, roundId,
                bodyCode);
    }

    public int addVersion(long roundId, String bodyCode, Map<String, Object> content, String username, Instant at) {
        Integer version = jdbc.queryForObject("""
                update ttdn.round_body set version = version + 1, state = 'DRAFT'
                where round_id = ? and body_code = ? returning version""", Integer.class, roundId, bodyCode);
        jdbc.update("""
                insert into ttdn.agency_report (round_id, body_code, version, content, drafted_by, drafted_at)
                values (?, ?, ?, ?::jsonb, ?, ?)""", roundId, bodyCode, version, write(content), username,
                Timestamp.from(at));
        return version;
    }

    public void submitted(long roundId, String bodyCode, String reportNumber, boolean late, Instant at) {
        jdbc.update("""
                update ttdn.round_body set state = 'SUBMITTED', report_number = ?, late = late or ?, submitted_at = ?
                where round_id = ? and body_code = ?""", reportNumber, late, Timestamp.from(at), roundId, bodyCode);
    }

    public void received(long roundId, String bodyCode, Instant at) {
        jdbc.update("update ttdn.round_body set state = 'RECEIVED', received_at = ? where round_id = ? and body_code = ?",
                Timestamp.from(at), roundId, bodyCode);
    }

    /**
     * Marks late every body of the round that is not in, except those whose own deadline is later
     * than the round's (extended); the codes marked.
     */
    public List<String> markLate(long roundId) {
        return jdbc.queryForList("""
                update ttdn.round_body b set late = true
                where b.round_id = ? and b.state not in ('SUBMITTED', 'RECEIVED', 'MISSING') and not b.late
                  and (b.deadline is null
                       or b.deadline <= (select r.deadline from ttdn.report_round r where r.id = b.round_id))
                returning b.body_code""", String.class, roundId);
    }

    /** Gives the body a deadline of its own (later than the round's). */
    public void extendBody(long roundId, String bodyCode, LocalDate deadline) {
        jdbc.update("update ttdn.round_body set deadline = ? where round_id = ? and body_code = ?", deadline, roundId,
                bodyCode);
    }

    /** Moves the round's deadline; the bodies' own deadlines it reaches or passes are the round's again. */
    public void extendRound(long roundId, LocalDate deadline) {
        jdbc.update("update ttdn.report_round set deadline = ? where id = ?", deadline, roundId);
        jdbc.update("update ttdn.round_body set deadline = null where round_id = ? and deadline <= ?", roundId,
                deadline);
    }

    /** Counts as missing every body of the round that is not in; the codes. */
    public List<String> markMissing(long roundId) {
        return jdbc.queryForList("""
                update ttdn.round_body set state = 'MISSING'
                where round_id = ? and state not in ('SUBMITTED', 'RECEIVED', 'MISSING') returning body_code""",
                String.class, roundId);
    }

    /** How many assigned bodies of the round are not in yet. */
    public int assignedNotIn(long roundId) {
        return jdbc.queryForObject("""
                select count(*) from ttdn.round_body
                where round_id = ? and kind = 'ASSIGNED' and state not in ('SUBMITTED', 'RECEIVED')""",
                Integer.class, roundId);
    }

    public List<VersionRow> versions(long roundId, String bodyCode) {
        return jdbc.query("""
                select version, content, drafted_by, drafted_at from ttdn.agency_report
                where round_id = ? and body_code = ? order by version""", (rs, i) -> new VersionRow(rs.getInt(1),
                read(rs.getString(2), CONTENT), rs.getString(3), instant(rs, "drafted_at")), roundId, bodyCode);
    }

    public void step(long roundId, String bodyCode, int version, String step, String actor, String actorName,
                     String actorTitle, String note, Instant at) {
        jdbc.update("""
                insert into ttdn.report_step (round_id, body_code, version, step, actor, actor_name, actor_title, note,
                    taken_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", roundId, bodyCode, version, step, actor, actorName,
                actorTitle, note, Timestamp.from(at));
    }

    public List<StepRow> steps(long roundId, String bodyCode) {
        return jdbc.query("""
                select * from ttdn.report_step where round_id = ? and (body_code = ? or ? is null) order by id""",
                (rs, i) -> new StepRow(rs.getLong("id"), rs.getString("body_code"), rs.getInt("version"),
                        rs.getString("step"), rs.getString("actor"), rs.getString("actor_name"),
                        rs.getString("actor_title"), rs.getString("note"), instant(rs, "taken_at")),
                roundId, bodyCode, bodyCode);
    }

    /** Who drafted versions of this body's report in this round. */
    public List<String> drafters(long roundId, String bodyCode) {
        return jdbc.queryForList("select distinct drafted_by from ttdn.agency_report where round_id = ? and body_code = ?",
                String.class, roundId, bodyCode);
    }

    private Array array(List<String> values) {
        return values == null ? null : jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text",
                values.toArray()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
