package vn.ttdn.tasks;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanPageSection;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.reporting.RoundView;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;

/**
 * The plan page's report rounds: each round the person may read, for the consolidating body's officers a
 * new one, and for those who follow the plan the link to its compliance page.
 */
@Component
class RoundsPlanSection implements PlanPageSection {

    /** What the section shows: the rounds, whether the person may open one, and whom reports go to now. */
    record Panel(List<RoundView> rounds, boolean canOpen, String consolidatingName, String replacesName,
                 java.util.Map<Long, vn.ttdn.reporting.Consolidations.Summary> consolidations, boolean compliance) {
    }

    private final Rounds rounds;
    private final vn.ttdn.reporting.Consolidations consolidations;
    private final vn.ttdn.plan.PlanService plans;

    RoundsPlanSection(Rounds rounds, vn.ttdn.reporting.Consolidations consolidations, vn.ttdn.plan.PlanService plans) {
        this.rounds = rounds;
        this.consolidations = consolidations;
        this.plans = plans;
    }

    @Override
    public void contribute(PlanDetails plan, CurrentUser user, Model model) {
        if (plan.status() != PlanStatus.ISSUED) {
            return;
        }
        var consolidating = rounds.consolidatingOn(plan, RoundProcess.today());
        boolean canOpen = user.hasRole(Role.ADMIN)
                || user.hasRole(Role.OFFICER) && consolidating.body().code().equals(user.bodyCode());
        model.addAttribute("roundsPanel", new Panel(rounds.ofPlan(plan.id(), user), canOpen,
                consolidating.body().name(), consolidating.isReplacement() ? consolidating.replaces().name() : null,
                consolidations.ofPlan(plan.id(), user, RoundProcess.now()).stream().collect(
                        java.util.stream.Collectors.toMap(vn.ttdn.reporting.Consolidations.Summary::roundId,
                                s -> s)),
                // the compliance page's link, for those who follow the plan (supervisors, auditors, admins)
                user.hasAnyRole(Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN) && plans.supervisedPlans(user).covers(plan.id())));
    }
}
