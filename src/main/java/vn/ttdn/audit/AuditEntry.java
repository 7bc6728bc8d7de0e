package vn.ttdn.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * One event of the audit record as it is read back: the timeline's line.
 *
 * @param sealed the number of its seal in the chain, or null while it waits for the sealer
 */
public record AuditEntry(long id, OffsetDateTime at, String kind, String instanceId, String rootInstanceId,
                         String processKey, String businessKey, String taskId, String activityId,
                         String activityName, Actor actor, Long planId, Long roundId, JsonNode details, Long sealed) {

    /** Who did it, and the body they belonged to, named as it was that day; null for the system. */
    public record Actor(String username, String name, String bodyCode, String bodyName) {
    }
}
