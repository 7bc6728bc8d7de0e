package vn.ttdn.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ttdn.approval.Approvals;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.PlanApproval.Activity;

/**
 * The rules of {@code plan-approval}'s tasks: the drafter's body drafts and signs, the issuing body's
 * office reviews, its leaders decide and its clerks issue; a consulted body answers for itself; no
 * one approves what they drafted or signed ({@link Approvals#refusal}). What completing records is
 * {@link StepHandlers}'.
 */
@Component
class ApprovalTaskRules implements TaskRules {

    private final StepHandlers handlers;
    private final Approvals approvals;

    ApprovalTaskRules(StepHandlers handlers, Approvals approvals) {
        this.handlers = handlers;
        this.approvals = approvals;
    }

    @Override
    public String processKey() {
        return PlanApproval.KEY;
    }

    @Override
    public List<String> viewVariables() {
        return List.of(PlanApproval.CONSULTED_BODY, PlanApproval.CONSOLIDATING_BODY, PlanApproval.ISSUING_BODY,
                PlanApproval.ISSUING_OFFICE, PlanApproval.VERSION);
    }

    @Override
    public String body(TaskContext task) {
        return switch (activity(task)) {
            case DRAFT, REVISE, DIRECTOR -> task.string(PlanApproval.CONSOLIDATING_BODY);
            case COMMENT -> task.string(PlanApproval.CONSULTED_BODY);
            case OFFICE_REVIEW -> task.string(PlanApproval.ISSUING_OFFICE);
            case DECISION, ISSUE -> task.string(PlanApproval.ISSUING_BODY);
        };
    }

    @Override
    public Optional<String> refusal(TaskContext task, CurrentUser user) {
        return approvals.refusal(activity(task).step, task.planId(), user.username());
    }

    @Override
    public Map<String, Object> initialData(TaskContext task) {
        return handlers.initialData(activity(task), task.planId());
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values, CurrentUser user, Instant now) {
        Object version = task.variables().get(PlanApproval.VERSION);
        return handlers.complete(activity(task), task.planId(), version == null ? null : ((Number) version).intValue(),
                task.string(PlanApproval.CONSULTED_BODY), values, user);
    }

    private static Activity activity(TaskContext task) {
        return Activity.of(task.taskKey())
                .orElseThrow(() -> new IllegalStateException("Unknown approval task " + task.taskKey()));
    }
}
