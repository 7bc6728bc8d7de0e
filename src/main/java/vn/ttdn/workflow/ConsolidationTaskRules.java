package vn.ttdn.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ttdn.approval.Decision;
import vn.ttdn.reporting.Consolidations;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundConsolidation.Activity;

/**
 * The rules of {@code round-consolidation}'s tasks: the consolidating body's officers write and
 * submit, its leaders approve or return (not one who submitted a version of it).
 */
@Component
class ConsolidationTaskRules implements TaskRules {

    private final Consolidations consolidations;

    ConsolidationTaskRules(Consolidations consolidations) {
        this.consolidations = consolidations;
    }

    @Override
    public String processKey() {
        return RoundConsolidation.KEY;
    }

    @Override
    public List<String> viewVariables() {
        return List.of(RoundConsolidation.ROUND_ID, RoundConsolidation.CONSOLIDATING_BODY);
    }

    @Override
    public String body(TaskContext task) {
        return task.string(RoundConsolidation.CONSOLIDATING_BODY);
    }

    @Override
    public Optional<String> refusal(TaskContext task, CurrentUser user) {
        return activity(task) == Activity.APPROVE
                ? consolidations.refusal(task.number(RoundConsolidation.ROUND_ID), user.username())
                : Optional.empty();
    }

    @Override
    public Map<String, Object> initialData(TaskContext task) {
        long roundId = task.number(RoundConsolidation.ROUND_ID);
        return activity(task) == Activity.DRAFT
                ? consolidations.draftFormData(roundId, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                .toInstant())
                : consolidations.approvalFormData(roundId);
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values, CurrentUser user, Instant now) {
        long roundId = task.number(RoundConsolidation.ROUND_ID);
        if (activity(task) == Activity.DRAFT) {
            consolidations.submit(roundId, values, user, now);
            return Map.of();
        }
        Decision decision = Decision.of(String.valueOf(values.get("decision"))).orElse(null);
        consolidations.decide(roundId, decision, (String) values.get("reason"), user, now)
                .ifPresent(AuditTrail::numberIssued);
        return Map.of(RoundConsolidation.DECISION, decision.code());
    }

    private static Activity activity(TaskContext task) {
        return Activity.of(task.taskKey())
                .orElseThrow(() -> new IllegalStateException("Unknown consolidation task " + task.taskKey()));
    }
}
