package vn.ttdn.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * The backing class of {@code bpmn/agency-report.bpmn}: one body's report in a round. Its officer
 * drafts, its leader approves (numbered, submitted) or returns it, the consolidating body receives
 * it or sends it back for more detail; a received report is final.
 */
final class AgencyReport {

    static final String KEY = "agency-report";

    enum Activity {
        DRAFT("userTask_draftReport"),
        LEADER("userTask_leaderApproval"),
        RECEIVE("userTask_receiveReport");

        final String id;

        Activity(String id) {
            this.id = id;
        }

        static Optional<Activity> of(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
        }
    }

    static final String END = "endEvent_reportReceived";

    /** Process variables (from the round, and the element variable of its multi-instance). */
    static final String ROUND_ID = ReportRound.ROUND_ID;
    static final String REPORT_BODY = "reportBody";
    static final String CONSOLIDATING_BODY = ReportRound.CONSOLIDATING_BODY;
    static final String DECISION = "decision";
    /** When its drafting and approving are due (the round's deadline, or the body's own once extended). */
    static final String DUE_AT = ReportRound.DUE_AT;

    private AgencyReport() {
    }
}
