package vn.ttdn.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.DayMonth;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.plan.Timeline;
import vn.ttdn.reporting.internal.RoundStore;
import vn.ttdn.reporting.internal.RoundStore.BodyRow;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * The life of a round, as the process {@code report-round} reaches each point: scheduled (yearly
 * rounds of an issued plan, or one a consolidating officer asks for), opened (the bodies asked fixed
 * as the directory stands that day), late (the deadline passed), ready (every assigned body in or
 * late), closed (what is not in is missing). Each move checks the status it starts from, so a move
 * that comes twice (a second node, a second click) does nothing the second time.
 */
@Service
@Transactional
public class Rounds {

    /** Resolution 47/NQ-CP runs to 2030: a plan whose tasks give no end year reports to then. */
    static final int DEFAULT_END_YEAR = 2030;

    private final RoundStore store;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final RoundAccess access;
    private final RoundNotices notices;
    private final ReportingProperties properties;
    private final AskedBodies askedBodies;

    Rounds(RoundStore store, PlanLifecycle plans, DirectoryService directory, RoundAccess access, RoundNotices notices,
           ReportingProperties properties, AskedBodies askedBodies) {
        this.askedBodies = askedBodies;
        this.store = store;
        this.plans = plans;
        this.directory = directory;
        this.access = access;
        this.notices = notices;
        this.properties = properties;
    }

    /**
     * Schedules the periodic rounds of an issued plan that are still to come: one per year of its life
     * from this year (a yearly rule with its day), one per fixed deadline, and a six-month round per
     * year when the rule gives its day. Rounds already there are kept. A plan whose rule gives no day
     * gets its yearly rounds from its consolidating body. The new ids.
     */
    public List<Long> schedulePeriodic(long planId, LocalDate today) {
        PlanDetails plan = plans.details(planId);
        if (plan.status() != PlanStatus.ISSUED) {
            return List.of();
        }
        PlanDetails.Reporting rule = plan.reporting();
        List<LocalDate> deadlines = new ArrayList<>();
        Optional<MonthDay> day = DayMonth.parse(rule.yearlyDeadline());
        if (rule.yearly() && day.isPresent()) {
            for (int year = today.getYear(); year <= endYear(plan); year++) {
                deadlines.add(day.get().atYear(year));
            }
        }
        deadlines.addAll(rule.fixedDeadlines());
        deadlines.removeIf(deadline -> deadline.isBefore(today) || store.hasYearly(planId, deadline.getYear()));
        List<LocalDate> halfYear = new ArrayList<>();
        DayMonth.parse(rule.halfYearDeadline()).ifPresent(half -> {
            for (int year = today.getYear(); year <= endYear(plan); year++) {
                halfYear.add(half.atYear(year));
            }
        });
        halfYear.removeIf(deadline -> deadline.isBefore(today)
                || store.has(planId, deadline.getYear(), RoundKind.HALF_YEAR.name()));
        if (deadlines.isEmpty() && halfYear.isEmpty()) {
            return List.of();
        }
        String consolidating = consolidatingOn(plan, today).body().code();
        List<Long> created = new ArrayList<>();
        for (LocalDate deadline : deadlines) {
            schedule(planId, RoundKind.YEARLY, deadline, consolidating, today).ifPresent(created::add);
        }
        for (LocalDate deadline : halfYear) {
            schedule(planId, RoundKind.HALF_YEAR, deadline, consolidating, today).ifPresent(created::add);
        }
        return created;
    }

    private Optional<Long> schedule(long planId, RoundKind kind, LocalDate deadline, String consolidating,
                                    LocalDate today) {
        LocalDate opens = deadline.minusDays(properties.openDaysBefore());
        int year = deadline.getYear();
        return store.insert(new RoundRow(0, planId, kind.name(), year, null, deadline, kind.periodFrom(year),
                kind.periodTo(year), opens.isBefore(today) ? today : opens, RoundStatus.SCHEDULED.name(),
                consolidating, null, null, null, "system", null, null, null));
    }

    /**
     * A round the consolidating body opens itself, at once: ad hoc (its own deadline, optionally some
     * bodies and tasks), or the yearly round of a plan whose rule gives no day. Its id.
     */
    public long create(long planId, AdhocRoundInput in, CurrentUser user, LocalDate today) {
        PlanDetails plan = plans.details(planId);
        Standing consolidating = consolidatingOn(plan, today);
        access.checkManages(consolidating.body().code(), user);
        List<InputProblem> problems = new ArrayList<>();
        RoundKind kind = "yearly".equals(in.kind()) ? RoundKind.YEARLY : "adhoc".equals(in.kind()) ? RoundKind.ADHOC : null;
        if (kind == null) {
            problems.add(InputProblem.of("kind", "round.kind", "kind must be adhoc or yearly"));
        }
        if (plan.status() != PlanStatus.ISSUED) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.ISSUED);
        }
        if (in.deadline() == null) {
            problems.add(InputProblem.of("deadline", "round.deadlineRequired", "the deadline is required"));
        } else if (in.deadline().isBefore(today)) {
            problems.add(InputProblem.of("deadline", "round.deadlinePast", "the deadline is in the past",
                    vn.ttdn.plan.PrintedDate.of(in.deadline())));
        }
        if (kind == RoundKind.YEARLY) {
            if (DayMonth.parse(plan.reporting().yearlyDeadline()).isPresent()) {
                problems.add(InputProblem.of("kind", "round.yearlyScheduled",
                        "the plan's yearly rounds open by themselves on its rule's day"));
            } else if (in.deadline() != null && store.hasYearly(planId, in.deadline().getYear())) {
                problems.add(InputProblem.of("deadline", "round.yearlyExists",
                        "the plan has its round of " + in.deadline().getYear() + " already", in.deadline().getYear()));
            }
        }
        Set<String> numbers = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.tasks().forEach(t -> numbers.add(t.number())));
        List<String> tasks = in.tasks() == null || in.tasks().isEmpty() ? null : List.copyOf(in.tasks());
        if (tasks != null) {
            for (int i = 0; i < tasks.size(); i++) {
                if (!numbers.contains(tasks.get(i))) {
                    problems.add(InputProblem.of("tasks[" + i + "]", "round.unknownTask",
                            "the plan has no task " + tasks.get(i), tasks.get(i)));
                }
            }
        }
        List<String> bodies = in.bodies() == null || in.bodies().isEmpty() ? null : List.copyOf(in.bodies());
        if (bodies != null && problems.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            askedBodies.of(plan, tasks, null, today).forEach(a -> {
                known.add(a.standing().body().code());
                known.addAll(a.stoodFor());
            });
            for (int i = 0; i < bodies.size(); i++) {
                if (!known.contains(bodies.get(i))) {
                    problems.add(InputProblem.of("bodies[" + i + "]", "round.unknownBody",
                            "no task asked names body " + bodies.get(i), bodies.get(i)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The round has problems", problems);
        }
        int year = in.deadline().getYear();
        return store.insert(new RoundRow(0, planId, kind.name(), year,
                        in.label() == null || in.label().isBlank() ? null : in.label().trim(), in.deadline(),
                        kind.periodFrom(year), kind.periodTo(year), today,
                        RoundStatus.SCHEDULED.name(), consolidating.body().code(), null, tasks, bodies,
                        user.username(), null, null, null))
                .orElseThrow(() -> new InvalidInputException(HttpStatus.CONFLICT, "Round exists",
                        List.of(InputProblem.of("deadline", "round.yearlyExists", "the plan has that round already",
                                year))));
    }

    /** When a round is due: its deadline and the day it opens. */
    @Transactional(readOnly = true)
    public RoundDates dates(long roundId) {
        RoundRow round = row(roundId);
        return new RoundDates(round.planId(), round.opensOn(), round.deadline(), round.consolidatingCode());
    }

    /** A round's dates and consolidating body, for the process that runs it. */
    public record RoundDates(long planId, LocalDate opensOn, LocalDate deadline, String consolidatingBody) {
    }

    /**
     * Opens a scheduled round: the consolidating body and the bodies asked as the directory stands
     * today, each with the tasks it reports on. The codes of the bodies asked, in order.
     */
    public List<String> open(long roundId, LocalDate today) {
        RoundRow round = store.lock(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
        if (!RoundStatus.SCHEDULED.name().equals(round.status())) {
            return store.bodies(roundId).stream().map(BodyRow::bodyCode).toList();
        }
        PlanDetails plan = plans.details(round.planId());
        Standing consolidating = consolidatingOn(plan, today);
        store.opened(roundId, consolidating.body().code(),
                consolidating.isReplacement() ? consolidating.replaces().code() : null);
        store.planVersion(roundId, plans.currentVersion(round.planId()));
        int position = 0;
        List<String> codes = new ArrayList<>();
        for (AskedBodies.Asked asked : askedBodies.of(plan, round.taskNumbers(), round.bodyCodes(), today)) {
            if (asked.standing().body().code().equals(consolidating.body().code())) {
                continue;
            }
            store.insertBody(new BodyRow(roundId, asked.standing().body().code(),
                    asked.standing().isReplacement() ? asked.standing().replaces().code() : null, asked.kind().name(),
                    position++, BodyState.PENDING.name(), false, 0, null, null, null, asked.tasks(), null));
            codes.add(asked.standing().body().code());
        }
        return codes;
    }

    /** The codes of the bodies a round asks, in order (the process calls one report per body). */
    @Transactional(readOnly = true)
    public List<String> bodyCodes(long roundId) {
        return store.bodies(roundId).stream().map(BodyRow::bodyCode).toList();
    }

    /**
     * The deadline passed: every body not in is late, the consolidating body's leaders are told, and
     * the round is ready to consolidate. Whether it became ready now (it was not before).
     */
    public boolean deadlinePassed(long roundId) {
        RoundRow round = store.lock(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
        List<String> late = store.markLate(roundId);
        if (!late.isEmpty()) {
            notices.late(round, late);
        }
        return store.move(roundId, RoundStatus.OPEN.name(), RoundStatus.READY.name(), "ready_at");
    }

    /** Makes the round ready when every assigned body is in; whether it became ready now. */
    public boolean readyIfAllAssignedIn(long roundId) {
        store.lock(roundId);
        return store.assignedNotIn(roundId) == 0
                && store.move(roundId, RoundStatus.OPEN.name(), RoundStatus.READY.name(), "ready_at");
    }

    /**
     * The consolidating body closes the round: what is not in counts as missing. Whether the round
     * was ready before (so the process has its consolidation waiting already).
     */
    public boolean close(long roundId, CurrentUser user) {
        RoundRow round = store.lock(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
        access.checkManages(round.consolidatingCode(), user);
        if (!RoundStatus.OPEN.name().equals(round.status()) && !RoundStatus.READY.name().equals(round.status())) {
            throw notIn(round, RoundStatus.OPEN);
        }
        store.markMissing(roundId);
        store.move(roundId, round.status(), RoundStatus.CLOSED.name(), "closed_at");
        store.closedBy(roundId, user.username());
        return RoundStatus.READY.name().equals(round.status());
    }

    /** Checks that the person may open the round now: an administrator or an officer of its consolidating body. */
    @Transactional(readOnly = true)
    public void checkOpensNow(long roundId, CurrentUser user) {
        RoundRow round = row(roundId);
        access.checkManages(round.consolidatingCode(), user);
        if (!RoundStatus.SCHEDULED.name().equals(round.status())) {
            throw notIn(round, RoundStatus.SCHEDULED);
        }
    }

    /**
     * Reminds the bodies not in yet (in-app and by e-mail), but those given a later deadline of their
     * own (the reminder names the round's); the codes reminded.
     */
    public List<String> remind(long roundId, int workingDaysLeft) {
        RoundRow round = row(roundId);
        if (!RoundStatus.OPEN.name().equals(round.status()) && !RoundStatus.READY.name().equals(round.status())) {
            return List.of();
        }
        List<String> pending = store.bodies(roundId).stream()
                .filter(b -> !BodyState.valueOf(b.state()).isIn() && !BodyState.MISSING.name().equals(b.state()))
                .filter(b -> b.deadline() == null || !b.deadline().isAfter(round.deadline()))
                .map(BodyRow::bodyCode).toList();
        if (!pending.isEmpty()) {
            notices.reminder(round, pending, workingDaysLeft);
        }
        return pending;
    }

    /**
     * A supervisor gives one body more time: its own deadline, later than the round's (its report
     * counts late only after that day, the round's lateness and reminders pass it by). The round must
     * be open or ready and the body's report not in. The body's deadline before.
     */
    public LocalDate extendBody(long roundId, String bodyCode, LocalDate until) {
        RoundRow round = store.lock(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
        if (!RoundStatus.OPEN.name().equals(round.status()) && !RoundStatus.READY.name().equals(round.status())) {
            throw notIn(round, RoundStatus.OPEN);
        }
        BodyRow body = store.lockBody(roundId, bodyCode)
                .orElseThrow(() -> new NotFoundException("Round " + roundId + " asks no body " + bodyCode));
        BodyState state = BodyState.valueOf(body.state());
        if (state.isIn() || state == BodyState.MISSING) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Report in", List.of(InputProblem.of("taskId",
                    "round.extendReportIn", "the body's report is " + state.code() + " already", state.code())));
        }
        LocalDate before = body.deadline() != null ? body.deadline() : round.deadline();
        if (until.isAfter(round.deadline())) {
            store.extendBody(roundId, bodyCode, until);
        }
        return before;
    }

    /**
     * A supervisor moves the round's deadline to a later day, for every body (the process moves its
     * timers). Only while the round is open: once the deadline passed or the round is ready, its
     * consolidation has begun. The deadline before.
     */
    public LocalDate extendDeadline(long roundId, LocalDate until) {
        RoundRow round = store.lock(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
        if (!RoundStatus.OPEN.name().equals(round.status())) {
            throw notIn(round, RoundStatus.OPEN);
        }
        if (!until.isAfter(round.deadline())) {
            throw new InvalidInputException("Not later", List.of(InputProblem.of("until", "round.extendNotLater",
                    "the new deadline must be after " + round.deadline(), vn.ttdn.plan.PrintedDate.of(round.deadline()))));
        }
        store.extendRound(roundId, until);
        return round.deadline();
    }

    /**
     * Whom the bodies of these rounds stand for, by "roundId/bodyCode", for lists that name many
     * rounds' bodies at once (the inbox): one query.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> replacedNames(java.util.Collection<Long> roundIds) {
        return store.replacedNames(roundIds);
    }

    @Transactional(readOnly = true)
    public RoundView view(long roundId, CurrentUser user) {
        RoundRow round = row(roundId);
        return access.view(round, store.bodies(roundId), user);
    }

    /** The rounds of a plan the person may read, in the order of their deadlines. */
    @Transactional(readOnly = true)
    public List<RoundView> ofPlan(long planId, CurrentUser user) {
        List<RoundView> views = new ArrayList<>();
        for (RoundRow round : store.ofPlan(planId)) {
            List<BodyRow> bodies = store.bodies(round.id());
            if (access.mayRead(round, bodies, user)) {
                views.add(access.view(round, bodies, user));
            }
        }
        return views;
    }

    /** Whom a plan's reports go to on a day: its receiver, or the successor standing for it. */
    @Transactional(readOnly = true)
    public Standing consolidatingOn(PlanDetails plan, LocalDate day) {
        String receiver = plan.reporting().receiver() != null ? plan.reporting().receiver().code()
                : plan.consolidatingBody().code();
        return directory.standingOn(receiver, day).orElseThrow(() -> new InvalidInputException(HttpStatus.CONFLICT,
                "No consolidating body", List.of(InputProblem.of("consolidatingBody", "round.noConsolidatingBody",
                        "body " + receiver + " has ended with no successor", receiver))));
    }

    /**
     * The last year a plan's periodic rounds ask about: the last year its tasks name when every task
     * with a timeline is bounded (a one-year plan, 2027, reports on 2027 only); to 2030 at least when
     * a task runs every year or continuously, or when no task names a year.
     */
    static int endYear(PlanDetails plan) {
        int end = 0;
        boolean open = false;
        for (PlanDetails.Group g : plan.groups()) {
            for (PlanDetails.Task t : g.tasks()) {
                Optional<Timeline> timeline = t.readTimeline();
                open |= timeline.filter(x -> x.kind() == Timeline.Kind.YEARLY || x.kind() == Timeline.Kind.ONGOING)
                        .isPresent();
                end = Math.max(end, timeline.map(Timeline::toYear).orElse(0));
            }
        }
        return end == 0 ? DEFAULT_END_YEAR : open ? Math.max(end, DEFAULT_END_YEAR) : end;
    }

    private RoundRow row(long roundId) {
        return store.round(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
    }

    static InvalidInputException notIn(RoundRow round, RoundStatus expected) {
        return new InvalidInputException(HttpStatus.CONFLICT, "Round is not " + expected, List.of(InputProblem.of(
                "status", "round.wrongStatus", "the round is " + round.status() + ", not " + expected,
                round.status(), expected.name())));
    }

    /** Instants are the engine's (its clock may be set in tests); days are Việt Nam's. */
    static LocalDate day(Instant now) {
        return now.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
    }
}
