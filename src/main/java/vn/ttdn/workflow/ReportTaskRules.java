package vn.ttdn.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ttdn.approval.Decision;
import vn.ttdn.reporting.Reports;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.AgencyReport.Activity;

/**
 * The rules of {@code agency-report}'s tasks: the body's officers draft, its leaders approve (not
 * one who drafted it), the consolidating body's officers receive or send back. When a leader's
 * approval brings the last assigned body in before the deadline, the round is told it is ready.
 */
@Component
class ReportTaskRules implements TaskRules {

    private final Reports reports;
    private final Rounds rounds;
    private final RoundMessages messages;

    ReportTaskRules(Reports reports, Rounds rounds, RoundMessages messages) {
        this.reports = reports;
        this.rounds = rounds;
        this.messages = messages;
    }

    @Override
    public String processKey() {
        return AgencyReport.KEY;
    }

    @Override
    public List<String> viewVariables() {
        return List.of(AgencyReport.ROUND_ID, AgencyReport.REPORT_BODY, AgencyReport.CONSOLIDATING_BODY);
    }

    @Override
    public String body(TaskContext task) {
        return task.string(AgencyReport.REPORT_BODY);
    }

    @Override
    public Map<String, String> standsFor(java.util.Collection<TaskContext> tasks) {
        Map<String, String> names = rounds.replacedNames(tasks.stream().map(t -> t.number(AgencyReport.ROUND_ID))
                .collect(java.util.stream.Collectors.toSet()));
        Map<String, String> byTask = new java.util.HashMap<>();
        for (TaskContext t : tasks) {
            String name = names.get(t.number(AgencyReport.ROUND_ID) + "/" + t.string(AgencyReport.REPORT_BODY));
            if (name != null) {
                byTask.put(t.taskId(), name);
            }
        }
        return byTask;
    }

    @Override
    public Optional<String> refusal(TaskContext task, CurrentUser user) {
        return activity(task) == Activity.LEADER
                ? reports.refusal(task.number(AgencyReport.ROUND_ID), task.string(AgencyReport.REPORT_BODY),
                user.username())
                : Optional.empty();
    }

    @Override
    public Map<String, Object> initialData(TaskContext task) {
        return reports.formData(task.number(AgencyReport.ROUND_ID), task.string(AgencyReport.REPORT_BODY));
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values, CurrentUser user, Instant now) {
        long roundId = task.number(AgencyReport.ROUND_ID);
        String body = task.string(AgencyReport.REPORT_BODY);
        switch (activity(task)) {
            case DRAFT -> {
                reports.draft(roundId, body, values, user, now);
                return Map.of();
            }
            case LEADER -> {
                Decision decision = decision(values);
                reports.leaderDecision(roundId, body, decision, (String) values.get("reason"), user, now)
                        .ifPresent(AuditTrail::numberIssued);
                if (decision == Decision.APPROVE && rounds.readyIfAllAssignedIn(roundId)) {
                    messages.ready(roundId);
                }
                return Map.of(AgencyReport.DECISION, decision.code());
            }
            case RECEIVE -> {
                Decision decision = decision(values);
                reports.review(roundId, body, decision, (String) values.get("reason"), user, now);
                return Map.of(AgencyReport.DECISION, decision.code());
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Decision decision(Map<String, Object> values) {
        return Decision.of(String.valueOf(values.get("decision"))).orElse(null);
    }

    private static Activity activity(TaskContext task) {
        return Activity.of(task.taskKey())
                .orElseThrow(() -> new IllegalStateException("Unknown report task " + task.taskKey()));
    }
}
