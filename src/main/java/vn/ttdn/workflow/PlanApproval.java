package vn.ttdn.workflow;

import vn.ttdn.approval.Step;

import java.util.Arrays;
import java.util.Optional;

/**
 * The backing class of {@code bpmn/plan-approval.bpmn}: the process key, its activity ids and its
 * variables. The process carries only ids, the Tờ trình version and the last decision; what people
 * wrote lives in the approval module's tables.
 */
final class PlanApproval {

    static final String KEY = "plan-approval";
    static final String RESOURCE = "bpmn/plan-approval.bpmn";

    /** The user tasks, each with the approval step it stands for and its form. */
    enum Activity {
        DRAFT("userTask_draftSubmission", Step.DRAFT),
        COMMENT("userTask_comment", Step.CONSULT),
        REVISE("userTask_revise", Step.REVISE),
        DIRECTOR("userTask_directorApproval", Step.DIRECTOR),
        OFFICE_REVIEW("userTask_officeReview", Step.OFFICE_REVIEW),
        DECISION("userTask_issuerDecision", Step.DECISION),
        ISSUE("userTask_issue", Step.ISSUE);

        final String id;
        final Step step;

        Activity(String id, Step step) {
            this.id = id;
            this.step = step;
        }

        static Optional<Activity> of(String id) {
            return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
        }
    }

    static final String START = "startEvent_planDraft";
    static final String CONSULT_GATEWAY = "exclusiveGateway_consult";
    static final String CONSULT_TIMER = "boundaryEvent_consultationDue";
    static final String CLOSE_CONSULTATION = "serviceTask_closeConsultation";
    static final String END = "endEvent_planIssued";

    /** Process variables. */
    static final String PLAN_ID = "planId";
    static final String DRAFTER = "drafter";
    static final String CONSOLIDATING_BODY = "consolidatingBody";
    static final String ISSUING_BODY = "issuingBody";
    static final String ISSUING_OFFICE = "issuingOffice";
    static final String VERSION = "version";
    static final String CONSULT = "consult";
    static final String CONSULT_DUE = "consultDue";
    static final String DECISION = "decision";
    static final String ISSUED_NUMBER = "issuedNumber";
    /** The multi-instance element variable of the consultation: the body asked. */
    static final String CONSULTED_BODY = "consultedBody";

    private PlanApproval() {
    }
}
