package vn.ttdn.plan;

/** Where a plan stands in its life. */
public enum PlanStatus {
    /** Being drafted by the consolidating body (imported plans start here, but for the demo's seeds). */
    DRAFT,
    /** Submitted with a Tờ trình and on its way through approval. */
    IN_APPROVAL,
    /** Approved, waiting for its number. */
    APPROVED,
    /**
     * Numbered and sent to its recipients; or brought in as already issued (the demo's seed plans),
     * with the number and date its document prints, which may be none.
     */
    ISSUED
}
