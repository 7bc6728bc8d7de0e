package vn.ttdn.plan;

import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * What one approved change did to a plan, kept with the version it made: the task as it was
 * ({@code before}, none for a new task) and as it is ({@code after}, none for a dropped one), the
 * bodies named as they were named that day.
 */
public record PlanChange(ChangeKind kind, String taskNumber, String groupNumber, Long proposalId, BodyRef proposedBy,
                         String reason, TaskState before, TaskState after) {

    /** A task's words and bodies at one version. */
    public record TaskState(String content, String timeline, String timelineText, List<BodyRef> lead,
                            List<BodyRef> cooperating) {

        /** The timeline as the plan prints it: its own words when it has them, else the code read. */
        public String printedTimeline() {
            return timelineText != null ? timelineText : timeline;
        }
    }

    /** Whether the content changed between before and after. */
    public boolean contentChanged() {
        return before != null && after != null && !java.util.Objects.equals(before.content(), after.content());
    }

    /** Whether the timeline changed between before and after. */
    public boolean timelineChanged() {
        return before != null && after != null && (!java.util.Objects.equals(before.timeline(), after.timeline())
                || !java.util.Objects.equals(before.timelineText(), after.timelineText()));
    }
}
