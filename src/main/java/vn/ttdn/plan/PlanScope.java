package vn.ttdn.plan;

import java.util.Set;

/** The plans someone follows: all of them, or these ({@link PlanService#supervisedPlans}). */
public record PlanScope(boolean all, Set<Long> planIds) {

    public static final PlanScope ALL = new PlanScope(true, Set.of());
    public static final PlanScope NONE = new PlanScope(false, Set.of());

    public PlanScope {
        planIds = planIds == null ? Set.of() : Set.copyOf(planIds);
    }

    public static PlanScope of(Set<Long> ids) {
        return new PlanScope(false, ids);
    }

    public boolean covers(Long planId) {
        return all || planId != null && planIds.contains(planId);
    }
}
