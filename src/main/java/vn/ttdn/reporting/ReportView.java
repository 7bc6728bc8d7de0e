package vn.ttdn.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.ttdn.plan.PlanLabel;

/** One body's report in a round: where it stands, every version as written, every step with its reason, its files. */
public record ReportView(long roundId, PlanLabel plan, RoundBodyView body, List<Version> versions, List<Step> steps,
                         List<vn.ttdn.approval.AttachmentView> attachments) {

    public record Version(int version, Map<String, Object> content, String draftedBy, Instant draftedAt) {
    }

    /** DRAFTED, RETURNED (by the leader), SUBMITTED (with its number), SENT_BACK, RECEIVED. */
    public record Step(int version, String step, String actor, String actorName, String actorTitle, String note,
                       Instant takenAt) {
    }
}
