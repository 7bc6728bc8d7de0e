package vn.ttdn.plan;

import java.util.List;

/**
 * A draft plan opened for editing: the plan, and the bodies a task of it may name: those of the
 * issuer's province that exist today, the central ones, and every body the plan names already.
 */
public record EditablePlan(PlanDetails plan, List<BodyChoice> bodies) {

    public EditablePlan {
        bodies = List.copyOf(bodies);
    }

    /**
     * A body to choose: its code, full name, and the short name a list shows ("Sở Ngoại vụ");
     * {@code former}: its validity has ended.
     */
    public record BodyChoice(String code, String name, String label, boolean former) {
    }
}
