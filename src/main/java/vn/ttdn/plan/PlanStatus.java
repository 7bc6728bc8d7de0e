package vn.ttdn.plan;

/** Where a plan stands in its life. */
public enum PlanStatus {
    /** Being drafted by the consolidating body (imported plans start here). */
    DRAFT,
    /** Submitted with a Tờ trình and on its way through approval. */
    IN_APPROVAL,
    /** Approved, waiting for its number. */
    APPROVED,
    /** Numbered and sent to its recipients. */
    ISSUED
}
