package vn.ttdn.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.Decision;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.Registers;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.reporting.internal.RoundStore;
import vn.ttdn.reporting.internal.RoundStore.BodyRow;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * One body's report in a round, step by step as {@code agency-report} reaches it: its officer drafts
 * (each draft a version), its leader approves (the report takes the next number of the body's
 * register for reports and is submitted) or returns it, the consolidating body receives it (final)
 * or sends it back for more detail. Each step checks the body's state, records who took it, and
 * moves the state; the rows of every version are kept.
 */
@Service
@Transactional
public class Reports {

    /** The document type of a report in the registers ("BC" = Báo cáo). */
    public static final String REPORT = "BC";

    private final RoundStore store;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final Registers registers;
    private final RoundAccess access;
    private final vn.ttdn.approval.Attachments attachments;

    Reports(RoundStore store, PlanLifecycle plans, DirectoryService directory, Registers registers,
            RoundAccess access, vn.ttdn.approval.Attachments attachments) {
        this.attachments = attachments;
        this.store = store;
        this.plans = plans;
        this.directory = directory;
        this.registers = registers;
        this.access = access;
    }

    /**
     * What the report's forms open with: the round, the body (and whom it stands for), one row per
     * task it reports on (number, content, its role read-only; the state and the words of the last
     * version, if any), the indicators, and the last version's summary.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> formData(long roundId, String bodyCode) {
        RoundRow round = round(roundId);
        BodyRow body = body(roundId, bodyCode);
        PlanDetails plan = plans.detailsAt(round.planId(), store.planVersion(roundId));
        Map<String, PlanDetails.Task> tasks = new HashMap<>();
        plan.groups().forEach(g -> g.tasks().forEach(t -> tasks.put(t.number(), t)));
        Map<String, Object> last = store.versions(roundId, bodyCode).stream().reduce((a, b) -> b)
                .map(RoundStore.VersionRow::content).orElse(Map.of());
        Map<String, Map<String, Object>> lastRows = new HashMap<>();
        listOf(last.get("tasks")).forEach(r -> lastRows.put(String.valueOf(r.get("taskNumber")), r));
        Map<String, Object> lastIndicators = new HashMap<>();
        listOf(last.get("indicators")).forEach(r -> lastIndicators.put(String.valueOf(r.get("code")), r.get("value")));

        Map<String, BodyView> names = directory.bodies(body.replacesCode() == null ? List.of(bodyCode)
                : List.of(bodyCode, body.replacesCode()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundTitle", title(round, plan));
        data.put("bodyName", names.get(bodyCode).name()
                + (body.replacesCode() == null ? "" : " (thay cho " + names.get(body.replacesCode()).name() + ")"));
        data.put("periodText", round.periodFrom() == null ? "Theo yêu cầu của cơ quan đầu mối"
                : "Từ ngày " + PrintedDate.of(round.periodFrom()) + " đến ngày " + PrintedDate.of(round.periodTo()));
        data.put("deadlineText", PrintedDate.of(body.deadline() != null ? body.deadline() : round.deadline()));
        data.put("statusOptions", java.util.Arrays.stream(ReportForms.TaskStatus.values())
                .map(s -> Map.of("value", s.code, "label", s.label)).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> ref : body.tasks()) {
            PlanDetails.Task task = tasks.get(ref.get("number"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("taskNumber", ref.get("number"));
            row.put("taskContent", task == null ? "" : task.content());
            row.put("taskRole", ReportForms.ROLES.getOrDefault(ref.get("role"), ref.get("role")));
            Map<String, Object> before = lastRows.getOrDefault(ref.get("number"), Map.of());
            for (String key : List.of("status", "result", "difficulties", "proposals")) {
                if (before.get(key) != null) {
                    row.put(key, before.get(key));
                }
            }
            rows.add(row);
        }
        data.put("tasks", rows);
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (ReportForms.Indicator indicator : ReportForms.indicatorsOf(plan)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", indicator.code());
            row.put("indicatorLabel", indicator.label());
            row.put("unit", indicator.unit());
            if (lastIndicators.get(indicator.code()) != null) {
                row.put("value", lastIndicators.get(indicator.code()));
            }
            indicators.add(row);
        }
        data.put("indicators", indicators);
        for (String key : List.of("summary", "recommendations")) {
            if (last.get(key) != null) {
                data.put(key, last.get(key));
            }
        }
        return data;
    }

    /**
     * The officer's draft, as the form checked it: rows in the order the form gave them, matched to
     * the body's tasks; a new version. The body's officers only, while the round is open.
     */
    public int draft(long roundId, String bodyCode, Map<String, Object> values, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        BodyRow body = store.lockBody(roundId, bodyCode).orElseThrow(() -> noBody(roundId, bodyCode));
        checkOwnBody(bodyCode, user);
        checkCollecting(round);
        if (body.state().equals(BodyState.SUBMITTED.name()) || body.state().equals(BodyState.RECEIVED.name())) {
            throw wrongState(body, BodyState.PENDING);
        }
        // the rows come in the order the form opened with: the body's tasks, then the plan's indicators
        Map<String, Object> content = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> given = listOf(values.get("tasks"));
        List<Map<String, String>> expected = body.tasks();
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("taskNumber", expected.get(i).get("number"));
            if (i < given.size()) {
                given.get(i).forEach((k, v) -> {
                    if (v != null && !k.startsWith("task")) {
                        row.put(k, v);
                    }
                });
            }
            rows.add(row);
        }
        content.put("tasks", rows);
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Map<String, Object>> givenIndicators = listOf(values.get("indicators"));
        List<ReportForms.Indicator> expectedIndicators = ReportForms.indicatorsOf(plans.details(round.planId()));
        for (int i = 0; i < expectedIndicators.size(); i++) {
            Object value = i < givenIndicators.size() ? givenIndicators.get(i).get("value") : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", expectedIndicators.get(i).code());
            row.put("value", value);
            indicators.add(row);
        }
        content.put("indicators", indicators);
        for (String key : List.of("summary", "recommendations")) {
            if (values.get(key) != null) {
                content.put(key, values.get(key));
            }
        }
        int version = store.addVersion(roundId, bodyCode, content, user.username(), now);
        step(roundId, bodyCode, version, "DRAFTED", user, null, now);
        return version;
    }

    /** Why this person may not approve the body's report, if they may not: they drafted a version of it. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(long roundId, String bodyCode, String username) {
        return store.drafters(roundId, bodyCode).contains(username) ? Optional.of("report.ownDraft") : Optional.empty();
    }

    /**
     * The body's leader approves the draft (the next number of the body's register for reports, then
     * submitted; late when after the deadline) or returns it to the officer with a reason. The number
     * given, none when returned.
     */
    public Optional<RegisterEntry> leaderDecision(long roundId, String bodyCode, Decision decision, String reason, CurrentUser user,
                               Instant now) {
        RoundRow round = round(roundId);
        BodyRow body = store.lockBody(roundId, bodyCode).orElseThrow(() -> noBody(roundId, bodyCode));
        checkOwnBody(bodyCode, user);
        refusal(roundId, bodyCode, user.username()).ifPresent(code -> {
            throw new AccessDeniedException(code);
        });
        if (!body.state().equals(BodyState.DRAFT.name())) {
            throw wrongState(body, BodyState.DRAFT);
        }
        checkDecision(decision, reason);
        if (decision == Decision.RETURN) {
            store.setState(roundId, bodyCode, BodyState.RETURNED.name());
            step(roundId, bodyCode, body.version(), "RETURNED", user, reason.trim(), now);
            return Optional.empty();
        }
        LocalDate today = Rounds.day(now);
        // the register's entry names no plan: a plan's entries are its own numbers; the round keeps this one
        // numbered in the register of the body that signs it: the successor, when it acts for a body that ended
        RegisterEntry number = registers.takeForReport(user.bodyCode(), REPORT, today, null, user.username());
        boolean late = today.isAfter(body.deadline() != null ? body.deadline() : round.deadline());
        store.submitted(roundId, bodyCode, number.reference(), late, now);
        step(roundId, bodyCode, body.version(), "SUBMITTED", user, number.reference(), now);
        return Optional.of(number);
    }

    /**
     * The consolidating body receives the submitted report (final) or sends it back for more detail
     * with a reason (back to the body's officer, a new version to come).
     */
    public void review(long roundId, String bodyCode, Decision decision, String reason, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        BodyRow body = store.lockBody(roundId, bodyCode).orElseThrow(() -> noBody(roundId, bodyCode));
        checkOwnBody(round.consolidatingCode(), user);
        if (!body.state().equals(BodyState.SUBMITTED.name())) {
            throw wrongState(body, BodyState.SUBMITTED);
        }
        checkDecision(decision, reason);
        if (decision == Decision.RETURN) {
            store.setState(roundId, bodyCode, BodyState.RETURNED.name());
            step(roundId, bodyCode, body.version(), "SENT_BACK", user, reason.trim(), now);
        } else {
            store.received(roundId, bodyCode, now);
            step(roundId, bodyCode, body.version(), "RECEIVED", user, null, now);
        }
    }

    /**
     * A file (PDF, DOCX, XLSX) the body's officer attaches to its report while drafting it (before
     * its leader approves it), with the Tờ trình's rules on size and type.
     */
    public vn.ttdn.approval.AttachmentView attach(long roundId, String bodyCode, String fileName, byte[] content,
                                                  CurrentUser user) {
        RoundRow round = round(roundId);
        BodyRow body = store.lockBody(roundId, bodyCode).orElseThrow(() -> noBody(roundId, bodyCode));
        checkOwnBody(bodyCode, user);
        if (!user.hasRole(vn.ttdn.directory.Role.OFFICER)) {
            throw new AccessDeniedException("Only the body's officers attach files to its report");
        }
        checkCollecting(round);
        if (!List.of(BodyState.PENDING.name(), BodyState.RETURNED.name()).contains(body.state())) {
            throw wrongState(body, BodyState.PENDING);
        }
        return attachments.addToReport(round.planId(), roundId, bodyCode, fileName, content, user);
    }

    /** One file of a body's report, for those who may read the report. */
    @Transactional(readOnly = true)
    public vn.ttdn.approval.AttachmentView file(long roundId, String bodyCode, long id, CurrentUser user) {
        access.checkReadsReport(round(roundId), bodyCode, user);
        return attachments.reportFile(roundId, bodyCode, id);
    }

    @Transactional(readOnly = true)
    public byte[] fileContent(long roundId, String bodyCode, long id, CurrentUser user) {
        access.checkReadsReport(round(roundId), bodyCode, user);
        return attachments.reportContent(roundId, bodyCode, id);
    }

    /** The figures the round's reports give: the plan's own, or the default set. */
    @Transactional(readOnly = true)
    public List<ReportForms.Indicator> indicators(long roundId) {
        return ReportForms.indicatorsOf(plans.details(round(roundId).planId()));
    }

    /** One body's report in a round, every version and every step, for those who may read it. */
    @Transactional(readOnly = true)
    public ReportView report(long roundId, String bodyCode, CurrentUser user) {
        RoundRow round = round(roundId);
        BodyRow body = body(roundId, bodyCode);
        access.checkReadsReport(round, bodyCode, user);
        RoundView view = access.build(round, List.of(body));
        return new ReportView(roundId, view.plan(), view.bodies().get(0), store.versions(roundId, bodyCode).stream()
                .map(v -> new ReportView.Version(v.version(), v.content(), v.draftedBy(), v.draftedAt())).toList(),
                store.steps(roundId, bodyCode).stream().map(s -> new ReportView.Step(s.version(), s.step(), s.actor(),
                        s.actorName(), s.actorTitle(), s.note(), s.takenAt())).toList(),
                attachments.ofReport(roundId, bodyCode));
    }

    private void step(long roundId, String bodyCode, int version, String step, CurrentUser user, String note,
                      Instant now) {
        PersonView person = directory.person(user.username())
                .orElseThrow(() -> new NotFoundException("No person " + user.username()));
        store.step(roundId, bodyCode, version, step, person.username(), person.fullName(), person.title(), note, now);
    }

    /** A body writes only its own reports, or those of a body that ended and that it stands for. */
    private void checkOwnBody(String bodyCode, CurrentUser user) {
        if (!access.actsFor(user, bodyCode)) {
            throw new AccessDeniedException("A body writes only its own reports");
        }
    }

    private static void checkCollecting(RoundRow round) {
        if (!RoundStatus.OPEN.name().equals(round.status()) && !RoundStatus.READY.name().equals(round.status())) {
            throw Rounds.notIn(round, RoundStatus.OPEN);
        }
    }

    private static void checkDecision(Decision decision, String reason) {
        if (decision == null) {
            throw new InvalidInputException("Decision required", List.of(InputProblem.of("decision",
                    "approval.decisionRequired", "approve or return")));
        }
        if (decision == Decision.RETURN && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("Reason required", List.of(InputProblem.of("reason",
                    "approval.reasonRequired", "a reason is required when returning")));
        }
    }

    static String title(RoundRow round, PlanDetails plan) {
        String document = plan.issued() != null && plan.issued().reference() != null
                ? plan.type().word() + " số " + plan.issued().reference() : plan.type().word() + " " + plan.code();
        RoundKind kind = RoundKind.valueOf(round.kind());
        return kind == RoundKind.ADHOC
                ? "Báo cáo đột xuất" + (round.label() == null ? "" : ": " + round.label()) + " — " + document
                : "Báo cáo kết quả thực hiện " + kind.periodWords(round.year()) + " — " + document;
    }

    private RoundRow round(long roundId) {
        return store.round(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
    }

    private BodyRow body(long roundId, String bodyCode) {
        return store.body(roundId, bodyCode).orElseThrow(() -> noBody(roundId, bodyCode));
    }

    private static NotFoundException noBody(long roundId, String bodyCode) {
        return new NotFoundException("Round " + roundId + " does not ask " + bodyCode);
    }

    private static InvalidInputException wrongState(BodyRow body, BodyState expected) {
        return new InvalidInputException(HttpStatus.CONFLICT, "Report is " + body.state(), List.of(InputProblem.of(
                "state", "report.wrongState", "the report is " + body.state() + ", not " + expected, body.state(),
                expected.name())));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }
}
