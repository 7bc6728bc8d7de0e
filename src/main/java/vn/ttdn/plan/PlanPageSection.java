package vn.ttdn.plan;

import org.springframework.ui.Model;
import vn.ttdn.security.CurrentUser;

/**
 * A part another module adds to the plan page (the approval panel, say) without the plan module
 * knowing it: the page controller asks every such bean to put its attributes in the model, and the
 * template includes the fragments whose attributes are there.
 */
public interface PlanPageSection {

    void contribute(PlanDetails plan, CurrentUser user, Model model);
}
