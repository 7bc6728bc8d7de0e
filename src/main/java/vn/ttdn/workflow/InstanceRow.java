package vn.ttdn.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.reporting.RoundKind;

/**
 * A process instance as the supervisors' list shows it: what it is (process, plan, round, body,
 * parent), since when it runs, where it waits, and how late it is: {@code due} is the earliest due
 * date of its waits (its own tasks, the tasks of the sub-instances it waits on), {@code lateDays} and
 * {@code lateWorkingDays} how far past it (null when not overdue).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceRow(String instanceId, String processKey, String processName, String businessKey,
                          PlanLabel plan, RoundRef round, BodyRef body, String parentInstanceId,
                          String rootInstanceId, Instant startedAt, Instant endedAt, Instant due, boolean overdue,
                          Integer lateDays, Integer lateWorkingDays, int incidents, List<WaitPoint> waits) {

    /** The round an instance belongs to: its plan, kind, year, label (ad hoc rounds) and deadline. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoundRef(long id, long planId, RoundKind kind, int year, String label, LocalDate deadline) {
    }

    /** Whether a person holds one of its steps (a user task is open). */
    public boolean waitsOnPerson() {
        return waits.stream().anyMatch(w -> w.kind() == WaitPoint.Kind.USER_TASK);
    }
}
