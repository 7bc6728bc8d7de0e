package vn.ttdn.reporting;

import java.util.List;
import java.util.Map;

/**
 * The words of an agency's report: the task states as the Government Office counts them, and the
 * indicators (chỉ tiêu) a round asks for with their units. The form {@code agency-report} names the
 * states by these codes; a plan may declare its own indicators ({@code reporting.indicators}),
 * otherwise its reports give the default set.
 */
public final class ReportForms {

    /** The state of a task as the body reports it, with the label and colour the pages use. */
    public enum TaskStatus {
        DONE_ON_TIME("done_on_time", "Hoàn thành đúng hạn", "green"),
        DONE_LATE("done_late", "Hoàn thành quá hạn", "orange"),
        IN_PROGRESS("in_progress", "Đang thực hiện trong hạn", "blue"),
        OVERDUE("overdue", "Quá hạn chưa hoàn thành", "red"),
        NOT_STARTED("not_started", "Chưa triển khai", "grey");

        public final String code;
        public final String label;
        public final String colour;

        TaskStatus(String code, String label, String colour) {
            this.code = code;
            this.label = label;
            this.colour = colour;
        }
    }

    /** An indicator the report gives as a number. */
    public record Indicator(String code, String label, String unit) {
    }

    public static final List<Indicator> DEFAULT_INDICATORS = List.of(
            new Indicator("events", "Hoạt động, sự kiện thông tin đối ngoại đã tổ chức", "cuộc"),
            new Indicator("publications", "Tin, bài, ấn phẩm thông tin đối ngoại", "tin, bài"),
            new Indicator("rebuttals", "Tin, bài đấu tranh, phản bác thông tin sai trái", "tin, bài"),
            new Indicator("trainings", "Lớp tập huấn, bồi dưỡng nghiệp vụ thông tin đối ngoại", "lớp"),
            new Indicator("trainees", "Lượt cán bộ được tập huấn, bồi dưỡng", "lượt người"),
            new Indicator("delegations", "Đoàn quốc tế, phóng viên nước ngoài đón tiếp, làm việc", "đoàn"));

    /** The figures a plan's reports give: those its file declares, or the default set. */
    public static List<Indicator> indicatorsOf(vn.ttdn.plan.PlanDetails plan) {
        List<vn.ttdn.plan.PlanFile.Indicator> declared = plan.reporting().indicators();
        return declared == null || declared.isEmpty() ? DEFAULT_INDICATORS
                : declared.stream().map(i -> new Indicator(i.code(), i.label(), i.unit())).toList();
    }

    /** Who leads or cooperates, as the report's rows say it. */
    public static final Map<String, String> ROLES = Map.of("lead", "Chủ trì", "cooperate", "Phối hợp");

    private ReportForms() {
    }
}
