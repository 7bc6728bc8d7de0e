package vn.ttdn.audit;

import java.util.Map;

/**
 * One event to append to the audit record. Only {@code kind} is required; the actor's name and
 * body (as they stand when the event is recorded) are looked up by {@link AuditLog}.
 *
 * @param kind           what happened ({@link AuditKind}'s codes, e.g. {@code task.completed})
 * @param instanceId     the process instance it belongs to, if any
 * @param rootInstanceId the instance at the top of its call hierarchy (itself for a top instance)
 * @param processKey     the process definition's key ({@code agency-report})
 * @param businessKey    the instance's business key
 * @param taskId         the user task, if the event concerns one
 * @param activityId     the BPMN element ({@code userTask_draftReport})
 * @param activityName   its name as the diagram shows it
 * @param actor          the username of whoever caused it; null for the system (a timer, a job)
 * @param planId         the plan it concerns, if known
 * @param roundId        the report round it concerns, if known
 * @param details        what else to keep (form data submitted, a reason, a number); JSON-able values
 */
public record AuditEvent(String kind, String instanceId, String rootInstanceId, String processKey,
                         String businessKey, String taskId, String activityId, String activityName,
                         String actor, Long planId, Long roundId, Map<String, Object> details) {

    public AuditEvent {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("An audit event needs a kind");
        }
        details = details == null ? Map.of() : details;
    }

    /** An event outside any process instance (a body merged, a password set…). */
    public static AuditEvent of(String kind, String actor, Map<String, Object> details) {
        return new AuditEvent(kind, null, null, null, null, null, null, null, actor, null, null, details);
    }

    /** The same event about this process instance. */
    public AuditEvent inInstance(String instance, String root, String key, String business) {
        return new AuditEvent(kind, instance, root, key, business, taskId, activityId, activityName, actor, planId,
                roundId, details);
    }

    /** The same event about this plan and round. */
    public AuditEvent about(Long plan, Long round) {
        return new AuditEvent(kind, instanceId, rootInstanceId, processKey, businessKey, taskId, activityId,
                activityName, actor, plan, round, details);
    }
}
