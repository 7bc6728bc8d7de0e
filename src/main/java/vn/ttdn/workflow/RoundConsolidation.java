package vn.ttdn.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * The backing class of {@code bpmn/round-consolidation.bpmn}: a round's consolidated report. The
 * figures are assembled from the reports in, the consolidating body's officer writes the assessment
 * and submits, its leader approves (numbered, signed) or returns it, and it is sent with its files.
 */
final class RoundConsolidation {

    static final String KEY = "round-consolidation";

    enum Activity {
        DRAFT("userTask_draftConsolidation"),
        APPROVE("userTask_approveConsolidation");

        final String id;

        Activity(String id) {
            this.id = id;
        }

        static Optional<Activity> of(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
        }
    }

    static final String ASSEMBLE = "serviceTask_assemble";
    static final String SEND = "serviceTask_sendConsolidation";
    static final String END = "endEvent_consolidationSent";

    /** Process variables, from the round. */
    static final String ROUND_ID = ReportRound.ROUND_ID;
    static final String CONSOLIDATING_BODY = ReportRound.CONSOLIDATING_BODY;
    static final String DECISION = "decision";

    private RoundConsolidation() {
    }
}
