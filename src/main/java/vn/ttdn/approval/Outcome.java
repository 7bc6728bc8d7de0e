package vn.ttdn.approval;

/** What came of a step. */
public enum Outcome {
    STARTED, SUBMITTED, AGREED, COMMENTED, NO_ANSWER, APPROVED, RETURNED, REVIEWED, ISSUED
}
