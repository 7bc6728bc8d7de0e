package vn.ttdn.workflow;

import java.time.Instant;

/**
 * A human task as the inbox and the task page show it, of any process of the application.
 * {@code taskKey} is the activity id in the model ({@code userTask_directorApproval}),
 * {@code processKey} the process ({@code plan-approval}, {@code agency-report}); {@code bodyCode} the
 * body whose work it is (the body acting on a plan's approval, the body whose report it is in a round),
 * {@code bodyReplaces} the name of the ended body it stands for, if it does ("thay cho …"); {@code roundId} is set on a round's tasks, {@code consultedBody} on
 * consultation tasks.
 */
public record TaskView(String id, String name, String taskKey, String processKey, long planId, String planCode,
                       String planTitle, String bodyCode, String bodyName, String bodyReplaces, Long roundId,
                       Instant created, Instant due,
                       String assignee, String assigneeName, String consultedBody, String processInstanceId) {

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    /** Whether it is a task of a plan's approval (the task page shows the Tờ trình beside it). */
    public boolean isApproval() {
        return PlanApproval.KEY.equals(processKey);
    }
}
