package vn.ttdn.plan;

import java.util.List;

/**
 * One change to an issued plan's task, as a body proposes it: the kind, the task (by its number) or
 * the group a new task joins, and what it proposes. For CHANGE a field left empty stays as it is; for
 * REASSIGN the lead and cooperating bodies replace the task's; for ADD they make the new task. Text is
 * trimmed, an empty text is none. {@code proposalId} and {@code proposedBy} say where it came from.
 */
public record ChangeInput(ChangeKind kind, String taskNumber, String groupNumber, String content, String timeline,
                          String timelineText, List<String> lead, List<String> cooperating, String reason,
                          Long proposalId, String proposedBy) {

    public ChangeInput {
        taskNumber = TaskInput.trimToNull(taskNumber);
        groupNumber = TaskInput.trimToNull(groupNumber);
        content = TaskInput.trimToNull(content);
        timeline = TaskInput.trimToNull(timeline);
        timelineText = TaskInput.trimToNull(timelineText);
        lead = lead == null ? List.of() : lead.stream().map(c -> c == null ? "" : c.strip()).toList();
        cooperating = cooperating == null ? List.of()
                : cooperating.stream().map(c -> c == null ? "" : c.strip()).toList();
        reason = TaskInput.trimToNull(reason);
    }
}
