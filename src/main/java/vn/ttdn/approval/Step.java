package vn.ttdn.approval;

/** A step of the approval chain, as the journal records it. */
public enum Step {
    /** The officer started the chain on a draft plan. */
    START,
    /** The officer completed the plan and the Tờ trình and submitted it. */
    DRAFT,
    /** A consulted body answered, or did not by its due date. */
    CONSULT,
    /** The officer took the comments in and submitted a revised Tờ trình. */
    REVISE,
    /** The director of the consolidating body signed the Tờ trình off, or returned it. */
    DIRECTOR,
    /** The issuing body's office wrote its review opinion (thẩm tra). */
    OFFICE_REVIEW,
    /** A leader of the issuing body approved the plan, or returned it. */
    DECISION,
    /** The clerk numbered and issued the plan. */
    ISSUE
}
