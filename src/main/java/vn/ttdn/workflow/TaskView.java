package vn.ttdn.workflow;

import java.time.Instant;

/**
 * A human task as the inbox and the task page show it. {@code taskKey} is the activity id in the
 * model ({@code userTask_directorApproval}); {@code consultedBody} is set on consultation tasks.
 */
public record TaskView(String id, String name, String taskKey, long planId, String planCode, String planTitle,
                       Instant created, Instant due, String assignee, String assigneeName, String consultedBody,
                       String processInstanceId) {

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
