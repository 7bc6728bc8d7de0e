package vn.ttdn.audit;

/** The kinds of audit events, by the code each is stored under (and its label's message key, {@code audit.kind.<code>}). */
public final class AuditKind {

    public static final String PROCESS_STARTED = "process.started";
    public static final String PROCESS_ENDED = "process.ended";
    public static final String TASK_CREATED = "task.created";
    public static final String TASK_CLAIMED = "task.claimed";
    public static final String TASK_RELEASED = "task.released";
    public static final String TASK_COMPLETED = "task.completed";
    public static final String TASK_RETURNED = "task.returned";
    /** A return by the body that receives the work (the consolidating body sends a report back for more). */
    public static final String TASK_SENT_BACK = "task.sentBack";
    public static final String TASK_REASSIGNED = "task.reassigned";
    public static final String TASK_CANCELLED = "task.cancelled";
    public static final String TIMER_FIRED = "timer.fired";
    public static final String REMINDER_SENT = "reminder.sent";
    public static final String NUMBER_ISSUED = "number.issued";
    public static final String BODY_MERGED = "body.merged";
    public static final String INSTANCE_MOVED = "instance.moved";
    public static final String INSTANCE_MIGRATED = "instance.migrated";
    public static final String DEADLINE_EXTENDED = "deadline.extended";
    public static final String INCIDENT_CREATED = "incident.created";
    public static final String INCIDENT_RETRIED = "incident.retried";

    private AuditKind() {
    }
}
