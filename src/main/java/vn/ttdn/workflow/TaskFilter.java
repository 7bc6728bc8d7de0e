package vn.ttdn.workflow;

import java.util.Collection;
import java.util.Set;

/**
 * What a list of tasks is narrowed to, in the database; every field may be left out (null).
 * {@code planIds}: the plans whose tasks (any of them; an empty set matches none); {@code roundId}: a
 * round's tasks (its reports' and its consolidation's); {@code processKey}: the process
 * ({@code plan-approval}); {@code taskKey}: the step, an activity id of its model.
 */
public record TaskFilter(Set<Long> planIds, Long roundId, String processKey, String taskKey) {

    public static final TaskFilter NONE = new TaskFilter(null, null, null, null);

    public TaskFilter {
        planIds = planIds == null ? null : Set.copyOf(planIds);
        processKey = blankToNull(processKey);
        taskKey = blankToNull(taskKey);
    }

    public static TaskFilter plan(long planId) {
        return NONE.plans(Set.of(planId));
    }

    public static TaskFilter round(long roundId) {
        return new TaskFilter(null, roundId, null, null);
    }

    public TaskFilter plans(Collection<Long> ids) {
        return new TaskFilter(ids == null ? null : Set.copyOf(ids), roundId, processKey, taskKey);
    }

    public TaskFilter process(String key) {
        return new TaskFilter(planIds, roundId, key, taskKey);
    }

    public TaskFilter step(String key) {
        return new TaskFilter(planIds, roundId, processKey, key);
    }

    /** Whether it narrows by the instance catalogue (plan, round, process). */
    boolean byInstance() {
        return planIds != null || roundId != null || processKey != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
