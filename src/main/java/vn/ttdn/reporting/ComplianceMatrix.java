package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanLabel;

/**
 * The supervisors' compliance matrix of a plan for a year ({@link Compliance}): the round shown (the
 * year's yearly round, or another round of the year chosen), the plan's tasks it asks as columns in the
 * plan's groups, a row per body asked (whom it stands for, "thay cho"), a cell per task the body reports
 * on (none where it is not asked), the totals per body, per task and for the round; and over the years,
 * per yearly round of the plan, how many bodies were in each status and the on-time rate.
 *
 * <p>A body reports on all its tasks in one report, so its cells share its status; the row keeps the
 * facts the status is made of: {@code state}, {@code late}, {@code returns} (how often it was returned or
 * sent back), its own {@code deadline} when a supervisor extended it. Counts are keyed by
 * {@link ComplianceStatus} name, every status present (zeros too), in the enum's order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplianceMatrix(PlanLabel plan, Integer year, List<Integer> years, List<RoundChoice> rounds,
                               RoundChoice round, List<Group> groups, List<Row> bodies,
                               Map<String, Map<String, Integer>> taskTotals, Map<String, Integer> bodyTotals,
                               Map<String, Integer> cellTotals, List<YearPoint> overYears) {

    /** A round of the plan that opened: what the year's choice lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoundChoice(long id, RoundKind kind, int year, String label, LocalDate deadline, RoundStatus status) {
    }

    /** A group of the plan's tasks (number null: tasks the round asked that the plan's version no longer has). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String number, String title, List<Column> tasks) {
    }

    public record Column(String number, String content) {
    }

    /** A body asked, its status and the facts behind it, its cells by task number, its cells counted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String code, String name, BodyRef replaces, AskKind kind, BodyState state, boolean late,
                      int returns, LocalDate deadline, Instant submittedAt, Instant receivedAt, String reportNumber,
                      ComplianceStatus status, Map<String, Cell> cells, Map<String, Integer> counts) {

        public Cell cell(String taskNumber) {
            return cells.get(taskNumber);
        }
    }

    /** The body on one task: its status, and whether it leads ({@code lead}) or cooperates ({@code cooperate}). */
    public record Cell(ComplianceStatus status, String role) {
    }

    /**
     * A yearly round of the plan: its bodies counted per status, and of those due (all but the pending)
     * the share in on time, returned first or not, as a whole percentage (null: none due yet).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YearPoint(int year, long roundId, RoundStatus status, LocalDate deadline, int asked,
                            Map<String, Integer> counts, Integer onTimePercent) {
    }

    /** The statuses in order, for legends and loops. */
    public List<ComplianceStatus> statuses() {
        return List.of(ComplianceStatus.values());
    }
}
