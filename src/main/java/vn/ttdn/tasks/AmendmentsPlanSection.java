package vn.ttdn.tasks;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ttdn.amendment.AmendmentView;
import vn.ttdn.amendment.Amendments;
import vn.ttdn.amendment.ProposalView;
import vn.ttdn.plan.EditablePlan;
import vn.ttdn.plan.PlanAmending;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanEditor;
import vn.ttdn.plan.PlanPageSection;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.plan.PlanVersion;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;

/**
 * The plan page's "Điều chỉnh kế hoạch": the plan's versions with what each changed, the changes
 * proposed and what became of them, the amendments; a form to propose a change for the bodies the
 * plan names, and for the consolidating body's officers the start of an amendment.
 */
@Component
class AmendmentsPlanSection implements PlanPageSection {

    /** What the section shows. */
    record Panel(List<PlanVersion> versions, List<ProposalView> proposals, List<AmendmentView> amendments,
                 boolean canPropose, boolean canStart, boolean running, String consolidatingName,
                 List<EditablePlan.BodyChoice> bodies) {

        public List<ProposalView> waiting() {
            return proposals.stream().filter(p -> p.state() == vn.ttdn.amendment.ProposalState.PROPOSED).toList();
        }
    }

    private final Amendments amendments;
    private final PlanAmending amending;
    private final PlanEditor editor;

    AmendmentsPlanSection(Amendments amendments, PlanAmending amending, PlanEditor editor) {
        this.amendments = amendments;
        this.amending = amending;
        this.editor = editor;
    }

    @Override
    public void contribute(PlanDetails plan, CurrentUser user, Model model) {
        if (plan.status() != PlanStatus.ISSUED) {
            return;
        }
        var today = RoundProcess.today();
        boolean canPropose = amendments.mayPropose(plan, user, today);
        List<AmendmentView> all = amendments.ofPlan(plan.id());
        model.addAttribute("amendmentsPanel", new Panel(amending.versions(plan.id()), amendments.proposals(plan.id()),
                all, canPropose, amendments.mayStart(plan, user, today), all.stream().anyMatch(a -> a.state().isOpen()),
                amendments.consolidatingOn(plan, today).body().name(),
                canPropose ? editor.bodyChoices(plan.id()) : List.of()));
    }
}
