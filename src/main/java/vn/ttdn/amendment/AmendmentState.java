package vn.ttdn.amendment;

/** Where an amendment stands. */
public enum AmendmentState {
    /** The consolidating body's officer prepares its Tờ trình (also after the director returned it). */
    DRAFTING,
    /** Signed by the consolidating body's director, with the issuing body for its decision. */
    SIGNED,
    /** Decided with at least one change approved: the plan has a new version. */
    APPLIED,
    /** Decided with every change rejected: the plan stays as it was. */
    REJECTED;

    public boolean isOpen() {
        return this == DRAFTING || this == SIGNED;
    }
}
