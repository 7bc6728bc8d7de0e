package vn.ttdn.amendment.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The amendment tables (Flyway V8): {@code amendment_proposal}, {@code plan_amendment} and the
 * journal {@code amendment_step}. Rows as they are stored; the service makes views of them.
 */
@Component
public class AmendmentStore {

    /** A proposal as stored; bodies by their codes. */
    public record ProposalRow(long id, long planId, String bodyCode, String kind, String taskNumber,
                              String groupNumber, String content, String timeline, String timelineText,
                              List<String> lead, List<String> cooperating, String reason, String proposedBy,
                              Instant proposedAt, String state, Long amendmentId, String decisionReason,
                              String appliedNumber) {
    }

    /** An amendment as stored. */
    public record AmendmentRow(long id, long planId, String consolidatingCode, String issuingCode, String state,
                               String submissionNumber, LocalDate submissionDate, String summary, Integer planVersion,
                               String reference, LocalDate decidedOn, String startedBy, Instant startedAt,
                               String decidedBy, Instant decidedAt) {
    }

    /** A step of the journal. */
    public record StepRow(long id, long amendmentId, String step, String outcome, String actor, String actorName,
                          String note, Instant takenAt) {
    }

    private static final RowMapper<ProposalRow> PROPOSAL = (rs, i) -> new ProposalRow(rs.getLong("id"),
            rs.getLong("plan_id"), rs.getString("body_code"), rs.getString("kind"), rs.getString("task_number"),
            rs.getString("group_number"), rs.getString("content"), rs.getString("timeline"),
            rs.getString("timeline_text"), strings(rs.getArray("lead")), strings(rs.getArray("cooperating")),
            rs.getString("reason"), rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("state"),
            (Long) rs.getObject("amendment_id"), rs.getString("decision_reason"), rs.getString("applied_number"));

    private static final RowMapper<AmendmentRow> AMENDMENT = (rs, i) -> new AmendmentRow(rs.getLong("id"),
            rs.getLong("plan_id"), rs.getString("consolidating_code"), rs.getString("issuing_code"),
            rs.getString("state"), rs.getString("submission_number"), rs.getObject("submission_date", LocalDate.class),
            rs.getString("summary"), (Integer) rs.getObject("plan_version"), rs.getString("reference"),
            rs.getObject("decided_on", LocalDate.class), rs.getString("started_by"), instant(rs, "started_at"),
            rs.getString("decided_by"), instant(rs, "decided_at"));

    private static final RowMapper<StepRow> STEP = (rs, i) -> new StepRow(rs.getLong("id"), rs.getLong("amendment_id"),
            rs.getString("step"), rs.getString("outcome"), rs.getString("actor"), rs.getString("actor_name"),
            rs.getString("note"), instant(rs, "taken_at"));

    private final JdbcTemplate jdbc;

    AmendmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insertProposal(ProposalRow p) {
        return jdbc.queryForObject("""
                insert into ttdn.amendment_proposal (plan_id, body_code, kind, task_number, group_number, content,
                    timeline, timeline_text, lead, cooperating, reason, proposed_by, proposed_at, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED') returning id""", Long.class,
                p.planId(), p.bodyCode(), p.kind(), p.taskNumber(), p.groupNumber(), p.content(), p.timeline(),
                p.timelineText(), array(p.lead()), array(p.cooperating()), p.reason(), p.proposedBy(),
                Timestamp.from(p.proposedAt()));
    }

    public Optional<ProposalRow> proposal(long id) {
        return jdbc.query("select * from ttdn.amendment_proposal where id = ?", PROPOSAL, id).stream().findFirst();
    }

    public List<ProposalRow> proposalsOfPlan(long planId) {
        return jdbc.query("select * from ttdn.amendment_proposal where plan_id = ? order by id", PROPOSAL, planId);
    }

    public List<ProposalRow> proposalsOf(long amendmentId) {
        return jdbc.query("select * from ttdn.amendment_proposal where amendment_id = ? order by id", PROPOSAL,
                amendmentId);
    }

    /** Puts the proposals in the amendment; how many moved (only PROPOSED ones do). */
    public int include(long amendmentId, Collection<Long> proposalIds) {
        int moved = 0;
        for (Long id : proposalIds) {
            moved += jdbc.update("update ttdn.amendment_proposal set state = 'INCLUDED', amendment_id = ? "
                    + "where id = ? and state = 'PROPOSED'", amendmentId, id);
        }
        return moved;
    }

    /** Takes a proposal out of its amendment again, back to the proposals waiting. */
    public void release(long proposalId) {
        jdbc.update("update ttdn.amendment_proposal set state = 'PROPOSED', amendment_id = null "
                + "where id = ? and state = 'INCLUDED'", proposalId);
    }

    public void decide(long proposalId, String state, String reason) {
        jdbc.update("update ttdn.amendment_proposal set state = ?, decision_reason = ? where id = ?", state, reason,
                proposalId);
    }

    public void applied(long proposalId, String number) {
        jdbc.update("update ttdn.amendment_proposal set applied_number = ? where id = ?", number, proposalId);
    }

    public long insertAmendment(long planId, String consolidatingCode, String issuingCode, String startedBy,
                                Instant at) {
        return jdbc.queryForObject("""
                insert into ttdn.plan_amendment (plan_id, consolidating_code, issuing_code, state, started_by, started_at)
                values (?, ?, ?, 'DRAFTING', ?, ?) returning id""", Long.class, planId, consolidatingCode, issuingCode,
                startedBy, Timestamp.from(at));
    }

    public Optional<AmendmentRow> amendment(long id) {
        return jdbc.query("select * from ttdn.plan_amendment where id = ?", AMENDMENT, id).stream().findFirst();
    }

    /** The amendment's row, locked until the transaction ends: its steps queue on it. */
    public Optional<AmendmentRow> lock(long id) {
        return jdbc.query("select * from ttdn.plan_amendment where id = ? for no key update", AMENDMENT, id).stream()
                .findFirst();
    }

    public List<AmendmentRow> amendmentsOf(long planId) {
        return jdbc.query("select * from ttdn.plan_amendment where plan_id = ? order by id", AMENDMENT, planId);
    }

    public boolean hasOpen(long planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ttdn.plan_amendment "
                + "where plan_id = ? and state in ('DRAFTING', 'SIGNED'))", Boolean.class, planId));
    }

    public void submission(long id, String number, LocalDate dated, String summary) {
        jdbc.update("update ttdn.plan_amendment set submission_number = ?, submission_date = ?, summary = ? "
                + "where id = ?", number, dated, summary, id);
    }

    /** Moves the amendment from one state to another; whether it was in the first. */
    public boolean move(long id, String from, String to) {
        return jdbc.update("update ttdn.plan_amendment set state = ? where id = ? and state = ?", to, id, from) == 1;
    }

    public void decided(long id, String by, Instant at) {
        jdbc.update("update ttdn.plan_amendment set decided_by = ?, decided_at = ? where id = ?", by,
                Timestamp.from(at), id);
    }

    public void outcome(long id, String state, Integer planVersion, String reference, LocalDate decidedOn) {
        jdbc.update("update ttdn.plan_amendment set state = ?, plan_version = ?, reference = ?, decided_on = ? "
                + "where id = ?", state, planVersion, reference, decidedOn, id);
    }

    public void record(long amendmentId, String step, String outcome, String actor, String actorName, String note,
                       Instant at) {
        jdbc.update("""
                insert into ttdn.amendment_step (amendment_id, step, outcome, actor, actor_name, note, taken_at)
                values (?, ?, ?, ?, ?, ?, ?)""", amendmentId, step, outcome, actor, actorName, note,
                Timestamp.from(at));
    }

    public List<StepRow> steps(long amendmentId) {
        return jdbc.query("select * from ttdn.amendment_step where amendment_id = ? order by id", STEP, amendmentId);
    }

    /** Who took any of these steps on the amendment (with any of these outcomes, when given). */
    public List<String> actors(long amendmentId, List<String> steps, List<String> outcomes) {
        return steps(amendmentId).stream().filter(s -> steps.contains(s.step()))
                .filter(s -> outcomes.isEmpty() || outcomes.contains(s.outcome()))
                .map(StepRow::actor).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private Array array(List<String> values) {
        return values == null || values.isEmpty() ? null
                : jdbc.execute((java.sql.Connection c) -> c.createArrayOf("text", values.toArray()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
