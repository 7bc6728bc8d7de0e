package vn.ttdn.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * The inbox's query as the API takes it (query parameters {@code scope, plan, round, page, size}),
 * read with every problem found: a value that is not what it should be is named in {@link #problems()}.
 * {@code page} counts from 0; {@code size} is 1 to {@link WorkflowTasks#MAX_PAGE_SIZE}
 * ({@link WorkflowTasks#DEFAULT_PAGE_SIZE} when left out).
 */
record TaskQuery(WorkflowTasks.Scope scope, TaskFilter filter, int page, int size, List<InputProblem> problems) {

    /** The highest page number taken: far beyond any inbox, low enough that page × size stays an int. */
    static final int MAX_PAGE = 100_000;

    static TaskQuery read(String scope, String plan, String round, String page, String size) {
        List<InputProblem> problems = new ArrayList<>();
        WorkflowTasks.Scope scopeValue = WorkflowTasks.Scope.ALL_MINE;
        if (!blank(scope)) {
            WorkflowTasks.Scope s = scope(scope);
            if (s == null) {
                problems.add(InputProblem.of("scope", "inbox.scope", "scope is mine, groups, all or every", scope));
            } else {
                scopeValue = s;
            }
        }
        TaskFilter filter = TaskFilter.NONE;
        Long planId = id("plan", plan, problems);
        if (planId != null) {
            filter = TaskFilter.plan(planId);
        }
        Long roundId = id("round", round, problems);
        if (roundId != null) {
            filter = new TaskFilter(filter.planIds(), roundId, null, null);
        }
        int pageValue = 0;
        Long p = blank(page) ? null : number("page", page, problems);
        if (p != null && (p < 0 || p > MAX_PAGE)) {
            problems.add(InputProblem.of("page", "inbox.page", "the page counts from 0", page));
        } else if (p != null) {
            pageValue = p.intValue();
        }
        int sizeValue = WorkflowTasks.DEFAULT_PAGE_SIZE;
        Long s = blank(size) ? null : number("size", size, problems);
        if (s != null && (s < 1 || s > WorkflowTasks.MAX_PAGE_SIZE)) {
            problems.add(InputProblem.of("size", "inbox.size", "the page size is 1 to " + WorkflowTasks.MAX_PAGE_SIZE,
                    String.valueOf(WorkflowTasks.MAX_PAGE_SIZE)));
        } else if (s != null) {
            sizeValue = s.intValue();
        }
        return new TaskQuery(scopeValue, filter, pageValue, sizeValue, List.copyOf(problems));
    }

    /** The same, refused with every problem (400) when there is one. */
    TaskQuery orRefuse() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid task query", problems);
        }
        return this;
    }

    /** The scope a parameter names ({@code mine, groups, all, every}); null for anything else. */
    static WorkflowTasks.Scope scope(String scope) {
        return switch (scope.trim().toLowerCase(Locale.ROOT)) {
            case "mine" -> WorkflowTasks.Scope.MINE;
            case "groups" -> WorkflowTasks.Scope.GROUPS;
            case "all" -> WorkflowTasks.Scope.ALL_MINE;
            case "every" -> WorkflowTasks.Scope.EVERY;
            default -> null;
        };
    }

    /** The parameter that names a scope. */
    static String name(WorkflowTasks.Scope scope) {
        return switch (scope) {
            case MINE -> "mine";
            case GROUPS -> "groups";
            case ALL_MINE -> "all";
            case EVERY -> "every";
        };
    }

    private static Long id(String path, String value, List<InputProblem> problems) {
        return QueryNumbers.id(path, value, "inbox.number", problems);
    }

    private static Long number(String path, String value, List<InputProblem> problems) {
        return QueryNumbers.number(path, value, "inbox.number", problems);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
