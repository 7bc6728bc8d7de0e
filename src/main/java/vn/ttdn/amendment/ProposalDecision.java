package vn.ttdn.amendment;

/** The issuing body's decision on one proposal: approved, or rejected with its reason. */
public record ProposalDecision(long proposalId, boolean approved, String reason) {
}
