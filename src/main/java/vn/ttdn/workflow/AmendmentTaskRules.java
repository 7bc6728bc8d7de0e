package vn.ttdn.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ttdn.amendment.AmendmentStep;
import vn.ttdn.amendment.AmendmentView;
import vn.ttdn.amendment.Amendments;
import vn.ttdn.amendment.ProposalDecision;
import vn.ttdn.amendment.ProposalView;
import vn.ttdn.amendment.ProposalWords;
import vn.ttdn.approval.Decision;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.PlanAmendment.Activity;

/**
 * The rules of {@code plan-amendment}'s tasks: the consolidating body's officers prepare the Tờ
 * trình and its leaders sign it; the issuing body's leaders decide each proposal; no one signs or
 * decides what they started or prepared, nor decides what they signed ({@link Amendments#refusal}).
 * Every form opens with the proposals it concerns, in words, so the task page shows them.
 */
@Component
class AmendmentTaskRules implements TaskRules {

    private final Amendments amendments;
    private final PlanLifecycle plans;
    private final ProposalWords words;

    AmendmentTaskRules(Amendments amendments, PlanLifecycle plans, ProposalWords words) {
        this.amendments = amendments;
        this.plans = plans;
        this.words = words;
    }

    @Override
    public String processKey() {
        return PlanAmendment.KEY;
    }

    @Override
    public List<String> viewVariables() {
        return List.of(PlanAmendment.AMENDMENT_ID, PlanAmendment.CONSOLIDATING_BODY, PlanAmendment.ISSUING_BODY);
    }

    @Override
    public String body(TaskContext task) {
        return switch (activity(task)) {
            case PREPARE, DIRECTOR -> task.string(PlanAmendment.CONSOLIDATING_BODY);
            case DECISION -> task.string(PlanAmendment.ISSUING_BODY);
        };
    }

    @Override
    public Optional<String> refusal(TaskContext task, CurrentUser user) {
        return amendments.refusal(activity(task).step, task.number(PlanAmendment.AMENDMENT_ID), user.username());
    }

    @Override
    public Map<String, Object> initialData(TaskContext task) {
        AmendmentView amendment = amendments.amendment(task.number(PlanAmendment.AMENDMENT_ID));
        PlanDetails plan = plans.details(amendment.planId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planTitle", plan.code() + " — " + plan.title());
        Activity activity = activity(task);
        if (activity == Activity.PREPARE) {
            List<Map<String, Object>> options = new ArrayList<>();
            amendment.proposals().forEach(p -> options.add(Map.of("value", String.valueOf(p.id()),
                    "label", words.label(p))));
            data.put("proposalOptions", options);
            data.put("proposalIds", amendment.proposals().stream().map(p -> String.valueOf(p.id())).toList());
            lastReturn(amendment).ifPresent(reason -> data.put("returnedReason", reason));
            if (amendment.submissionNumber() != null) {
                data.put("number", amendment.submissionNumber());
                data.put("dated", amendment.submissionDate().toString());
                data.put("summary", amendment.summary());
            }
        } else {
            data.put("submissionNumber", amendment.submissionNumber());
            data.put("submissionDateText", amendment.submissionDate() == null ? ""
                    : PrintedDate.of(amendment.submissionDate()));
            data.put("summary", amendment.summary());
            data.put("consolidatingName", amendment.consolidatingBody().name());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProposalView p : amendment.proposals()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("proposalLabel", words.label(p));
            row.put("detail", words.detail(p, plan));
            row.put("proposalReason", p.reason());
            rows.add(row);
        }
        data.put(activity == Activity.DECISION ? "decisions" : "proposals", rows);
        return data;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values, CurrentUser user, Instant now) {
        long amendmentId = task.number(PlanAmendment.AMENDMENT_ID);
        Map<String, Object> variables = new HashMap<>();
        switch (activity(task)) {
            case PREPARE -> {
                List<Long> keep = ((List<Object>) values.getOrDefault("proposalIds", List.of())).stream()
                        .map(v -> Long.valueOf(String.valueOf(v))).toList();
                amendments.submit(amendmentId, (String) values.get("number"), (LocalDate) values.get("dated"),
                        (String) values.get("summary"), keep, user, now);
            }
            case DIRECTOR -> {
                Decision decision = Decision.of(String.valueOf(values.get("decision"))).orElse(null);
                amendments.directorDecision(amendmentId, decision, (String) values.get("reason"), user, now);
                variables.put(PlanAmendment.DECISION, decision.code());
            }
            case DECISION -> {
                List<ProposalView> proposals = amendments.amendment(amendmentId).proposals();
                List<Map<String, Object>> rows = (List<Map<String, Object>>) values.getOrDefault("decisions",
                        List.of());
                List<ProposalDecision> decisions = new ArrayList<>();
                for (int i = 0; i < proposals.size() && i < rows.size(); i++) {
                    Object decision = rows.get(i).get("verdict");
                    if (decision != null) {
                        decisions.add(new ProposalDecision(proposals.get(i).id(), "approve".equals(decision),
                                (String) rows.get(i).get("verdictReason")));
                    }
                }
                amendments.issuerDecisions(amendmentId, decisions, user, now);
            }
        }
        return variables;
    }

    private static Optional<String> lastReturn(AmendmentView amendment) {
        List<AmendmentView.StepView> steps = amendment.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            AmendmentView.StepView s = steps.get(i);
            if (s.step() == AmendmentStep.DIRECTOR) {
                return "RETURNED".equals(s.outcome()) ? Optional.ofNullable(s.note()) : Optional.empty();
            }
            if (s.step() == AmendmentStep.SUBMIT) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Activity activity(TaskContext task) {
        return Activity.of(task.taskKey())
                .orElseThrow(() -> new IllegalStateException("Unknown amendment task " + task.taskKey()));
    }
}
