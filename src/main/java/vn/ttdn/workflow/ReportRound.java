package vn.ttdn.workflow;

/**
 * The backing class of {@code bpmn/report-round.bpmn}: one round of reporting on an issued plan. It
 * waits for its opening day, opens (the bodies asked fixed that day), calls {@code agency-report}
 * once per body (each started in its own job, each joined in its own job), reminds and marks late
 * by timers, and waits "ready to consolidate" once every assigned body is in or late.
 */
final class ReportRound {

    static final String KEY = "report-round";

    static final String OPENS = "timer_roundOpens";
    static final String OPEN = "serviceTask_openRound";
    static final String REPORTS = "callActivity_agencyReports";
    static final String REMIND_7 = "serviceTask_remindSevenDays";
    static final String REMIND_3 = "serviceTask_remindThreeDays";
    static final String REMIND_DUE = "serviceTask_remindDueDay";
    static final String MARK_LATE = "serviceTask_markLate";
    static final String READY = "callActivity_consolidation";

    /** Sent when every assigned body is in before the deadline. */
    static final String MESSAGE_READY = "roundReady";
    /** Sent when the consolidating body closes the round. */
    static final String MESSAGE_CLOSED = "roundClosed";

    /** Process variables: ids and the instants the timers wait for. */
    static final String ROUND_ID = "roundId";
    static final String PLAN_ID = "planId";
    static final String CONSOLIDATING_BODY = "consolidatingBody";
    static final String OPENS_AT = "opensAt";
    static final String OPENED_AT = "openedAt";
    static final String REMIND_7_AT = "remindSevenAt";
    static final String REMIND_3_AT = "remindThreeAt";
    static final String REMIND_DUE_AT = "remindDueAt";
    static final String OVERDUE_AT = "overdueAt";
    static final String DUE_AT = "dueAt";
    static final String BECAME_READY = "becameReady";

    private ReportRound() {
    }

    /** The business key of a round's instance. */
    static String businessKey(long roundId) {
        return "round-" + roundId;
    }
}
