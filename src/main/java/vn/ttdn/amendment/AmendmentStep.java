package vn.ttdn.amendment;

/** A step of an amendment, as its journal records it. */
public enum AmendmentStep {
    /** An officer of the consolidating body started it with the proposals chosen. */
    START,
    /** The officer submitted its Tờ trình (again, after a return). */
    SUBMIT,
    /** The consolidating body's director signed the Tờ trình, or returned it. */
    DIRECTOR,
    /** A leader of the issuing body decided each proposal. */
    DECISION,
    /** The approved changes were applied as the plan's new version (or none was approved). */
    APPLY
}
