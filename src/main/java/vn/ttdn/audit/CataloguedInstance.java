package vn.ttdn.audit;

import java.time.OffsetDateTime;

/** A process instance as the instance catalogue knows it (table process_instance_info, written by the workflow). */
public record CataloguedInstance(String instanceId, String rootInstanceId, String superInstanceId, String processKey,
                                 String businessKey, Long planId, Long roundId, String bodyCode,
                                 OffsetDateTime startedAt, OffsetDateTime endedAt) {
}
