package vn.ttdn.amendment;

/** Where a proposed change stands. */
public enum ProposalState {
    /** Proposed by its body, not in an amendment yet. */
    PROPOSED,
    /** In an amendment on its way to the issuing body. */
    INCLUDED,
    /** Approved by the issuing body: it is in the plan's new version. */
    APPROVED,
    /** Rejected by the issuing body, with its reason. */
    REJECTED
}
