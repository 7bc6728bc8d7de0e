package vn.ttdn.amendment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.amendment.internal.AmendmentStore;
import vn.ttdn.amendment.internal.AmendmentStore.AmendmentRow;
import vn.ttdn.amendment.internal.AmendmentStore.ProposalRow;
import vn.ttdn.approval.Decision;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.Registers;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.ChangeInput;
import vn.ttdn.plan.ChangeKind;
import vn.ttdn.plan.PlanAmending;
import vn.ttdn.plan.PlanChange;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.plan.PlanVersion;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * The life of an amendment, as the process {@code plan-amendment} reaches each step: bodies propose
 * changes to an issued plan's tasks; an officer of the consolidating body (as it stands today) starts
 * an amendment with some of them and prepares its Tờ trình; its director signs or returns it; a leader
 * of the issuing body approves or rejects each change; the approved ones make the plan's next version
 * under the next number of the issuer's register (a Quyết định, {@code QĐ}), and the bodies concerned
 * are told. Segregation of duties as in the approval chain: whoever started or prepared the Tờ trình
 * does not sign or decide it, whoever signed it does not decide it.
 */
@Service
@Transactional
public class Amendments {

    /** The type of the document that decides an amendment in the issuer's register: Quyết định. */
    public static final String DECISION_DOCUMENT = "QĐ";

    private final AmendmentStore store;
    private final PlanLifecycle plans;
    private final PlanAmending amending;
    private final DirectoryService directory;
    private final Registers registers;
    private final AmendmentNotices notices;

    Amendments(AmendmentStore store, PlanLifecycle plans, PlanAmending amending, DirectoryService directory,
               Registers registers, AmendmentNotices notices) {
        this.store = store;
        this.plans = plans;
        this.amending = amending;
        this.directory = directory;
        this.registers = registers;
        this.notices = notices;
    }

    /**
     * A body proposes a change to an issued plan's task. An officer or leader of a body the plan's
     * tasks name (or of one standing for it today), or of the consolidating body, may propose; on a
     * task, only its lead and cooperating bodies and the consolidating body. 403 otherwise; 400 with
     * every problem of the change, and nothing written.
     */
    public ProposalView propose(long planId, ProposalInput in, CurrentUser user, LocalDate today, Instant now) {
        PlanDetails plan = plans.details(planId);
        if (plan.status() != PlanStatus.ISSUED) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.ISSUED);
        }
        if (!user.hasAnyRole(Role.OFFICER, Role.LEADER)) {
            throw ForbiddenException.of("amendment.notProposer",
                    "only the officers and leaders of the bodies a plan names propose changes to it");
        }
        String body = user.bodyCode();
        boolean consolidating = body.equals(consolidatingOn(plan, today).body().code());
        if (!consolidating && !standsFor(body, allTaskBodies(plan), today)) {
            throw ForbiddenException.of("amendment.notNamed", "the plan names no task of body " + body, body);
        }
        ChangeKind kind = kind(in.kind());
        ChangeInput change = new ChangeInput(kind, kind == ChangeKind.ADD ? null : in.taskNumber(),
                kind == ChangeKind.ADD ? in.groupNumber() : null, in.content(), in.timeline(), in.timelineText(),
                in.lead(), in.cooperating(), in.reason(), null, body);
        if (kind != null && kind != ChangeKind.ADD && !consolidating) {
            findTask(plan, change.taskNumber()).ifPresent(task -> {
                Set<String> named = new HashSet<>();
                task.lead().forEach(b -> named.add(b.code()));
                task.cooperating().forEach(b -> named.add(b.code()));
                if (!standsFor(body, named, today)) {
                    throw ForbiddenException.of("amendment.notYourTask",
                            "task " + task.number() + " names neither body " + body + " nor a body it stands for",
                            task.number());
                }
            });
        }
        List<InputProblem> problems = amending.problems(planId, change);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The proposed change has problems", problems);
        }
        // only what the kind uses is kept
        boolean words = kind == ChangeKind.ADD || kind == ChangeKind.CHANGE;
        boolean bodies = kind == ChangeKind.ADD || kind == ChangeKind.REASSIGN;
        long id = store.insertProposal(new ProposalRow(0, planId, body, kind.name(), change.taskNumber(),
                change.groupNumber(), words ? change.content() : null, words ? change.timeline() : null,
                words ? change.timelineText() : null, bodies ? change.lead() : List.of(),
                bodies ? change.cooperating() : List.of(), change.reason(), user.username(), now,
                ProposalState.PROPOSED.name(), null, null, null));
        return views(List.of(store.proposal(id).orElseThrow())).get(0);
    }

    /** Every change proposed to the plan, oldest first. */
    @Transactional(readOnly = true)
    public List<ProposalView> proposals(long planId) {
        return views(store.proposalsOfPlan(planId));
    }

    /**
     * An officer of the consolidating body starts an amendment with some of the proposals waiting;
     * the first step, its Tờ trình, is theirs. One amendment runs per plan at a time (409).
     */
    public AmendmentRoute start(long planId, List<Long> proposalIds, CurrentUser user, LocalDate today, Instant now) {
        plans.lock(planId);
        PlanDetails plan = plans.details(planId);
        if (plan.status() != PlanStatus.ISSUED) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.ISSUED);
        }
        Standing consolidating = consolidatingOn(plan, today);
        checkConsolidatingOfficer(consolidating.body().code(), user);
        if (store.hasOpen(planId)) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "An amendment is running", List.of(InputProblem.of(
                    "", "amendment.running", "an amendment of plan " + plan.code() + " is in progress already",
                    plan.code())));
        }
        List<ProposalRow> chosen = chosen(planId, proposalIds);
        String issuing = directory.standingOn(plan.issuer().code(), today).map(s -> s.body().code())
                .orElse(plan.issuer().code());
        long id = store.insertAmendment(planId, consolidating.body().code(), issuing, user.username(), now);
        store.include(id, chosen.stream().map(ProposalRow::id).toList());
        record(id, AmendmentStep.START, "STARTED", user, null, now);
        return new AmendmentRoute(id, planId, plan.code(), user.username(), consolidating.body().code(), issuing);
    }

    /**
     * The officer submits the Tờ trình with the proposals it keeps (at least one; those left out wait
     * for a later amendment).
     */
    public void submit(long amendmentId, String number, LocalDate dated, String summary, List<Long> keep,
                       CurrentUser user, Instant now) {
        AmendmentRow amendment = locked(amendmentId, AmendmentState.DRAFTING);
        List<InputProblem> problems = new ArrayList<>();
        if (number == null || number.isBlank()) {
            problems.add(InputProblem.of("number", "approval.required", "required"));
        }
        if (dated == null) {
            problems.add(InputProblem.of("dated", "approval.required", "required"));
        }
        if (summary == null || summary.isBlank()) {
            problems.add(InputProblem.of("summary", "approval.required", "required"));
        }
        List<ProposalRow> included = store.proposalsOf(amendmentId);
        Set<Long> kept = keep == null ? Set.of() : new HashSet<>(keep);
        if (included.stream().noneMatch(p -> kept.contains(p.id()))) {
            problems.add(InputProblem.of("proposalIds", "amendment.noProposals",
                    "an amendment carries at least one proposed change"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The Tờ trình has problems", problems);
        }
        included.stream().filter(p -> !kept.contains(p.id())).forEach(p -> store.release(p.id()));
        store.submission(amendment.id(), number.trim(), dated, summary.trim());
        record(amendmentId, AmendmentStep.SUBMIT, "SUBMITTED", user, null, now);
    }

    /** The consolidating body's director signs the Tờ trình (it goes to the issuing body) or returns it. */
    public void directorDecision(long amendmentId, Decision decision, String reason, CurrentUser user, Instant now) {
        locked(amendmentId, AmendmentState.DRAFTING);
        refuse(AmendmentStep.DIRECTOR, amendmentId, user);
        if (decision == null) {
            throw invalid(InputProblem.of("decision", "approval.decisionRequired", "approve or return"));
        }
        if (decision == Decision.RETURN && (reason == null || reason.isBlank())) {
            throw invalid(InputProblem.of("reason", "approval.reasonRequired", "a reason is required when returning"));
        }
        if (decision == Decision.APPROVE) {
            store.move(amendmentId, AmendmentState.DRAFTING.name(), AmendmentState.SIGNED.name());
        }
        record(amendmentId, AmendmentStep.DIRECTOR, decision == Decision.APPROVE ? "APPROVED" : "RETURNED", user,
                reason == null || reason.isBlank() ? null : reason.trim(), now);
    }

    /**
     * A leader of the issuing body decides each proposal of the amendment, one decision for each,
     * a rejection with its reason. Whether any was approved (the plan gets a new version).
     */
    public boolean issuerDecisions(long amendmentId, List<ProposalDecision> decisions, CurrentUser user, Instant now) {
        locked(amendmentId, AmendmentState.SIGNED);
        refuse(AmendmentStep.DECISION, amendmentId, user);
        List<ProposalRow> included = store.proposalsOf(amendmentId);
        Map<Long, ProposalDecision> byId = new HashMap<>();
        decisions.forEach(d -> byId.put(d.proposalId(), d));
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < included.size(); i++) {
            ProposalDecision d = byId.get(included.get(i).id());
            if (d == null) {
                problems.add(InputProblem.of("decisions[" + i + "].verdict", "amendment.decisionRequired",
                        "approve or reject proposal " + included.get(i).id(), included.get(i).id()));
            } else if (!d.approved() && (d.reason() == null || d.reason().isBlank())) {
                problems.add(InputProblem.of("decisions[" + i + "].verdictReason", "amendment.rejectReason",
                        "a rejected proposal needs its reason", included.get(i).id()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The decision has problems", problems);
        }
        for (ProposalRow p : included) {
            ProposalDecision d = byId.get(p.id());
            store.decide(p.id(), d.approved() ? ProposalState.APPROVED.name() : ProposalState.REJECTED.name(),
                    d.reason() == null || d.reason().isBlank() ? null : d.reason().trim());
        }
        store.decided(amendmentId, user.username(), now);
        long approved = decisions.stream().filter(ProposalDecision::approved).count();
        record(amendmentId, AmendmentStep.DECISION, "DECIDED", user,
                approved + "/" + included.size(), now);
        return approved > 0;
    }

    /**
     * Applies the approved changes as the plan's next version, numbered by the next Quyết định of the
     * issuing body's register on the day of the decision; with none approved the plan stays as it is
     * and no number is taken. The version made, if any.
     */
    public Optional<PlanVersion> apply(long amendmentId, LocalDate today, Instant now) {
        AmendmentRow amendment = locked(amendmentId, AmendmentState.SIGNED);
        List<ProposalRow> approved = store.proposalsOf(amendmentId).stream()
                .filter(p -> ProposalState.APPROVED.name().equals(p.state())).toList();
        if (approved.isEmpty()) {
            store.outcome(amendmentId, AmendmentState.REJECTED.name(), null, null, today);
            store.record(amendmentId, AmendmentStep.APPLY.name(), "REJECTED", null, null, null, now);
            return Optional.empty();
        }
        RegisterEntry number = registers.take(amendment.issuingCode(), DECISION_DOCUMENT, today,
                amendment.planId(), amendment.decidedBy());
        PlanVersion version = amending.apply(amendment.planId(), approved.stream().map(Amendments::change).toList(),
                number.reference(), today, amendmentId, amendment.decidedBy());
        for (PlanChange change : version.changes()) {
            if (change.proposalId() != null) {
                store.applied(change.proposalId(), change.taskNumber());
            }
        }
        store.outcome(amendmentId, AmendmentState.APPLIED.name(), version.version(), number.reference(), today);
        store.record(amendmentId, AmendmentStep.APPLY.name(), "APPLIED", null, null,
                number.reference() + " (v" + version.version() + ")", now);
        return Optional.of(version);
    }

    /**
     * Tells the bodies concerned what became of the amendment: the consolidating body, the proposers,
     * the bodies the changes name before and after, each as it stands today (successors in place of
     * ended bodies, collectives by their members).
     */
    public Set<String> notifyBodies(long amendmentId, LocalDate today) {
        AmendmentView view = amendment(amendmentId);
        PlanDetails plan = plans.details(view.planId());
        Set<String> bodies = new LinkedHashSet<>();
        bodies.add(view.consolidatingBody().code());
        view.proposals().forEach(p -> bodies.add(p.body().code()));
        if (view.planVersion() != null) {
            for (PlanChange change : amending.version(view.planId(), view.planVersion()).changes()) {
                for (PlanChange.TaskState state : java.util.Arrays.asList(change.before(), change.after())) {
                    if (state != null) {
                        state.lead().forEach(b -> bodies.add(b.code()));
                        state.cooperating().forEach(b -> bodies.add(b.code()));
                    }
                }
            }
        }
        Set<String> standing = new LinkedHashSet<>();
        directory.standingOn(bodies, today).forEach(st -> standing.add(st.body().code()));
        return notices.decided(plan, view, standing);
    }

    /**
     * Why this person may not take this step of the amendment, if they may not: whoever started it
     * or submitted its Tờ trình does not sign or decide it; whoever signed it does not decide it.
     */
    @Transactional(readOnly = true)
    public Optional<String> refusal(AmendmentStep step, long amendmentId, String username) {
        if (step != AmendmentStep.DIRECTOR && step != AmendmentStep.DECISION) {
            return Optional.empty();
        }
        if (store.actors(amendmentId, List.of(AmendmentStep.START.name(), AmendmentStep.SUBMIT.name()), List.of())
                .contains(username)) {
            return Optional.of("amendment.ownDraft");
        }
        if (step == AmendmentStep.DECISION && store.actors(amendmentId, List.of(AmendmentStep.DIRECTOR.name()),
                List.of("APPROVED")).contains(username)) {
            return Optional.of("amendment.ownSignature");
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public AmendmentView amendment(long amendmentId) {
        return view(store.amendment(amendmentId)
                .orElseThrow(() -> new NotFoundException("No amendment " + amendmentId)));
    }

    /** The plan's amendments, oldest first. */
    @Transactional(readOnly = true)
    public List<AmendmentView> ofPlan(long planId) {
        return store.amendmentsOf(planId).stream().map(this::view).toList();
    }

    /** Whom the plan's amendments go through today: its report receiver, or the successor standing for it. */
    @Transactional(readOnly = true)
    public Standing consolidatingOn(PlanDetails plan, LocalDate day) {
        String receiver = plan.reporting() != null && plan.reporting().receiver() != null
                ? plan.reporting().receiver().code() : plan.consolidatingBody().code();
        return directory.standingOn(receiver, day).orElseThrow(() -> new InvalidInputException(HttpStatus.CONFLICT,
                "No consolidating body", List.of(InputProblem.of("consolidatingBody", "round.noConsolidatingBody",
                        "body " + receiver + " has ended with no successor", receiver))));
    }

    /** Whether the person may propose changes to the plan today (an officer or leader of a body it names). */
    @Transactional(readOnly = true)
    public boolean mayPropose(PlanDetails plan, CurrentUser user, LocalDate today) {
        if (plan.status() != PlanStatus.ISSUED || !user.hasAnyRole(Role.OFFICER, Role.LEADER)) {
            return false;
        }
        return user.bodyCode().equals(consolidatingOn(plan, today).body().code())
                || standsFor(user.bodyCode(), allTaskBodies(plan), today);
    }

    /** Whether the person may start an amendment of the plan today (an officer of its consolidating body). */
    @Transactional(readOnly = true)
    public boolean mayStart(PlanDetails plan, CurrentUser user, LocalDate today) {
        return plan.status() == PlanStatus.ISSUED && user.hasRole(Role.OFFICER)
                && user.bodyCode().equals(consolidatingOn(plan, today).body().code());
    }

    private void checkConsolidatingOfficer(String consolidating, CurrentUser user) {
        if (!user.hasRole(Role.OFFICER) || !consolidating.equals(user.bodyCode())) {
            throw ForbiddenException.of("amendment.notConsolidating",
                    "only the officers of the consolidating body (" + consolidating + ") start an amendment",
                    consolidating);
        }
    }

    /** The proposals chosen for an amendment: waiting ones of the plan, still fitting it, not at odds. */
    private List<ProposalRow> chosen(long planId, List<Long> proposalIds) {
        if (proposalIds == null || proposalIds.isEmpty()) {
            throw invalid(InputProblem.of("proposalIds", "amendment.noProposals",
                    "an amendment carries at least one proposed change"));
        }
        List<InputProblem> problems = new ArrayList<>();
        List<ProposalRow> chosen = new ArrayList<>();
        Map<String, String> dropped = new HashMap<>();
        Map<String, Integer> touched = new HashMap<>();
        for (int i = 0; i < proposalIds.size(); i++) {
            Long id = proposalIds.get(i);
            String path = "proposalIds[" + i + "]";
            Optional<ProposalRow> found = id == null ? Optional.empty() : store.proposal(id);
            if (found.isEmpty() || found.get().planId() != planId
                    || !ProposalState.PROPOSED.name().equals(found.get().state())
                    || chosen.stream().anyMatch(c -> c.id() == id)) {
                problems.add(InputProblem.of(path, "amendment.notWaiting",
                        "proposal " + id + " is not a proposal of this plan waiting for an amendment", id));
                continue;
            }
            ProposalRow p = found.get();
            if (!amending.problems(planId, change(p)).isEmpty()) {
                problems.add(InputProblem.of(path, "amendment.stale",
                        "proposal " + id + " no longer fits the plan as it stands (task " + p.taskNumber() + ")",
                        id, String.valueOf(p.taskNumber())));
                continue;
            }
            if (p.taskNumber() != null) {
                if (dropped.containsKey(p.taskNumber())
                        || touched.containsKey(p.taskNumber()) && ChangeKind.DROP.name().equals(p.kind())) {
                    problems.add(InputProblem.of(path, "amendment.conflicting",
                            "proposal " + id + " changes task " + p.taskNumber() + ", which another chosen proposal drops",
                            id, p.taskNumber()));
                    continue;
                }
                touched.merge(p.taskNumber(), 1, Integer::sum);
                if (ChangeKind.DROP.name().equals(p.kind())) {
                    dropped.put(p.taskNumber(), p.kind());
                }
            }
            chosen.add(p);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The proposals chosen have problems", problems);
        }
        return chosen;
    }

    private static ChangeInput change(ProposalRow p) {
        return new ChangeInput(ChangeKind.valueOf(p.kind()), p.taskNumber(), p.groupNumber(), p.content(),
                p.timeline(), p.timelineText(), p.lead(), p.cooperating(), p.reason(), p.id(), p.bodyCode());
    }

    private static ChangeKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ChangeKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AmendmentRow locked(long amendmentId, AmendmentState expected) {
        AmendmentRow row = store.lock(amendmentId)
                .orElseThrow(() -> new NotFoundException("No amendment " + amendmentId));
        if (!expected.name().equals(row.state())) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Amendment is not " + expected, List.of(
                    InputProblem.of("state", "amendment.wrongState", "the amendment is " + row.state() + ", not "
                            + expected, row.state(), expected.name())));
        }
        return row;
    }

    private void refuse(AmendmentStep step, long amendmentId, CurrentUser user) {
        refusal(step, amendmentId, user.username()).ifPresent(code -> {
            throw ForbiddenException.of(code, "you started, prepared or signed this amendment, so you may not "
                    + "approve it");
        });
    }

    private void record(long amendmentId, AmendmentStep step, String outcome, CurrentUser user, String note,
                        Instant now) {
        String name = directory.person(user.username()).map(PersonView::fullName).orElse(user.username());
        store.record(amendmentId, step.name(), outcome, user.username(), name, note, now);
    }

    /** Whether the body is, or stands today for, one of these (collectives by their members). */
    private boolean standsFor(String body, Set<String> named, LocalDate today) {
        if (named.contains(body)) {
            return true;
        }
        return directory.standingEach(named, today).values().stream()
                .anyMatch(list -> list.stream().anyMatch(s -> s.body().code().equals(body)));
    }

    private static Set<String> allTaskBodies(PlanDetails plan) {
        Set<String> named = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.tasks().forEach(t -> {
            t.lead().forEach(b -> named.add(b.code()));
            t.cooperating().forEach(b -> named.add(b.code()));
        }));
        return named;
    }

    private static Optional<PlanDetails.Task> findTask(PlanDetails plan, String number) {
        return plan.groups().stream().flatMap(g -> g.tasks().stream()).filter(t -> t.number().equals(number))
                .findFirst();
    }

    private AmendmentView view(AmendmentRow row) {
        Map<String, BodyView> bodies = directory.bodies(List.of(row.consolidatingCode(), row.issuingCode()));
        return new AmendmentView(row.id(), row.planId(), ref(bodies, row.consolidatingCode()),
                ref(bodies, row.issuingCode()), AmendmentState.valueOf(row.state()), row.submissionNumber(),
                row.submissionDate(), row.summary(), row.planVersion(), row.reference(), row.decidedOn(),
                row.startedBy(), row.startedAt(), row.decidedBy(), row.decidedAt(),
                views(store.proposalsOf(row.id())),
                store.steps(row.id()).stream().map(s -> new AmendmentView.StepView(AmendmentStep.valueOf(s.step()),
                        s.outcome(), s.actor(), s.actorName(), s.note(), s.takenAt())).toList());
    }

    private List<ProposalView> views(List<ProposalRow> rows) {
        Set<String> codes = new HashSet<>();
        Set<String> people = new HashSet<>();
        rows.forEach(p -> {
            codes.add(p.bodyCode());
            codes.addAll(p.lead());
            codes.addAll(p.cooperating());
            people.add(p.proposedBy());
        });
        Map<String, BodyView> bodies = directory.bodies(codes);
        Map<String, String> names = new HashMap<>();
        directory.people(people).forEach(p -> names.put(p.username(), p.fullName()));
        return rows.stream().map(p -> new ProposalView(p.id(), p.planId(), ref(bodies, p.bodyCode()),
                ChangeKind.valueOf(p.kind()), p.taskNumber(), p.groupNumber(), p.content(), p.timeline(),
                p.timelineText(), p.lead().stream().map(c -> ref(bodies, c)).toList(),
                p.cooperating().stream().map(c -> ref(bodies, c)).toList(), p.reason(), p.proposedBy(),
                names.getOrDefault(p.proposedBy(), p.proposedBy()), p.proposedAt(), ProposalState.valueOf(p.state()),
                p.amendmentId(), p.decisionReason(), p.appliedNumber())).toList();
    }

    private static BodyRef ref(Map<String, BodyView> bodies, String code) {
        BodyView body = bodies.get(code);
        return body == null ? new BodyRef(code, code) : body.ref();
    }

    private static InvalidInputException invalid(InputProblem problem) {
        return new InvalidInputException("Invalid amendment step", List.of(problem));
    }
}
