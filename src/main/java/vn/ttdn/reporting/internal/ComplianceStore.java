package vn.ttdn.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The two reads of the supervisors' compliance matrix, one query each over {@code round_body},
 * {@code report_step} and {@code report_round}: every body of a round on every task it reports on,
 * with its status; and, for each yearly round of a plan, the bodies counted per status. The indexes
 * they use are there already: {@code report_round_plan}, the primary key of {@code round_body},
 * {@code report_step_round}.
 */
@Repository
public class ComplianceStore {

    /**
     * A body's status in its round on the day ({@code ?}): in late; in after a return or send-back;
     * in on time; missing when the round closed without it or its deadline (its own when extended)
     * passed; pending otherwise. Over {@code rb} (round_body), {@code r} (report_round) and
     * {@code ret.n} (its returns).
     */
    private static final String STATUS = """
            case
              when rb.state in ('SUBMITTED', 'RECEIVED') then
                case when rb.late then 'LATE' when coalesce(ret.n, 0) > 0 then 'RETURNED' else 'ON_TIME' end
              when rb.state = 'MISSING' or rb.late or coalesce(rb.deadline, r.deadline) < ? then 'MISSING'
              else 'PENDING'
            end""";

    /** A body of the round on one of its tasks ({@code task} null: a body asked on no task). */
    public record CellRow(String bodyCode, String bodyName, String replacesCode, String replacesName, String kind,
                          String state, boolean late, LocalDate deadline, Instant submittedAt, Instant receivedAt,
                          String reportNumber, int returns, String status, String task, String role) {
    }

    /** A yearly round and how many of its bodies stand in one status ({@code status} null: it asked none). */
    public record YearCount(long roundId, int year, String roundStatus, LocalDate deadline, String status,
                            int bodies) {
    }

    private final JdbcTemplate jdbc;

    ComplianceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every body of the round on every task it reports on, in the round's order and the tasks' order. */
    public List<CellRow> cells(long roundId, LocalDate today) {
        return jdbc.query("""
                with ret as (
                  select body_code, count(*) as n from ttdn.report_step
                  where round_id = ? and step in ('RETURNED', 'SENT_BACK') group by body_code)
                select rb.body_code, b.name, rb.replaces_code, rep.name as replaces_name, rb.kind, rb.state, rb.late,
                       rb.deadline, rb.submitted_at, rb.received_at, rb.report_number, coalesce(ret.n, 0) as returns,
                       """ + " (" + STATUS + ") " + """
                        as status, t.value ->> 'number' as task, t.value ->> 'role' as role
                from ttdn.round_body rb
                join ttdn.report_round r on r.id = rb.round_id
                join ttdn.body b on b.code = rb.body_code
                left join ttdn.body rep on rep.code = rb.replaces_code
                left join ret on ret.body_code = rb.body_code
                left join lateral jsonb_array_elements(rb.tasks) with ordinality as t(value, i) on true
                where rb.round_id = ?
                order by rb.position, t.i""", (rs, i) -> new CellRow(rs.getString("body_code"), rs.getString("name"),
                rs.getString("replaces_code"), rs.getString("replaces_name"), rs.getString("kind"),
                rs.getString("state"), rs.getBoolean("late"), rs.getObject("deadline", LocalDate.class),
                instant(rs, "submitted_at"), instant(rs, "received_at"), rs.getString("report_number"),
                rs.getInt("returns"), rs.getString("status"), rs.getString("task"), rs.getString("role")),
                roundId, today, roundId);
    }

    /** For each yearly round of the plan that opened, its bodies counted per status, by year. */
    public List<YearCount> yearly(long planId, LocalDate today) {
        return jdbc.query("""
                with ret as (
                  select s.round_id, s.body_code, count(*) as n from ttdn.report_step s
                  join ttdn.report_round x on x.id = s.round_id
                  where x.plan_id = ? and x.kind = 'YEARLY' and s.step in ('RETURNED', 'SENT_BACK')
                  group by s.round_id, s.body_code)
                select r.id, r.year, r.status as round_status, r.deadline,
                       case when rb.body_code is null then null else """ + " (" + STATUS + ") " + """
                        end as status, count(rb.body_code) as bodies
                from ttdn.report_round r
                left join ttdn.round_body rb on rb.round_id = r.id
                left join ret on ret.round_id = rb.round_id and ret.body_code = rb.body_code
                where r.plan_id = ? and r.kind = 'YEARLY' and r.status <> 'SCHEDULED'
                group by r.id, r.year, r.status, r.deadline, 5
                order by r.year, r.id""", (rs, i) -> new YearCount(rs.getLong("id"), rs.getInt("year"),
                rs.getString("round_status"), rs.getObject("deadline", LocalDate.class), rs.getString("status"),
                rs.getInt("bodies")), planId, today, planId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
