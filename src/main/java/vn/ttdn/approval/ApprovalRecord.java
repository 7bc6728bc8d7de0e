package vn.ttdn.approval;

import java.util.List;
import java.util.Optional;

/** Everything the chain has recorded for a plan, oldest first: for the task page and the auditors. */
public record ApprovalRecord(List<SubmissionView> submissions, List<StepRecord> steps,
                             List<ConsultationView> consultations, List<AttachmentView> attachments,
                             List<RegisterEntry> numbers) {

    public Optional<SubmissionView> latest() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }
}
