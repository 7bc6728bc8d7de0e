package vn.ttdn.plan;

/** What a change to an issued plan does to one task. */
public enum ChangeKind {
    /** A new task, at the end of a group. */
    ADD,
    /** The task's content or timeline changed. */
    CHANGE,
    /** The task dropped from the plan. */
    DROP,
    /** The task given to other bodies: its lead and cooperating bodies changed. */
    REASSIGN
}
