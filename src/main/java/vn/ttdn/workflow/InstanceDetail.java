package vn.ttdn.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One instance in detail: its row (plan, round, body, where it waits), its parent and its children
 * (each with where it waits), the activity instances active now, its open tasks and its incidents.
 */
public record InstanceDetail(InstanceRow instance, InstanceRow parent, List<InstanceRow> children,
                             List<ActiveActivity> activities, List<WaitPoint> tasks, List<Incident> incidents) {

    public boolean ended() {
        return instance.endedAt() != null;
    }

    /** An activity instance active now (a transition instance: waiting for its asynchronous job). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActiveActivity(String id, String parentId, String activityId, String activityName,
                                 String activityType, boolean transition, Instant since) {
    }

    /** An open incident: a job that failed with no retry left, or a failure of a sub-instance. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Incident(String id, String type, String activityId, String activityName, String message,
                           Instant at, String configuration, String causeIncidentId) {
    }
}
