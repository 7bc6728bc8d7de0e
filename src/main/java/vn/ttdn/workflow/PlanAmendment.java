package vn.ttdn.workflow;

import java.util.Arrays;
import java.util.Optional;
import vn.ttdn.amendment.AmendmentStep;

/**
 * The backing class of {@code bpmn/plan-amendment.bpmn}: an amendment of an issued plan. The
 * consolidating body's officer prepares the Tờ trình, its director signs or returns it, a leader of
 * the issuing body decides each proposed change; the approved ones are applied as the plan's next
 * version and the bodies concerned told. The process carries ids and the last decision only; what
 * people wrote lives in the amendment module's tables.
 */
final class PlanAmendment {

    static final String KEY = "plan-amendment";
    static final String RESOURCE = "bpmn/plan-amendment.bpmn";

    /** The user tasks, each with the amendment step it stands for. */
    enum Activity {
        PREPARE("userTask_prepareAmendment", AmendmentStep.SUBMIT),
        DIRECTOR("userTask_signAmendment", AmendmentStep.DIRECTOR),
        DECISION("userTask_decideAmendment", AmendmentStep.DECISION);

        final String id;
        final AmendmentStep step;

        Activity(String id, AmendmentStep step) {
            this.id = id;
            this.step = step;
        }

        static Optional<Activity> of(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
        }
    }

    static final String START = "startEvent_amendmentStarted";
    static final String APPLY = "serviceTask_applyAmendment";
    static final String NOTIFY = "serviceTask_notifyBodies";
    static final String AMENDED = "endEvent_planAmended";
    static final String REJECTED = "endEvent_amendmentRejected";

    /** Process variables. */
    static final String PLAN_ID = TaskRules.PLAN_ID;
    static final String AMENDMENT_ID = "amendmentId";
    static final String DRAFTER = "drafter";
    static final String CONSOLIDATING_BODY = "consolidatingBody";
    static final String ISSUING_BODY = "issuingBody";
    static final String DECISION = "decision";
    /** Whether any change was approved (the plan has a new version). */
    static final String APPLIED = "applied";
    static final String PLAN_VERSION = "planVersion";

    /** The business key of an amendment's instance. */
    static String businessKey(long amendmentId) {
        return "amendment-" + amendmentId;
    }

    private PlanAmendment() {
    }
}
