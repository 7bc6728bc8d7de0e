package vn.ttdn.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ttdn.security.CurrentUser;

/**
 * What one process brings to the task layer: the variables its tasks are known by, the body a task
 * belongs to, who may not take it (segregation of duties), the values its form opens with, and what
 * completing it records. {@link WorkflowTasks} keeps the rules every task shares (only a candidate
 * claims, only the assignee completes, a clash retried); each process adds its own here.
 */
interface TaskRules {

    /** Every process of the application carries its plan's id under this name. */
    String PLAN_ID = "planId";

    /** The key of the process these rules serve ({@code plan-approval}). */
    String processKey();

    /** The process variables the views need besides {@link #PLAN_ID} (ids, element variables). */
    List<String> viewVariables();

    /** The body whose work the task is: the one acting in the approval, the one reporting in a round. */
    String body(TaskContext task);

    /**
     * For the tasks whose body stands for another (an ended body the plan names), the name of that
     * one, by task id; read for many tasks at once.
     */
    default Map<String, String> standsFor(java.util.Collection<TaskContext> tasks) {
        return Map.of();
    }

    /** Why this person may not claim or complete the task, if they may not: a reason code. */
    Optional<String> refusal(TaskContext task, CurrentUser user);

    /** The values and option lists the task's form opens with. */
    Map<String, Object> initialData(TaskContext task);

    /** Records what completing the task means; the process variables it sets. */
    Map<String, Object> complete(TaskContext task, Map<String, Object> values, CurrentUser user, Instant now);

    /** A task as the rules see it: its model key and the variables of its process and execution. */
    record TaskContext(String taskId, String taskKey, String processInstanceId, String executionId,
                       Map<String, Object> variables) {

        long planId() {
            return ((Number) variables.get(PLAN_ID)).longValue();
        }

        String string(String name) {
            Object value = variables.get(name);
            return value == null ? null : String.valueOf(value);
        }

        long number(String name) {
            return ((Number) variables.get(name)).longValue();
        }
    }
}
