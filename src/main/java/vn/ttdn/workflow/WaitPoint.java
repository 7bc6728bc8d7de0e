package vn.ttdn.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * One place a running instance waits at: its step (the activity id and the name the diagram gives
 * it), what kind of wait it is, who holds it, since when, until when, and how late. A user task is
 * one wait per task (a multi-instance step waits at several); the other kinds are one per step.
 *
 * @param due            a task's due date; for a call activity the earliest due date of the open tasks
 *                       of the sub-instances it waits on; for a timer the moment it fires (a timer is
 *                       never late)
 * @param lateDays       calendar days past the due day (0 on the due day itself), null when not overdue
 * @param lateWorkingDays working days past the due day, null when not overdue
 * @param subInstances   for a call activity, how many of its sub-instances run
 * @param subBodies      for a call activity, the bodies of the sub-instances it waits on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitPoint(String activityId, String activityName, Kind kind, String taskId, Holder holder,
                        Integer subInstances, List<BodyRef> subBodies, String event, Instant since, Instant due,
                        boolean overdue, Integer lateDays, Integer lateWorkingDays) {

    /** What the instance waits for there. */
    public enum Kind {
        /** A person: a user task. */
        USER_TASK,
        /** Sub-instances: a call activity. */
        CALL_ACTIVITY,
        /** A moment: a timer catch event. */
        TIMER,
        /** A message: a message catch event or a receive task. */
        MESSAGE,
        /** Another event (a signal, a condition). */
        EVENT,
        /** The engine: a job not run yet (an asynchronous continuation, a failed job waiting for a retry). */
        JOB,
        /** Anything else. */
        OTHER
    }

    /** Who holds a user task: the assignee, else the candidate groups and people it is offered to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holder(String assignee, String assigneeName, List<GroupHolder> groups, List<String> candidates) {
    }

    /**
     * A candidate group, named: {@code officer.QNG-SNGV} is the role {@code officer} of the body
     * QNG-SNGV, "Chuyên viên · Sở Ngoại vụ tỉnh Quảng Ngãi".
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupHolder(String group, String role, String bodyCode, String bodyName, String label) {
    }
}
