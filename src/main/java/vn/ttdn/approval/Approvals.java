package vn.ttdn.approval;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.internal.Journal;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanRef;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a plan's approval, as the process reaches them: each checks who may take it,
 * records it in the journal and moves the plan. The engine decides the order; this class decides
 * what each step means. Segregation of duties: no one approves a Tờ trình they drafted or signed,
 * in any version.
 */
@Service
@Transactional
public class Approvals {

    /** The document type of a plan in the registers when it names none ("KH" = Kế hoạch; a Chương trình is "CTr"). */
    public static final String PLAN = "KH";
    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    private final PlanLifecycle plans;
    private final Journal journal;
    private final DirectoryService directory;
    private final Registers registers;
    private final Attachments attachments;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    Approvals(PlanLifecycle plans, Journal journal, DirectoryService directory, Registers registers,
              Attachments attachments, Notifications notifications, ApplicationEventPublisher events) {
        this.plans = plans;
        this.journal = journal;
        this.directory = directory;
        this.registers = registers;
        this.attachments = attachments;
        this.notifications = notifications;
        this.events = events;
    }

    /** Starts the chain on a draft plan; only an officer of its consolidating body may. */
    public ApprovalRoute start(long planId, CurrentUser user) {
        PlanRef plan = plans.ref(planId);
        if (!user.hasRole(Role.OFFICER) || !directory.actsFor(user.bodyCode(), plan.consolidatingCode(), today())) {
            throw new AccessDeniedException("Only officers of the consolidating body submit its plans");
        }
        if (plan.status() != PlanStatus.DRAFT) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.DRAFT);
        }
        journal.record(planId, journal.latestVersion(planId), Step.START, Outcome.STARTED, person(user), null);
        return route(plan, user.username());
    }

    /** The officer submits the Tờ trình (a new version) with the plan as it stands. */
    public int submit(long planId, SubmissionInput in, CurrentUser user) {
        PlanRef plan = plans.ref(planId);
        List<InputProblem> problems = check(in, false);
        Set<String> consultable = new HashSet<>(consultable(plan));
        for (int i = 0; i < in.consultBodies().size(); i++) {
            if (!consultable.contains(in.consultBodies().get(i))) {
                problems.add(InputProblem.of("consultBodies[" + i + "]", "approval.notConsultable",
                        "body " + in.consultBodies().get(i) + " may not be consulted on this plan", in.consultBodies().get(i)));
            }
        }
        reject(problems);
        int version = journal.addSubmission(planId, in, plans.snapshot(planId), user.username());
        journal.record(planId, version, Step.DRAFT, Outcome.SUBMITTED, person(user), null);
        if (in.consultBodies().isEmpty()) {
            plans.move(planId, PlanStatus.DRAFT, PlanStatus.IN_APPROVAL);
        }
        return version;
    }

    /** The bodies one may consult on a plan: those its tasks name, but for the consolidating body. */
    public List<String> consultable(PlanRef plan) {
        Set<String> bodies = directory.expandCollectives(plan.taskBodies());
        bodies.remove(plan.consolidatingCode());
        return List.copyOf(bodies);
    }

    public void openConsultation(long planId, int version, List<String> bodies, LocalDate dueOn) {
        journal.openConsultation(planId, version, bodies, dueOn);
    }

    public List<String> consulted(long planId, int version) {
        return journal.consulted(planId, version);
    }

    /** A consulted body answers: it agrees, or comments. */
    public void comment(long planId, int version, String body, boolean agrees, String comment, CurrentUser user) {
        if (!directory.actsFor(user.bodyCode(), body, today())) {
            throw new AccessDeniedException("Only the consulted body answers for itself");
        }
        if (!agrees && (comment == null || comment.isBlank())) {
            reject(List.of(InputProblem.of("comment", "approval.commentRequired", "a comment is required")));
        }
        Outcome outcome = agrees ? Outcome.AGREED : Outcome.COMMENTED;
        if (!journal.answer(planId, version, body, outcome, comment, user.username())) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Already answered", List.of(InputProblem.of(
                    "body", "approval.alreadyAnswered", "body " + body + " has answered already", body)));
        }
        journal.record(planId, version, Step.CONSULT, outcome, person(user), comment);
    }

    /** The consultation's due date passed: bodies that did not answer count as "no comment". */
    public List<String> closeConsultation(long planId, int version) {
        return journal.closeConsultation(planId, version);
    }

    /** After the consultation, the officer submits the revised Tờ trình (a new version) for signing. */
    public int revise(long planId, SubmissionInput in, CurrentUser user) {
        reject(check(in, true));
        int version = journal.addSubmission(planId, in, plans.snapshot(planId), user.username());
        journal.record(planId, version, Step.REVISE, Outcome.SUBMITTED, person(user), in.explanation());
        plans.move(planId, PlanStatus.DRAFT, PlanStatus.IN_APPROVAL);
        return version;
    }

    /** The director signs the Tờ trình off (approve) or returns it to the drafter. */
    public void directorDecision(long planId, Decision decision, String reason, CurrentUser user) {
        decide(planId, Step.DIRECTOR, decision, reason, user);
        if (decision == Decision.RETURN) {
            plans.move(planId, PlanStatus.IN_APPROVAL, PlanStatus.DRAFT);
        }
    }

    /** The issuing body's office writes its review opinion (thẩm tra). */
    public void officeReview(long planId, String opinion, CurrentUser user) {
        if (opinion == null || opinion.isBlank()) {
            reject(List.of(InputProblem.of("reviewOpinion", "approval.opinionRequired", "a review opinion is required")));
        }
        journal.record(planId, journal.latestVersion(planId), Step.OFFICE_REVIEW, Outcome.REVIEWED, person(user),
                opinion.trim());
    }

    /** A leader of the issuing body approves the plan, or returns it to the drafter. */
    public void issuerDecision(long planId, Decision decision, String reason, CurrentUser user) {
        decide(planId, Step.DECISION, decision, reason, user);
        plans.move(planId, PlanStatus.IN_APPROVAL, decision == Decision.APPROVE ? PlanStatus.APPROVED : PlanStatus.DRAFT);
    }

    /**
     * The clerk issues the approved plan: the next number of the issuing body's register, taken in
     * this transaction, the signer block of the leader who approved, the notices to the recipients.
     */
    public RegisterEntry issue(long planId, LocalDate issuedOn, CurrentUser user) {
        PlanRef plan = plans.ref(planId);
        if (issuedOn == null) {
            reject(List.of(InputProblem.of("issueDate", "approval.issueDateRequired", "the issue date is required")));
        }
        StepRecord approval = journal.lastApproval(planId, Step.DECISION);
        if (plan.status() != PlanStatus.APPROVED || approval == null) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.APPROVED);
        }
        RegisterEntry number = registers.take(plan.issuerCode(), plan.documentType() == null ? PLAN : plan.documentType(),
                issuedOn, planId, user.username());
        BodyView issuer = body(plan.issuerCode());
        plans.issue(planId, signerBlock(number.reference(), issuedOn, issuer, approval));
        journal.record(planId, journal.latestVersion(planId), Step.ISSUE, Outcome.ISSUED, person(user),
                number.reference());
        notifications.notify(plan.recipientBodies(), planId, "Đã ban hành " + plan.type().word() + " số "
                + number.reference() + ": " + plan.title());
        events.publishEvent(new PlanIssued(planId, plan.code(), plan.title(), number.reference(), issuedOn,
                plan.recipientBodies(), plan.type().word()));
        return number;
    }

    /**
     * Why this person may not take this step on this plan, if they may not: the drafter of any
     * version does not sign or approve it; the director who signed it does not approve it again.
     */
    @Transactional(readOnly = true)
    public Optional<String> refusal(Step step, long planId, String username) {
        if (step != Step.DIRECTOR && step != Step.DECISION) {
            return Optional.empty();
        }
        if (journal.actors(planId, List.of(Step.START, Step.DRAFT, Step.REVISE),
                List.of(Outcome.STARTED, Outcome.SUBMITTED)).contains(username)) {
            return Optional.of("approval.ownDraft");
        }
        if (step == Step.DECISION && journal.actors(planId, List.of(Step.DIRECTOR), List.of(Outcome.APPROVED))
                .contains(username)) {
            return Optional.of("approval.ownSignature");
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public ApprovalRecord record(long planId) {
        return new ApprovalRecord(journal.submissions(planId), journal.steps(planId), journal.consultations(planId),
                attachments.list(planId), registers.entriesOfPlan(planId));
    }

    /** The Tờ trình as last submitted, if it was. */
    @Transactional(readOnly = true)
    public Optional<SubmissionView> latestSubmission(long planId) {
        List<SubmissionView> all = journal.submissions(planId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Transactional(readOnly = true)
    public String planSnapshot(long planId, int version) {
        return journal.planSnapshot(planId, version);
    }

    @Transactional(readOnly = true)
    public int latestVersion(long planId) {
        return journal.latestVersion(planId);
    }

    private void decide(long planId, Step step, Decision decision, String reason, CurrentUser user) {
        refusal(step, planId, user.username()).ifPresent(code -> {
            throw new AccessDeniedException(code);
        });
        if (decision == null) {
            reject(List.of(InputProblem.of("decision", "approval.decisionRequired", "approve or return")));
        }
        if (decision == Decision.RETURN && (reason == null || reason.isBlank())) {
            reject(List.of(InputProblem.of("reason", "approval.reasonRequired", "a reason is required when returning")));
        }
        journal.record(planId, journal.latestVersion(planId), step,
                decision == Decision.APPROVE ? Outcome.APPROVED : Outcome.RETURNED, person(user),
                reason == null || reason.isBlank() ? null : reason.trim());
    }

    /**
     * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a Vice-Chairman signs for the Chairman, "TM. ỦY BAN NHÂN DÂN /
     * CHỦ TỊCH" when the Chairman signs; for a Party committee "T/M BAN THƯỜNG VỤ" over the title; for the
     * Government "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG" or "TM. CHÍNH PHỦ / THỦ TƯỚNG"; for a ministry, whose head
     * signs alone, "KT. BỘ TRƯỞNG / THỨ TRƯỞNG" or "BỘ TRƯỞNG" (Decree 30/2020, Appendix I).
     */
    static PlanDetails.Issued signerBlock(String reference, LocalDate issuedOn, BodyView issuer, StepRecord approval) {
        String title = approval.actorTitle() == null ? "" : approval.actorTitle();
        boolean deputy = title.startsWith("Phó");
        String authority;
        String position;
        if (issuer.kind().isParty()) {
            authority = "T/M BAN THƯỜNG VỤ";
            position = deputy ? "PHÓ BÍ THƯ" : "BÍ THƯ";
        } else if (issuer.kind() == BodyKind.PEOPLES_COMMITTEE) {
            authority = deputy ? "KT. CHỦ TỊCH" : "TM. ỦY BAN NHÂN DÂN";
            position = deputy ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH";
        } else if (issuer.kind() == BodyKind.GOVERNMENT && issuer.parent() == null) {
            authority = deputy ? "KT. THỦ TƯỚNG" : "TM. CHÍNH PHỦ";
            position = deputy ? "PHÓ THỦ TƯỚNG" : "THỦ TƯỚNG";
        } else if (issuer.kind() == BodyKind.GOVERNMENT && !title.isBlank()) {
            // a ministry or its Cục, under its head alone: "BỘ TRƯỞNG", or "KT. BỘ TRƯỞNG" over "THỨ TRƯỞNG"
            String tail = " " + issuer.name();
            String own = title.toLowerCase(VI).endsWith(tail.toLowerCase(VI))
                    ? title.substring(0, title.length() - tail.length()).strip() : title.strip();
            String head = headOf(own);
            authority = head.equals(own) ? null : "KT. " + upper(head);
            position = upper(own);
        } else {
            authority = deputy ? "KT. THỦ TRƯỞNG" : "THỦ TRƯỞNG";
            position = upper(title);
        }
        return new PlanDetails.Issued(reference, issuedOn, authority, position, approval.actorName());
    }

    /** The head a central leader signs for: "Bộ trưởng" for a Thứ trưởng, "Cục trưởng" for a Phó Cục trưởng. */
    private static String headOf(String own) {
        if (own.startsWith("Thứ trưởng")) {
            return "Bộ trưởng";
        }
        if (own.startsWith("Phó ") && own.length() > 4) {
            return own.substring(4, 5).toUpperCase(VI) + own.substring(5);
        }
        return own;
    }

    private static String upper(String text) {
        return text.toUpperCase(VI);
    }

    private ApprovalRoute route(PlanRef plan, String drafter) {
        String office = directory.officeOf(plan.issuerCode())
                .orElseThrow(() -> new InvalidInputException(HttpStatus.CONFLICT, "Issuing body has no office",
                        List.of(InputProblem.of("issuer", "approval.noOffice", "body " + plan.issuerCode()
                                + " has no office to review its plans", plan.issuerCode()))));
        return new ApprovalRoute(plan.id(), plan.code(), drafter, plan.consolidatingCode(), plan.issuerCode(), office);
    }

    private static List<InputProblem> check(SubmissionInput in, boolean revision) {
        List<InputProblem> problems = new ArrayList<>();
        if (in.number() == null || in.number().isBlank()) {
            problems.add(InputProblem.of("number", "approval.required", "required"));
        }
        if (in.dated() == null) {
            problems.add(InputProblem.of("dated", "approval.required", "required"));
        }
        if (in.summary() == null || in.summary().isBlank()) {
            problems.add(InputProblem.of("summary", "approval.required", "required"));
        }
        if (in.proposal() == null || in.proposal().isBlank()) {
            problems.add(InputProblem.of("proposal", "approval.required", "required"));
        }
        if (revision && (in.explanation() == null || in.explanation().isBlank())) {
            problems.add(InputProblem.of("explanation", "approval.required", "required"));
        }
        return problems;
    }

    private static void reject(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid step input", problems);
        }
    }

    private PersonView person(CurrentUser user) {
        return directory.person(user.username()).orElseThrow(() -> new NotFoundException("No person " + user.username()));
    }

    private BodyView body(String code) {
        return directory.body(code).orElseThrow(() -> new NotFoundException("No body " + code));
    }

    /** Việt Nam's today, for who stands for an ended body. */
    static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
