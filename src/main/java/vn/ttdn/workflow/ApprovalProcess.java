package vn.ttdn.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.ApprovalRoute;
import vn.ttdn.approval.Approvals;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts a plan's approval and shows where it stands, as the model drawn with its path. */
@Service
@Transactional
public class ApprovalProcess {

    /** The model of a plan's latest approval, the activities it is in now and those it has passed. */
    public record Diagram(String processInstanceId, boolean ended, String xml, List<String> active, List<String> completed) {
    }

    private final RuntimeService runtime;
    private final Approvals approvals;
    private final PlanLifecycle plans;
    private final ProcessDiagrams diagrams;

    ApprovalProcess(RuntimeService runtime, Approvals approvals, PlanLifecycle plans, ProcessDiagrams diagrams) {
        this.runtime = runtime;
        this.diagrams = diagrams;
        this.approvals = approvals;
        this.plans = plans;
    }

    /**
     * Starts {@code plan-approval} on a draft plan, business key = the plan's code; the first task,
     * the Tờ trình, goes to the officer who started. One approval runs per plan at a time.
     */
    public String start(long planId, CurrentUser user) {
        plans.lock(planId);
        ApprovalRoute route = approvals.start(planId, user);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PlanApproval.KEY)
                .processInstanceBusinessKey(route.planCode()).count() > 0) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Approval already running", List.of(InputProblem.of(
                    "", "approval.running", "the plan's approval is running already", route.planCode())));
        }
        return runtime.startProcessInstanceByKey(PlanApproval.KEY, route.planCode(), Map.of(
                PlanApproval.PLAN_ID, route.planId(),
                PlanApproval.DRAFTER, route.drafter(),
                PlanApproval.CONSOLIDATING_BODY, route.consolidatingBody(),
                PlanApproval.ISSUING_BODY, route.issuingBody(),
                PlanApproval.ISSUING_OFFICE, route.issuingOffice(),
                PlanApproval.VERSION, approvals.latestVersion(planId))).getId();
    }

    /** Whether the plan's approval is running now. */
    @Transactional(readOnly = true)
    public boolean isRunning(String planCode) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PlanApproval.KEY)
                .processInstanceBusinessKey(planCode).count() > 0;
    }

    /** The plan's latest approval drawn: the model, where it is, where it has been. */
    @Transactional(readOnly = true)
    public Optional<Diagram> diagram(String planCode) {
        return diagrams.latest(PlanApproval.KEY, planCode);
    }
}
