package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.ttdn.plan.Letterhead;
import vn.ttdn.plan.PlanLabel;

/**
 * A round's consolidated report (báo cáo tổng hợp) as data: assembled from the reports that are in,
 * with the narrative the consolidating body's officer edits, and — once its leader approved it —
 * its number, date and signer. The pages, the JSON of {@code GET /api/rounds/{id}/consolidation}
 * and every document (DOCX, XLSX, PDF) are drawn from this one record.
 *
 * @param title       how lists name it ("Báo cáo kết quả thực hiện năm 2026 — Kế hoạch số 116/KH-UBND")
 * @param subject     the subject line under BÁO CÁO ("Kết quả thực hiện Kế hoạch số 116/KH-UBND … năm 2026")
 * @param letterhead  the consolidating body as the top-left of the document prints it
 * @param number      "12/BC-SVHTTDL" (state) or "12-BC/BTGTU" (Party), null until approved
 * @param dated       the day it was approved, null until then
 * @param signer      who signs, as the block prints it, null until approved
 * @param groups      the appendix: per task group, per task, each body's cell
 * @param bodies      every body asked, how it reported
 * @param indicators  the figures summed over the reports in, beside last year's round
 * @param taskCounts  the tasks by overall status (codes of {@link Status})
 * @param bodyCounts  the bodies by timeliness (codes of {@link Timeliness})
 * @param recipients  the "Nơi nhận:" lines without the dash and the semicolon ("UBND tỉnh Quảng Ngãi")
 * @param archive     the last line's units ("VT, TTĐN" for "- Lưu: VT, TTĐN.")
 * @param planDocument the plan as the report names it ("Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân
 *                    dân tỉnh Quảng Ngãi", or "Kế hoạch <title>" for a plan printed without a number)
 * @param register    the symbol of the author's register ("SVHTTDL"), for the blank number of a draft
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Consolidation(long roundId, PlanLabel plan, int year, RoundKind kind, String title, String subject,
                            RoundView.Period period, LocalDate deadline, String consolidatingCode,
                            String consolidatingName, Letterhead letterhead, State state, int version,
                            String number, LocalDate dated, Signer signer, Narrative narrative, List<Group> groups,
                            List<Body> bodies, List<Indicator> indicators, Map<String, Integer> taskCounts,
                            Map<String, Integer> bodyCounts, List<String> recipients, String archive,
                            Instant assembledAt, String planDocument, String register) {

    /** Where the consolidated report stands. */
    public enum State {
        /** Assembled, the officer editing it. */
        DRAFT,
        /** Submitted to the consolidating body's leader. */
        SUBMITTED,
        /** Returned by the leader with a reason; the officer edits again. */
        RETURNED,
        /** Approved: numbered, dated, signed. */
        APPROVED,
        /** Sent to the issuing body and the plan's receivers, with its files. */
        SENT;

        public boolean isFinal() {
            return this == APPROVED || this == SENT;
        }
    }

    /**
     * The state of a task (in one body's report, or overall), with its words and colour as the
     * Government Office's task-tracking systems show them; {@code UNREPORTED} where no report says.
     */
    public enum Status {
        DONE_ON_TIME("done_on_time", "Hoàn thành đúng hạn", "2E7D32"),
        DONE_LATE("done_late", "Hoàn thành quá hạn", "EF6C00"),
        IN_PROGRESS("in_progress", "Đang thực hiện trong hạn", "1565C0"),
        OVERDUE("overdue", "Quá hạn chưa hoàn thành", "C62828"),
        NOT_STARTED("not_started", "Chưa triển khai", "757575"),
        UNREPORTED("unreported", "Chưa có báo cáo", "BDBDBD");

        public final String code;
        public final String label;
        /** RGB hex without '#', for cells and charts. */
        public final String colour;

        Status(String code, String label, String colour) {
            this.code = code;
            this.label = label;
            this.colour = colour;
        }

        public static Status of(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            return UNREPORTED;
        }
    }

    /** How a body reported in the round. */
    public enum Timeliness {
        ON_TIME("on_time", "Đúng hạn"),
        LATE("late", "Quá hạn"),
        PENDING("pending", "Chưa gửi"),
        MISSING("missing", "Không báo cáo");

        public final String code;
        public final String label;

        Timeliness(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /**
     * "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" and the name; {@code authority} is null when the head
     * signs in their own name ("GIÁM ĐỐC").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signer(String authority, String position, String name) {
    }

    /** The five parts the officer writes: kết quả đạt được, tồn tại hạn chế, nguyên nhân, phương hướng, kiến nghị. */
    public record Narrative(String achievements, String shortcomings, String causes, String directions,
                            String recommendations) {

        public static final List<String> PARTS = List.of("achievements", "shortcomings", "causes", "directions",
                "recommendations");

        public String part(String name) {
            return switch (name) {
                case "achievements" -> achievements;
                case "shortcomings" -> shortcomings;
                case "causes" -> causes;
                case "directions" -> directions;
                case "recommendations" -> recommendations;
                default -> throw new IllegalArgumentException(name);
            };
        }
    }

    public record Group(String number, String title, List<Task> tasks) {
    }

    /** A task of the plan: its overall status (from its lead bodies' reports) and one cell per body asked on it. */
    public record Task(String number, String content, Status overall, List<Cell> cells) {
    }

    /**
     * What one body said of one task: its role (lead, cooperate), the status it gave (or
     * UNREPORTED), what it reported, and whether its report came after the deadline.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String bodyCode, String role, Status status, String result, String difficulties,
                       String proposals, boolean late) {
    }

    /**
     * A body asked: its name (and whom it stands for), assigned or requested, its report's state,
     * on time or late or missing, how many times it was returned or sent back, its number, and the
     * tasks its report says nothing of.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String name, String shortName, String replacesName, AskKind kind, BodyState state,
                       Timeliness timeliness, int returns, Instant submittedAt, Instant receivedAt,
                       String reportNumber, List<String> unreportedTasks) {
    }

    /** An indicator: the sum over the reports in, last year's sum (null when no round), each body's figure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String code, String label, String unit, BigDecimal total, BigDecimal lastYear,
                            Map<String, BigDecimal> byBody) {
    }
}
