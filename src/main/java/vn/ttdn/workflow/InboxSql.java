package vn.ttdn.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the inbox, as the engine's native task query takes it ({@code #{name}} parameters): the
 * open, active tasks of a scope and a filter, the earliest due first (those without a due date last),
 * then the oldest, then by id so that pages never overlap; and how many there are. Only the page's
 * rows leave the database.
 *
 * <p>A person's tasks are those assigned to them and those offered to one of their groups, whoever
 * holds them: the ids of both, from the assignee's index on {@code act_ru_task} and the group's on
 * {@code act_ru_identitylink}, gathered first into one array ({@code id_ = any(array(…))}, a task
 * listed once however many ways it is theirs) and then read by the task's primary key: a plan that
 * costs the person's tasks, not every open task (as {@code id_ in (…)} planned as a hash join over
 * all of {@code act_ru_task} did, bench B3). Every open task, in the inbox's order, comes from the
 * index {@link InboxIndexes} adds. A filter by plan, round or process reads the instance catalogue
 * ({@code ttdn.process_instance_info}) by its key; a filter by step, the task's own key. Nothing here
 * reads the engine's history: finished tasks cost the inbox nothing.
 */
final class InboxSql {

    /** A statement and its parameters by name. */
    record Statement(String sql, Map<String, Object> params) {
    }

    private static final String ORDER = " order by RES.due_date_ asc nulls last, RES.create_time_ asc, RES.id_ asc";

    private final String where;
    private final Map<String, Object> params;

    private InboxSql(String where, Map<String, Object> params) {
        this.where = where;
        this.params = params;
    }

    /**
     * The conditions for this person, scope and filter; empty when nothing can match (no groups to
     * offer to, no plan in the filter's set).
     */
    static java.util.Optional<InboxSql> of(String username, List<String> groups, WorkflowTasks.Scope scope,
                                           TaskFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>(List.of("RES.suspension_state_ = 1"));
        String offered = null;
        if (scope == WorkflowTasks.Scope.GROUPS || scope == WorkflowTasks.Scope.ALL_MINE) {
            offered = groups.isEmpty() ? null : "select I.task_id_ from act_ru_identitylink I where I.type_ = 'candidate'"
                    + " and I.group_id_ in (" + list("g", groups, params) + ")";
        }
        switch (scope) {
            case MINE -> {
                where.add("RES.assignee_ = #{user}");
                params.put("user", username);
            }
            case GROUPS -> {
                if (offered == null) {
                    return java.util.Optional.empty();
                }
                where.add("RES.id_ = any(array(" + offered + "))");
            }
            case ALL_MINE -> {
                params.put("user", username);
                where.add(offered == null ? "RES.assignee_ = #{user}"
                        : "RES.id_ = any(array(select T.id_ from act_ru_task T where T.assignee_ = #{user} union all "
                        + offered + "))");
            }
            case EVERY -> {
                // every open task
            }
        }
        if (filter.taskKey() != null) {
            where.add("RES.task_def_key_ = #{taskKey}");
            params.put("taskKey", filter.taskKey());
        }
        if (filter.byInstance()) {
            List<String> about = new ArrayList<>(List.of("C.instance_id = RES.proc_inst_id_"));
            if (filter.planIds() != null) {
                if (filter.planIds().isEmpty()) {
                    return java.util.Optional.empty();
                }
                about.add("C.plan_id in (" + list("p", filter.planIds().stream().sorted().toList(), params) + ")");
            }
            if (filter.roundId() != null) {
                about.add("C.round_id = #{round}");
                params.put("round", filter.roundId());
            }
            if (filter.processKey() != null) {
                about.add("C.process_key = #{process}");
                params.put("process", filter.processKey());
            }
            where.add("exists (select 1 from ttdn.process_instance_info C where " + String.join(" and ", about) + ")");
        }
        return java.util.Optional.of(new InboxSql(String.join(" and ", where), params));
    }

    /** The tasks, in the inbox's order (the engine adds the page's limit and offset). */
    Statement tasks() {
        return new Statement("select RES.* from act_ru_task RES where " + where + ORDER, params);
    }

    /** How many tasks match. */
    Statement count() {
        return new Statement("select count(*) from act_ru_task RES where " + where, params);
    }

    /** One parameter per value ({@code #{g0}, #{g1}, …}): the engine's native query binds no arrays. */
    private static String list(String prefix, List<?> values, Map<String, Object> params) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            params.put(prefix + i, values.get(i));
            names.add("#{" + prefix + i + "}");
        }
        return String.join(", ", names);
    }
}
