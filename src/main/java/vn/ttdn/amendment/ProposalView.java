package vn.ttdn.amendment;

import java.time.Instant;
import java.util.List;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.ChangeKind;

/**
 * A proposed change as the API and the pages show it: who proposed it for which body, what and why,
 * where it stands, the issuing body's reason when it decided, and the task's number in the new
 * version ({@code appliedNumber}, a new task's own).
 */
public record ProposalView(long id, long planId, BodyRef body, ChangeKind kind, String taskNumber, String groupNumber,
                           String content, String timeline, String timelineText, List<BodyRef> lead,
                           List<BodyRef> cooperating, String reason, String proposedBy, String proposedByName,
                           Instant proposedAt, ProposalState state, Long amendmentId, String decisionReason,
                           String appliedNumber) {

    /** The task it concerns: its number, or for a new task the group it joins. */
    public String target() {
        return taskNumber != null ? taskNumber : groupNumber;
    }
}
