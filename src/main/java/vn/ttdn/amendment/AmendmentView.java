package vn.ttdn.amendment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * An amendment as the API and the pages show it: the bodies that submit and decide it, its Tờ trình,
 * where it stands, the plan version it made (with the decision's number and date), its proposals and
 * every step taken on it.
 */
public record AmendmentView(long id, long planId, BodyRef consolidatingBody, BodyRef issuingBody, AmendmentState state,
                            String submissionNumber, LocalDate submissionDate, String summary, Integer planVersion,
                            String reference, LocalDate decidedOn, String startedBy, Instant startedAt,
                            String decidedBy, Instant decidedAt, List<ProposalView> proposals, List<StepView> steps) {

    /** A step: which, its outcome, who took it and when, and their words (a return's reason). */
    public record StepView(AmendmentStep step, String outcome, String actor, String actorName, String note,
                           Instant takenAt) {
    }

    public long approvedCount() {
        return proposals.stream().filter(p -> p.state() == ProposalState.APPROVED).count();
    }

    public long rejectedCount() {
        return proposals.stream().filter(p -> p.state() == ProposalState.REJECTED).count();
    }
}
