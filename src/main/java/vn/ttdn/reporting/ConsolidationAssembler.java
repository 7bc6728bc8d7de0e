package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.Letterheads;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Group;
import vn.ttdn.reporting.Consolidation.Indicator;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Task;
import vn.ttdn.reporting.Consolidation.Timeliness;
import vn.ttdn.reporting.internal.ConsolidationStore;
import vn.ttdn.reporting.internal.RoundStore;
import vn.ttdn.reporting.internal.RoundStore.BodyRow;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;

/**
 * Builds a round's consolidated report from the reports that are in (submitted or received): per
 * task each body's cell and the task's overall state, per body how it reported, the indicators
 * summed beside last year's round, and a draft of the five narrative parts ({@link NarrativeDraft}). Reads only; the
 * officer's edits are laid over the draft by {@link Consolidations}.
 *
 * <p>A task's overall state comes from the reports of its lead bodies (of every body asked on it
 * when none leads): overdue if any says overdue; done on time when all say so, done late when all
 * are done and one was late; not started when all say so; unreported when none says anything;
 * otherwise in progress — a lead body's silence keeps a task from counting as done.
 */
@Component
class ConsolidationAssembler {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final RoundStore rounds;
    private final ConsolidationStore store;
    private final vn.ttdn.plan.PlanLifecycle plans;
    private final DirectoryService directory;
    private final Letterheads letterheads;
    private final MessageSource messages;
    private final NarrativeDraft narratives;

    ConsolidationAssembler(RoundStore rounds, ConsolidationStore store, vn.ttdn.plan.PlanLifecycle plans,
                           DirectoryService directory, Letterheads letterheads, MessageSource messages, NarrativeDraft narratives) {
        this.narratives = narratives;
        this.rounds = rounds;
        this.store = store;
        this.plans = plans;
        this.directory = directory;
        this.letterheads = letterheads;
        this.messages = messages;
    }

    /** The consolidated report as the reports stand now, with the generated narrative (no number, no signer). */
    Consolidation assemble(RoundRow round, Instant now) {
        PlanDetails plan = plans.detailsAt(round.planId(), rounds.planVersion(round.id()));
        List<BodyRow> asked = rounds.bodies(round.id());
        Map<String, Map<String, Object>> reports = store.lastReports(round.id());
        Map<String, Integer> returns = store.returns(round.id());
        Set<String> codes = new HashSet<>();
        codes.add(round.consolidatingCode());
        asked.forEach(b -> {
            codes.add(b.bodyCode());
            if (b.replacesCode() != null) {
                codes.add(b.replacesCode());
            }
        });
        Map<String, BodyView> names = directory.bodies(codes);

        // the rows of the reports that are in, by body and task number
        Map<String, Map<String, Map<String, Object>>> rows = new HashMap<>();
        for (BodyRow b : asked) {
            if (BodyState.valueOf(b.state()).isIn()) {
                Map<String, Map<String, Object>> byTask = new HashMap<>();
                listOf(reports.getOrDefault(b.bodyCode(), Map.of()).get("tasks"))
                        .forEach(r -> byTask.put(String.valueOf(r.get("taskNumber")), r));
                rows.put(b.bodyCode(), byTask);
            }
        }
        List<Group> groups = groups(round, plan, asked, rows);
        List<Body> bodies = bodies(asked, rows, returns, names);
        List<Indicator> indicators = indicators(round, plan, asked, reports);
        Map<String, Integer> taskCounts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            taskCounts.put(s.code, 0);
        }
        groups.forEach(g -> g.tasks().forEach(t -> taskCounts.merge(t.overall().code, 1, Integer::sum)));
        Map<String, Integer> bodyCounts = new LinkedHashMap<>();
        for (Timeliness t : Timeliness.values()) {
            bodyCounts.put(t.code, (int) bodies.stream().filter(b -> b.timeliness() == t).count());
        }
        bodyCounts.put("returned", (int) bodies.stream().filter(b -> b.returns() > 0).count());
        bodyCounts.put("asked", bodies.size());
        bodyCounts.put("in", (int) bodies.stream().filter(b -> b.state().isIn()).count());

        String consolidatingName = names.get(round.consolidatingCode()).name();
        Consolidation draft = new Consolidation(round.id(), new PlanLabel(plan.id(), plan.code(), plan.title()),
                round.year(), RoundKind.valueOf(round.kind()), Reports.title(round, plan), subject(round, plan),
                round.periodFrom() == null ? null : new RoundView.Period(round.periodFrom(), round.periodTo()),
                round.deadline(), round.consolidatingCode(), consolidatingName,
                letterheads.of(round.consolidatingCode()), Consolidation.State.DRAFT, 0, null, null, null, null,
                groups, bodies, indicators, taskCounts, bodyCounts, recipients(plan, round, now), "VT", now,
                planDocument(plan), registerOf(round.consolidatingCode()));
        return withNarrative(draft, narratives.draft(draft, plan));
    }

    /**
     * One body's own report in the same shape: its letterhead, its number and date, its tasks with its
     * single cell each, its figures, its summary and recommendations, sent to the consolidating body;
     * the signer is the leader who approved it. Drawn from its last version, in or not.
     */
    Consolidation assembleReport(RoundRow round, BodyRow body, Consolidation.Signer signer, Instant now) {
        PlanDetails plan = plans.detailsAt(round.planId(), rounds.planVersion(round.id()));
        Map<String, Object> report = store.lastReports(round.id()).getOrDefault(body.bodyCode(), Map.of());
        Map<String, Map<String, Object>> byTask = new HashMap<>();
        listOf(report.get("tasks")).forEach(r -> byTask.put(String.valueOf(r.get("taskNumber")), r));
        Map<String, Map<String, Map<String, Object>>> rows = Map.of(body.bodyCode(), byTask);
        List<String> codes = new ArrayList<>(List.of(body.bodyCode(), round.consolidatingCode()));
        if (body.replacesCode() != null) {
            codes.add(body.replacesCode());
        }
        Map<String, BodyView> names = directory.bodies(codes);
        List<Group> groups = groups(round, plan, List.of(body), rows).stream()
                .map(g -> new Group(g.number(), g.title(), g.tasks().stream().filter(t -> !t.cells().isEmpty())
                        .toList()))
                .filter(g -> !g.tasks().isEmpty()).toList();
        // the body's own figures, whatever its state
        BodyRow asIn = new BodyRow(body.roundId(), body.bodyCode(), body.replacesCode(), body.kind(), body.position(),
                BodyState.SUBMITTED.name(), body.late(), body.version(), body.submittedAt(), body.receivedAt(),
                body.reportNumber(), body.tasks(), body.deadline());
        Map<String, Map<String, BigDecimal>> figures = figures(List.of(asIn), Map.of(body.bodyCode(), report));
        List<Indicator> indicators = ReportForms.indicatorsOf(plan).stream().map(i -> {
            Map<String, BigDecimal> values = figures.getOrDefault(i.code(), Map.of());
            return new Indicator(i.code(), i.label(), i.unit(),
                    values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), null, values);
        }).toList();
        Map<String, Integer> taskCounts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            taskCounts.put(s.code, 0);
        }
        groups.forEach(g -> g.tasks().forEach(t -> taskCounts.merge(t.cells().get(0).status().code, 1,
                Integer::sum)));
        List<Body> bodies = bodies(List.of(body), rows, store.returns(round.id()), names);
        BodyView own = names.get(body.bodyCode());
        String title = own.name() + " — " + Reports.title(round, plan);
        return new Consolidation(round.id(), new PlanLabel(plan.id(), plan.code(), plan.title()), round.year(),
                RoundKind.valueOf(round.kind()), title, subject(round, plan),
                round.periodFrom() == null ? null : new RoundView.Period(round.periodFrom(), round.periodTo()),
                round.deadline(), body.bodyCode(), own.name(), letterheads.of(body.bodyCode()),
                body.reportNumber() == null ? Consolidation.State.DRAFT : Consolidation.State.SENT, body.version(),
                body.reportNumber(), body.submittedAt() == null ? null : Rounds.day(body.submittedAt()),
                signer, new Narrative(words(report.get("summary")), null, null, null,
                words(report.get("recommendations"))), groups, bodies, indicators, taskCounts,
                Map.of("asked", 1, "in", BodyState.valueOf(body.state()).isIn() ? 1 : 0),
                List.of(names.get(round.consolidatingCode()).name()), "VT", now, planDocument(plan),
                registerOf(body.bodyCode()));
    }

    static Consolidation withNarrative(Consolidation c, Narrative narrative) {
        return new Consolidation(c.roundId(), c.plan(), c.year(), c.kind(), c.title(), c.subject(), c.period(),
                c.deadline(), c.consolidatingCode(), c.consolidatingName(), c.letterhead(), c.state(), c.version(),
                c.number(), c.dated(), c.signer(), narrative, c.groups(), c.bodies(), c.indicators(), c.taskCounts(),
                c.bodyCounts(), c.recipients(), c.archive(), c.assembledAt(), c.planDocument(), c.register());
    }

    private List<Group> groups(RoundRow round, PlanDetails plan, List<BodyRow> asked,
                               Map<String, Map<String, Map<String, Object>>> rows) {
        // who is asked on which task, in the round's order of bodies
        Map<String, List<Map.Entry<BodyRow, String>>> askedOn = new HashMap<>();
        for (BodyRow b : asked) {
            for (Map<String, String> ref : b.tasks()) {
                askedOn.computeIfAbsent(ref.get("number"), k -> new ArrayList<>()).add(Map.entry(b, ref.get("role")));
            }
        }
        Set<String> inRound = round.taskNumbers() == null ? null : new HashSet<>(round.taskNumbers());
        List<Group> groups = new ArrayList<>();
        for (PlanDetails.Group g : plan.groups()) {
            List<Task> tasks = new ArrayList<>();
            for (PlanDetails.Task t : g.tasks()) {
                if (inRound != null && !inRound.contains(t.number())) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>();
                for (Map.Entry<BodyRow, String> on : askedOn.getOrDefault(t.number(), List.of())) {
                    BodyRow b = on.getKey();
                    Map<String, Object> row = rows.getOrDefault(b.bodyCode(), Map.of()).get(t.number());
                    cells.add(row == null || row.get("status") == null
                            ? new Cell(b.bodyCode(), on.getValue(), Status.UNREPORTED, null, null, null, b.late())
                            : new Cell(b.bodyCode(), on.getValue(), Status.of(String.valueOf(row.get("status"))),
                            words(row.get("result")), words(row.get("difficulties")), words(row.get("proposals")),
                            b.late()));
                }
                tasks.add(new Task(t.number(), t.content(), overall(cells), cells));
            }
            if (!tasks.isEmpty()) {
                groups.add(new Group(g.number(), g.title(), tasks));
            }
        }
        return groups;
    }

    /** The task's state from its lead bodies' cells (from every cell when no lead body is asked). */
    static Status overall(List<Cell> cells) {
        List<Cell> leads = cells.stream().filter(c -> "lead".equals(c.role())).toList();
        List<Status> said = (leads.isEmpty() ? cells : leads).stream().map(Cell::status).toList();
        List<Status> reported = said.stream().filter(s -> s != Status.UNREPORTED).toList();
        if (reported.isEmpty()) {
            return Status.UNREPORTED;
        }
        if (reported.contains(Status.OVERDUE)) {
            return Status.OVERDUE;
        }
        boolean allReported = reported.size() == said.size();
        if (allReported && reported.stream().allMatch(s -> s == Status.DONE_ON_TIME)) {
            return Status.DONE_ON_TIME;
        }
        if (allReported && reported.stream().allMatch(s -> s == Status.DONE_ON_TIME || s == Status.DONE_LATE)) {
            return Status.DONE_LATE;
        }
        if (allReported && reported.stream().allMatch(s -> s == Status.NOT_STARTED)) {
            return Status.NOT_STARTED;
        }
        return Status.IN_PROGRESS;
    }

    private static List<Body> bodies(List<BodyRow> asked, Map<String, Map<String, Map<String, Object>>> rows,
                                     Map<String, Integer> returns, Map<String, BodyView> names) {
        List<Body> bodies = new ArrayList<>();
        for (BodyRow b : asked) {
            BodyState state = BodyState.valueOf(b.state());
            Timeliness timeliness = state == BodyState.MISSING ? Timeliness.MISSING
                    : b.late() ? Timeliness.LATE : state.isIn() ? Timeliness.ON_TIME : Timeliness.PENDING;
            Map<String, Map<String, Object>> said = rows.getOrDefault(b.bodyCode(), Map.of());
            List<String> unreported = b.tasks().stream().map(t -> t.get("number"))
                    .filter(n -> said.get(n) == null || said.get(n).get("status") == null).toList();
            BodyView body = names.get(b.bodyCode());
            BodyView replaced = b.replacesCode() == null ? null : names.get(b.replacesCode());
            bodies.add(new Body(b.bodyCode(), body.name(), body.shortName(), replaced == null ? null : replaced.name(),
                    AskKind.valueOf(b.kind()), state, timeliness, returns.getOrDefault(b.bodyCode(), 0),
                    b.submittedAt(), b.receivedAt(), b.reportNumber(), unreported));
        }
        return bodies;
    }

    private List<Indicator> indicators(RoundRow round, PlanDetails plan, List<BodyRow> asked,
                                       Map<String, Map<String, Object>> reports) {
        Map<String, Map<String, BigDecimal>> byBody = figures(asked, reports);
        Map<String, BigDecimal> lastYear = lastYear(round);
        List<Indicator> indicators = new ArrayList<>();
        for (ReportForms.Indicator i : ReportForms.indicatorsOf(plan)) {
            Map<String, BigDecimal> values = byBody.getOrDefault(i.code(), Map.of());
            BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            indicators.add(new Indicator(i.code(), i.label(), i.unit(), total,
                    lastYear == null ? null : lastYear.getOrDefault(i.code(), BigDecimal.ZERO), values));
        }
        return indicators;
    }

    /** Each indicator's figure in each report that is in: indicator code → body code → value. */
    private static Map<String, Map<String, BigDecimal>> figures(List<BodyRow> asked,
                                                                Map<String, Map<String, Object>> reports) {
        Map<String, Map<String, BigDecimal>> byIndicator = new HashMap<>();
        for (BodyRow b : asked) {
            if (!BodyState.valueOf(b.state()).isIn()) {
                continue;
            }
            for (Map<String, Object> row : listOf(reports.getOrDefault(b.bodyCode(), Map.of()).get("indicators"))) {
                BigDecimal value = number(row.get("value"));
                if (value != null) {
                    byIndicator.computeIfAbsent(String.valueOf(row.get("code")), k -> new LinkedHashMap<>())
                            .put(b.bodyCode(), value);
                }
            }
        }
        return byIndicator;
    }

    /** The indicators summed over last year's yearly round (six-month round, for one) of the plan, or null when it had none. */
    private Map<String, BigDecimal> lastYear(RoundRow round) {
        String comparedKind = RoundKind.HALF_YEAR.name().equals(round.kind()) ? round.kind() : RoundKind.YEARLY.name();
        RoundRow previous = rounds.ofPlan(round.planId()).stream()
                .filter(r -> comparedKind.equals(r.kind()) && r.year() == round.year() - 1
                        && !RoundStatus.SCHEDULED.name().equals(r.status()))
                .findFirst().orElse(null);
        if (previous == null) {
            return null;
        }
        Map<String, BigDecimal> totals = new HashMap<>();
        figures(rounds.bodies(previous.id()), store.lastReports(previous.id()))
                .forEach((code, values) -> totals.put(code,
                        values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        return totals;
    }

    /** The issuing body and the plan's receivers (as they stand today), for "Nơi nhận:". */
    private List<String> recipients(PlanDetails plan, RoundRow round, Instant now) {
        Set<String> named = new LinkedHashSet<>();
        named.add(plan.issuer().code());
        plan.reporting().consolidatedTo().stream().map(BodyRef::code).forEach(named::add);
        List<String> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String code : named) {
            directory.standingOn(code, Rounds.day(now)).map(Standing::body)
                    .filter(b -> !b.code().equals(round.consolidatingCode()) && seen.add(b.code()))
                    .ifPresent(b -> lines.add(b.name()));
        }
        lines.add(text("consolidation.recipient.leaders"));
        return lines;
    }

    /** "Kế hoạch số 116/KH-UBND ngày 03/6/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi", or "Kế hoạch <title>". */
    private String planDocument(PlanDetails plan) {
        return plan.issued() != null && plan.issued().reference() != null
                ? text("consolidation.subject.numbered", plan.issued().reference(),
                plan.issued().issuedOn() == null ? "" : PrintedDate.of(plan.issued().issuedOn()), plan.issuer().name(),
                plan.type().word())
                : text("consolidation.subject.plan", plan.title(), plan.type().word());
    }

    /** The symbol a body's register numbers with (its own, or the one its code gives, as the registers do). */
    private String registerOf(String bodyCode) {
        return directory.body(bodyCode).map(vn.ttdn.approval.Registers::symbolOf).orElse(null);
    }

    private String subject(RoundRow round, PlanDetails plan) {
        String document = planDocument(plan);
        return RoundKind.ADHOC.name().equals(round.kind())
                ? text("consolidation.subject.adhoc", document, round.label() == null ? "" : round.label())
                : RoundKind.HALF_YEAR.name().equals(round.kind())
                ? text("consolidation.subject.halfYear", document, String.valueOf(round.year()))
                : text("consolidation.subject.yearly", document, String.valueOf(round.year()));
    }

    static String words(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    static BigDecimal number(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listOf(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }
}
