package vn.ttdn.workflow;

import org.springframework.stereotype.Component;
import vn.ttdn.approval.Approvals;
import vn.ttdn.approval.Decision;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.SubmissionInput;
import vn.ttdn.approval.SubmissionView;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.PlanApproval.Activity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What completing each user task means: the form's values go to the approval module, which records
 * them; the engine gets back only the variables that route the process (version, consult, decision).
 * Also the values a task's form opens with.
 */
@Component
class StepHandlers {

    static final int DEFAULT_CONSULT_DAYS = 5;

    private final Approvals approvals;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final ProcessBeans.Deadlines deadlines;

    StepHandlers(Approvals approvals, PlanLifecycle plans, DirectoryService directory,
                 ProcessBeans.Deadlines deadlines) {
        this.approvals = approvals;
        this.plans = plans;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    /** The values and option lists a task's form opens with. */
    Map<String, Object> initialData(Activity activity, long planId) {
        Map<String, Object> data = new LinkedHashMap<>();
        SubmissionView latest = approvals.latestSubmission(planId).orElse(null);
        switch (activity) {
            case DRAFT, REVISE -> {
                if (latest != null) {
                    data.put("number", latest.number());
                    data.put("dated", latest.dated().toString());
                    data.put("summary", latest.summary());
                    data.put("proposal", latest.proposal());
                }
                if (activity == Activity.DRAFT) {
                    List<String> consultable = approvals.consultable(plans.ref(planId));
                    Map<String, BodyView> bodies = directory.bodies(consultable);
                    data.put("consultOptions", consultable.stream()
                            .map(code -> Map.of("value", code, "label", bodies.get(code).name())).toList());
                    data.put("consultBodies", List.of());
                    data.put("consultDays", DEFAULT_CONSULT_DAYS);
                }
            }
            case ISSUE -> data.put("issueDate", LocalDate.now(ProcessBeans.VIETNAM).toString());
            default -> { }
        }
        return data;
    }

    /** Records the step; returns the process variables it sets. */
    @SuppressWarnings("unchecked")
    Map<String, Object> complete(Activity activity, long planId, Integer version, String consultedBody,
                                 Map<String, Object> values, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        switch (activity) {
            case DRAFT -> {
                List<String> consult = (List<String>) values.getOrDefault("consultBodies", List.of());
                int days = values.get("consultDays") instanceof Number n ? n.intValue() : DEFAULT_CONSULT_DAYS;
                int submitted = approvals.submit(planId, submission(values, consult, days), user);
                variables.put(PlanApproval.VERSION, submitted);
                variables.put(PlanApproval.CONSULT, !consult.isEmpty());
                if (!consult.isEmpty()) {
                    LocalDate due = deadlines.dueOn(days);
                    approvals.openConsultation(planId, submitted, consult, due);
                    variables.put(PlanApproval.CONSULT_DUE, ProcessBeans.Deadlines.endOf(due));
                }
            }
            case COMMENT -> approvals.comment(planId, version, consultedBody,
                    "agree".equals(values.get("opinion")), (String) values.get("comment"), user);
            case REVISE -> variables.put(PlanApproval.VERSION,
                    approvals.revise(planId, submission(values, List.of(), null), user));
            case DIRECTOR -> {
                Decision decision = decision(values);
                approvals.directorDecision(planId, decision, (String) values.get("reason"), user);
                variables.put(PlanApproval.DECISION, decision == null ? null : decision.code());
            }
            case OFFICE_REVIEW -> approvals.officeReview(planId, (String) values.get("reviewOpinion"), user);
            case DECISION -> {
                Decision decision = decision(values);
                approvals.issuerDecision(planId, decision, (String) values.get("reason"), user);
                variables.put(PlanApproval.DECISION, decision == null ? null : decision.code());
            }
            case ISSUE -> {
                RegisterEntry number = approvals.issue(planId, (LocalDate) values.get("issueDate"), user);
                variables.put(PlanApproval.ISSUED_NUMBER, number.reference());
                AuditTrail.numberIssued(number);
            }
        }
        return variables;
    }

    private static SubmissionInput submission(Map<String, Object> values, List<String> consult, Integer days) {
        return new SubmissionInput((String) values.get("number"), (LocalDate) values.get("dated"),
                (String) values.get("summary"), (String) values.get("proposal"), (String) values.get("explanation"),
                consult, days);
    }

    private static Decision decision(Map<String, Object> values) {
        return Decision.of(String.valueOf(values.get("decision"))).orElse(null);
    }
}
