package vn.ttdn.approval.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.ttdn.approval.ConsultationView;
import vn.ttdn.approval.Outcome;
import vn.ttdn.approval.Step;
import vn.ttdn.approval.StepRecord;
import vn.ttdn.approval.SubmissionInput;
import vn.ttdn.approval.SubmissionView;
import vn.ttdn.directory.PersonView;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The chain's own tables: Tờ trình versions, the step journal and the consultation. */
@Repository
public class Journal {

    private static final RowMapper<StepRecord> STEP = (rs, i) -> new StepRecord(rs.getLong("id"), rs.getInt("version"),
            Step.valueOf(rs.getString("step")), Outcome.valueOf(rs.getString("outcome")), rs.getString("actor"),
            rs.getString("actor_name"), rs.getString("actor_title"), rs.getString("actor_body"), rs.getString("note"),
            rs.getTimestamp("taken_at").toInstant());

    private static final RowMapper<SubmissionView> SUBMISSION = (rs, i) -> new SubmissionView(rs.getInt("version"),
            rs.getString("number"), rs.getObject("dated", LocalDate.class), rs.getString("summary"),
            rs.getString("proposal"), rs.getString("explanation"), rs.getString("drafted_by"),
            rs.getTimestamp("submitted_at").toInstant());

    private final JdbcTemplate jdbc;

    Journal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long planId, int version, Step step, Outcome outcome, PersonView actor, String note) {
        jdbc.update("""
                insert into ttdn.approval_step (plan_id, version, step, outcome, actor, actor_name, actor_title, actor_body,
                                           note, taken_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", planId, version, step.name(), outcome.name(),
                actor.username(), actor.fullName(), actor.title(), actor.body().code(), note,
                Timestamp.from(Instant.now()));
    }

    public List<StepRecord> steps(long planId) {
        return jdbc.query("select * from ttdn.approval_step where plan_id = ? order by id", STEP, planId);
    }

    /** Who took one of these steps with one of these outcomes on the plan, in any version. */
    public Set<String> actors(long planId, Collection<Step> steps, Collection<Outcome> outcomes) {
        return new HashSet<>(jdbc.queryForList("""
                select distinct actor from ttdn.approval_step
                where plan_id = ? and step = any (?) and outcome = any (?)""", String.class, planId,
                steps.stream().map(Enum::name).toArray(String[]::new),
                outcomes.stream().map(Enum::name).toArray(String[]::new)));
    }

    /** The last approval of the given step in the current version, if any. */
    public StepRecord lastApproval(long planId, Step step) {
        return jdbc.query("""
                select * from ttdn.approval_step where plan_id = ? and step = ? and outcome = 'APPROVED'
                order by id desc limit 1""", STEP, planId, step.name()).stream().findFirst().orElse(null);
    }

    public int latestVersion(long planId) {
        Integer v = jdbc.queryForObject("select max(version) from ttdn.submission where plan_id = ?", Integer.class, planId);
        return v == null ? 0 : v;
    }

    public int addSubmission(long planId, SubmissionInput in, String planSnapshot, String draftedBy) {
        int version = latestVersion(planId) + 1;
        jdbc.update("""
                insert into ttdn.submission (plan_id, version, number, dated, summary, proposal, explanation, plan_snapshot,
                                        drafted_by, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", planId, version, in.number().trim(), in.dated(),
                in.summary().trim(), in.proposal().trim(), blankToNull(in.explanation()), planSnapshot, draftedBy,
                Timestamp.from(Instant.now()));
        return version;
    }

    public List<SubmissionView> submissions(long planId) {
        return jdbc.query("select * from ttdn.submission where plan_id = ? order by version", SUBMISSION, planId);
    }

    public String planSnapshot(long planId, int version) {
        return jdbc.queryForObject("select plan_snapshot from ttdn.submission where plan_id = ? and version = ?",
                String.class, planId, version);
    }

    public void openConsultation(long planId, int version, Collection<String> bodies, LocalDate dueOn) {
        for (String body : bodies) {
            jdbc.update("""
                    insert into ttdn.consultation (plan_id, version, body_code, due_on) values (?, ?, ?, ?)
                    on conflict (plan_id, version, body_code) do nothing""", planId, version, body, dueOn);
        }
    }

    /** Records a body's answer; false when it was not asked or has answered already. */
    public boolean answer(long planId, int version, String body, Outcome outcome, String comment, String username) {
        return jdbc.update("""
                update ttdn.consultation set outcome = ?, comment = ?, answered_by = ?, answered_at = ?
                where plan_id = ? and version = ? and body_code = ? and outcome is null""", outcome.name(),
                blankToNull(comment), username, Timestamp.from(Instant.now()), planId, version, body) == 1;
    }

    /** Marks every body that has not answered as silent (no comment); returns them. */
    public List<String> closeConsultation(long planId, int version) {
        return jdbc.queryForList("""
                update ttdn.consultation set outcome = 'NO_ANSWER'
                where plan_id = ? and version = ? and outcome is null
                returning body_code""", String.class, planId, version);
    }

    public List<ConsultationView> consultations(long planId) {
        return jdbc.query("""
                select c.*, b.name as body_name from ttdn.consultation c join ttdn.body b on b.code = c.body_code
                where c.plan_id = ? order by c.version, b.name""", (rs, i) -> new ConsultationView(rs.getInt("version"),
                rs.getString("body_code"), rs.getString("body_name"), rs.getObject("due_on", LocalDate.class),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("comment"), rs.getString("answered_by"),
                rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()), planId);
    }

    /** The bodies consulted on a version, in the order they were asked. */
    public List<String> consulted(long planId, int version) {
        return jdbc.queryForList("select body_code from ttdn.consultation where plan_id = ? and version = ? order by id",
                String.class, planId, version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
