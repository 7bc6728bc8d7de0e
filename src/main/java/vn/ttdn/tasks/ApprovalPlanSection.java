package vn.ttdn.tasks;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ttdn.approval.ApprovalRecord;
import vn.ttdn.approval.Approvals;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanPageSection;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.ApprovalProcess;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

import java.util.List;

/** The approval panel of the plan page: where the chain stands, its diagram, the button to start it. */
@Component
class ApprovalPlanSection implements PlanPageSection {

    /**
     * What the panel shows: {@code myTasks} are the caller's open tasks on this plan; {@code imported}
     * an issued plan that never went through the chain here (it came in issued, as the seed plans do).
     */
    record Panel(boolean running, boolean canStart, boolean hasHistory, boolean imported, ApprovalRecord record,
                 List<TaskView> myTasks) {
    }

    private final ApprovalProcess process;
    private final Approvals approvals;
    private final WorkflowTasks tasks;

    ApprovalPlanSection(ApprovalProcess process, Approvals approvals, WorkflowTasks tasks) {
        this.process = process;
        this.approvals = approvals;
        this.tasks = tasks;
    }

    @Override
    public void contribute(PlanDetails plan, CurrentUser user, Model model) {
        boolean running = process.isRunning(plan.code());
        boolean canStart = !running && plan.status() == PlanStatus.DRAFT && user.hasRole(Role.OFFICER)
                && plan.consolidatingBody().code().equals(user.bodyCode());
        ApprovalRecord record = approvals.record(plan.id());
        List<TaskView> mine = running ? tasks.list(user, WorkflowTasks.Scope.ALL_MINE,
                TaskFilter.plan(plan.id()).process("plan-approval")) : List.of();
        boolean imported = !running && plan.status() == PlanStatus.ISSUED && record.steps().isEmpty();
        model.addAttribute("approvalPanel", new Panel(running, canStart, !record.steps().isEmpty(), imported, record,
                mine));
    }
}
