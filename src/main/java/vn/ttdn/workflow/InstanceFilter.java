package vn.ttdn.workflow;

/**
 * What a supervisor narrows the running instances to; every field may be left out (null, false).
 * {@code bodyCode}: the body an instance concerns (its catalogued body) or a body one of its open
 * tasks is offered to; {@code activityId}: the step it waits at (an activity id of its model);
 * {@code year}: the year of its round, or the year it started when it has none.
 */
public record InstanceFilter(Long planId, String bodyCode, String processKey, String activityId,
                             boolean overdueOnly, Integer year, Long roundId) {

    public static final InstanceFilter NONE = new InstanceFilter(null, null, null, null, false, null, null);

    public InstanceFilter {
        bodyCode = blankToNull(bodyCode);
        processKey = blankToNull(processKey);
        activityId = blankToNull(activityId);
    }

    /** The same filter for one process (its per-step counts), without the step and the overdue flag. */
    public InstanceFilter forProcess(String key) {
        return new InstanceFilter(planId, bodyCode, key, null, false, year, roundId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
