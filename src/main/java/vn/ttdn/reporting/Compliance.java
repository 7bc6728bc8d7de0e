package vn.ttdn.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanRef;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.ComplianceMatrix.Cell;
import vn.ttdn.reporting.ComplianceMatrix.Column;
import vn.ttdn.reporting.ComplianceMatrix.Group;
import vn.ttdn.reporting.ComplianceMatrix.RoundChoice;
import vn.ttdn.reporting.ComplianceMatrix.Row;
import vn.ttdn.reporting.ComplianceMatrix.YearPoint;
import vn.ttdn.reporting.internal.ComplianceStore;
import vn.ttdn.reporting.internal.ComplianceStore.CellRow;
import vn.ttdn.reporting.internal.ComplianceStore.YearCount;
import vn.ttdn.reporting.internal.RoundStore;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

/**
 * The supervisors' compliance matrix of a plan and a year (issue 10), read-only: who was asked in the
 * year's round, on which tasks, and whether each body's report came in on time, late, after a return,
 * not at all, or is still due; with the plan's yearly rounds over the years. For the people who follow
 * the plan ({@link PlanService#supervisedPlans}: supervisors in their scope, auditors and administrators
 * all); anyone else is refused ({@code compliance.outOfScope}).
 *
 * <p>The year shows its yearly round; a plan's other rounds of the year (six-month, ad hoc) are a choice
 * ({@code round}), never mixed into it. A round still scheduled is not shown: nobody was asked yet.
 */
@Service
@Transactional(readOnly = true)
public class Compliance {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final ComplianceStore store;
    private final RoundStore rounds;
    private final PlanLifecycle plans;
    private final PlanService planService;

    Compliance(ComplianceStore store, RoundStore rounds, PlanLifecycle plans, PlanService planService) {
        this.store = store;
        this.rounds = rounds;
        this.plans = plans;
        this.planService = planService;
    }

    /**
     * The matrix of the plan for the year ({@code year} blank: the year of the plan's latest round that
     * opened) and its round ({@code round} blank: the year's yearly round, else its first round by
     * deadline), as the day {@code today} stands. 404 for an unknown plan, 403 for a plan the person does
     * not follow, 400 with every problem of the year or round.
     */
    public ComplianceMatrix matrix(long planId, String year, String round, CurrentUser user, LocalDate today) {
        PlanRef plan = plans.ref(planId);
        if (!planService.supervisedPlans(user).covers(planId)) {
            throw ForbiddenException.of("compliance.outOfScope", "the plan is not one you follow");
        }
        List<InputProblem> problems = new ArrayList<>();
        Integer askedYear = null;
        if (year != null && !year.isBlank()) {
            try {
                askedYear = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                askedYear = -1;
            }
            if (askedYear < FIRST_YEAR || askedYear > LAST_YEAR) {
                problems.add(InputProblem.of("year", "compliance.year", "the year must be a number from "
                        + FIRST_YEAR + " to " + LAST_YEAR, year.strip(), FIRST_YEAR, LAST_YEAR));
            }
        }
        List<RoundRow> opened = rounds.ofPlan(planId).stream()
                .filter(r -> !RoundStatus.SCHEDULED.name().equals(r.status())).toList();
        RoundRow chosen = null;
        if (round != null && !round.isBlank()) {
            chosen = opened.stream().filter(r -> String.valueOf(r.id()).equals(round.strip())).findFirst().orElse(null);
            if (chosen == null) {
                problems.add(InputProblem.of("round", "compliance.round", "the plan has no open or closed round "
                        + round.strip(), round.strip()));
            } else if (askedYear != null && problems.isEmpty() && chosen.year() != askedYear) {
                problems.add(InputProblem.of("round", "compliance.roundYear", "round " + chosen.id() + " is of "
                        + chosen.year() + ", not of " + year.strip(), chosen.year()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid year or round", problems);
        }
        List<Integer> years = opened.stream().map(RoundRow::year).distinct().sorted().toList();
        Integer shownYear = chosen != null ? Integer.valueOf(chosen.year()) : askedYear != null ? askedYear
                : years.isEmpty() ? null : years.get(years.size() - 1);
        List<RoundRow> ofYear = opened.stream().filter(r -> shownYear != null && r.year() == shownYear)
                .sorted(java.util.Comparator.comparing((RoundRow r) -> !RoundKind.YEARLY.name().equals(r.kind()))
                        .thenComparing(RoundRow::deadline).thenComparing(RoundRow::id))
                .toList();
        if (chosen == null && !ofYear.isEmpty()) {
            chosen = ofYear.get(0);
        }
        PlanLabel label = new PlanLabel(plan.id(), plan.code(), plan.title());
        List<YearPoint> overYears = overYears(planId, today);
        if (chosen == null) {
            return new ComplianceMatrix(label, shownYear, years, List.of(), null, List.of(), List.of(), Map.of(),
                    counts(), counts(), overYears);
        }
        List<CellRow> cells = store.cells(chosen.id(), today);
        Map<String, Row> rows = rows(cells);
        List<Group> groups = groups(plans.detailsAt(planId, rounds.planVersion(chosen.id())), cells);
        Map<String, Map<String, Integer>> taskTotals = new LinkedHashMap<>();
        groups.forEach(g -> g.tasks().forEach(t -> taskTotals.put(t.number(), counts())));
        Map<String, Integer> cellTotals = counts();
        Map<String, Integer> bodyTotals = counts();
        for (Row row : rows.values()) {
            bodyTotals.merge(row.status().name(), 1, Integer::sum);
            row.cells().forEach((task, cell) -> {
                taskTotals.get(task).merge(cell.status().name(), 1, Integer::sum);
                cellTotals.merge(cell.status().name(), 1, Integer::sum);
            });
        }
        return new ComplianceMatrix(label, shownYear, years, ofYear.stream().map(Compliance::choice).toList(),
                choice(chosen), groups, List.copyOf(rows.values()), taskTotals, bodyTotals, cellTotals, overYears);
    }

    private static Map<String, Row> rows(List<CellRow> cells) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (CellRow c : cells) {
            Row row = rows.computeIfAbsent(c.bodyCode(), code -> new Row(code, c.bodyName(),
                    c.replacesCode() == null ? null : new BodyRef(c.replacesCode(), c.replacesName()),
                    AskKind.valueOf(c.kind()), BodyState.valueOf(c.state()), c.late(), c.returns(), c.deadline(),
                    c.submittedAt(), c.receivedAt(), c.reportNumber(), ComplianceStatus.valueOf(c.status()),
                    new LinkedHashMap<>(), counts()));
            if (c.task() != null) {
                row.cells().put(c.task(), new Cell(row.status(), c.role()));
                row.counts().merge(row.status().name(), 1, Integer::sum);
            }
        }
        return rows;
    }

    /** The tasks the round asks, in the plan's groups and order; those the plan's version lacks at the end. */
    private static List<Group> groups(PlanDetails plan, List<CellRow> cells) {
        Set<String> asked = new LinkedHashSet<>();
        cells.stream().map(CellRow::task).filter(java.util.Objects::nonNull).forEach(asked::add);
        List<Group> groups = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (PlanDetails.Group g : plan.groups()) {
            List<Column> columns = g.tasks().stream().filter(t -> asked.contains(t.number()))
                    .map(t -> new Column(t.number(), t.content())).toList();
            columns.forEach(c -> placed.add(c.number()));
            if (!columns.isEmpty()) {
                groups.add(new Group(g.number(), g.title(), columns));
            }
        }
        List<Column> rest = asked.stream().filter(n -> !placed.contains(n)).map(n -> new Column(n, null)).toList();
        if (!rest.isEmpty()) {
            groups.add(new Group(null, null, rest));
        }
        return groups;
    }

    private List<YearPoint> overYears(long planId, LocalDate today) {
        Map<Long, YearPoint> points = new LinkedHashMap<>();
        for (YearCount c : store.yearly(planId, today)) {
            YearPoint point = points.computeIfAbsent(c.roundId(), id -> new YearPoint(c.year(), id,
                    RoundStatus.valueOf(c.roundStatus()), c.deadline(), 0, counts(), null));
            if (c.status() != null) {
                point.counts().merge(c.status(), c.bodies(), Integer::sum);
            }
        }
        return points.values().stream().map(p -> {
            int asked = p.counts().values().stream().mapToInt(Integer::intValue).sum();
            int due = asked - p.counts().get(ComplianceStatus.PENDING.name());
            int onTime = p.counts().get(ComplianceStatus.ON_TIME.name()) + p.counts().get(ComplianceStatus.RETURNED.name());
            return new YearPoint(p.year(), p.roundId(), p.status(), p.deadline(), asked, p.counts(),
                    due == 0 ? null : (int) Math.round(100.0 * onTime / due));
        }).toList();
    }

    private static RoundChoice choice(RoundRow r) {
        return new RoundChoice(r.id(), RoundKind.valueOf(r.kind()), r.year(), r.label(), r.deadline(),
                RoundStatus.valueOf(r.status()));
    }

    /** Every status at zero, in order. */
    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            counts.put(s.name(), 0);
        }
        return counts;
    }
}
