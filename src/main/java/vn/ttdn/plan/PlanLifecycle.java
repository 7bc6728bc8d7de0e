package vn.ttdn.plan;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.plan.internal.IssuedAs;
import vn.ttdn.plan.internal.PlanEntity;
import vn.ttdn.plan.internal.PlanFileReader;
import vn.ttdn.plan.internal.PlanMapper;
import vn.ttdn.plan.internal.PlanRepository;
import vn.ttdn.plan.internal.VersionStore;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves a plan along its life (draft, in approval, approved, issued) for the approval chain, which
 * decides who may; this class only keeps the moves in order. Each move checks the status it starts
 * from, so a move that arrives late (a second click, a second node) fails instead of going twice.
 */
@Service
@Transactional
public class PlanLifecycle {

    private final PlanRepository plans;
    private final PlanMapper mapper;
    private final PlanFileReader files;
    private final VersionStore versions;

    PlanLifecycle(PlanRepository plans, PlanMapper mapper, PlanFileReader files, VersionStore versions) {
        this.plans = plans;
        this.mapper = mapper;
        this.files = files;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    public PlanRef ref(long planId) {
        PlanEntity plan = find(planId);
        Set<String> taskBodies = new LinkedHashSet<>();
        plan.getGroups().forEach(g -> g.getTasks().forEach(t -> {
            taskBodies.addAll(t.getLead());
            taskBodies.addAll(t.getCooperating());
        }));
        Set<String> recipients = new LinkedHashSet<>();
        plan.getRecipients().forEach(r -> recipients.addAll(r.getBodies()));
        return new PlanRef(plan.getId(), plan.getCode(), plan.getTitle(), plan.getDocumentType(), plan.getIssuerCode(),
                plan.getConsolidatingCode(), plan.getStatus(), List.copyOf(taskBodies), List.copyOf(recipients));
    }

    /** The whole plan, for the modules that act on it (reporting); callers check who may read it. */
    @Transactional(readOnly = true)
    public PlanDetails details(long planId) {
        return mapper.toDetails(find(planId));
    }

    /**
     * The plan as it stood at one of its versions (1: as issued; each amendment the next), for the
     * rounds that ran on it; {@code null} is the plan as it stands. The id, status and issuance are
     * the plan's own, the text, groups, tasks and bodies the version's. A plan not amended yet is
     * its version 1 whether or not that was written down.
     */
    @Transactional(readOnly = true)
    public PlanDetails detailsAt(long planId, Integer version) {
        PlanEntity plan = find(planId);
        if (version == null) {
            return mapper.toDetails(plan);
        }
        return versions.snapshot(planId, version)
                .map(kept -> mapper.toDetails(plan, files.fromJson(kept)))
                .or(() -> version == 1 && versions.latest(planId).isEmpty()
                        ? java.util.Optional.of(mapper.toDetails(plan)) : java.util.Optional.empty())
                .orElseThrow(() -> new NotFoundException("No version " + version + " of plan " + planId));
    }

    /**
     * The version an issued plan stands at now (writing version 1, the plan as issued, when it was
     * not yet); null for a plan not issued.
     */
    public Integer currentVersion(long planId) {
        PlanEntity plan = find(planId);
        if (plan.getStatus() != PlanStatus.ISSUED) {
            return null;
        }
        keepFirstVersion(plan, "system");
        return versions.latest(planId).orElse(1);
    }

    /** Keeps the plan as issued as its version 1, unless it is kept already (an issued plan only). */
    void keepFirstVersion(PlanEntity plan, String by) {
        IssuedAs issued = plan.getIssued();
        versions.insertFirst(plan.getId(), issued == null ? null : issued.getIssuedReference(),
                issued == null ? null : issued.getIssuedOn(), files.toJson(mapper.toFile(plan)), by);
    }

    /** The ids of the issued plans, for the schedulers that act on them. */
    @Transactional(readOnly = true)
    public List<Long> issuedIds() {
        return plans.findAllByOrderByCode().stream().filter(p -> p.getStatus() == PlanStatus.ISSUED)
                .map(PlanEntity::getId).toList();
    }

    /** Code and title of several plans in one query (for lists of tasks), by id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, PlanLabel> labels(java.util.Collection<Long> planIds) {
        java.util.Map<Long, PlanLabel> labels = new java.util.HashMap<>();
        plans.findAllById(planIds).forEach(p -> labels.put(p.getId(), new PlanLabel(p.getId(), p.getCode(), p.getTitle())));
        return labels;
    }

    /**
     * The ids of the plans whose code or title holds this text, whatever its case (the inbox's filter
     * by plan); the plans' labels only are read.
     */
    @Transactional(readOnly = true)
    public Set<Long> idsMatching(String text) {
        String wanted = text.trim().toLowerCase(java.util.Locale.ROOT);
        Set<Long> ids = new java.util.HashSet<>();
        for (Object[] label : plans.findAllLabels()) {
            if (((String) label[1]).toLowerCase(java.util.Locale.ROOT).contains(wanted)
                    || ((String) label[2]).toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                ids.add(((Number) label[0]).longValue());
            }
        }
        return ids;
    }

    /** The plan as a plan file (YAML), to keep with a Tờ trình version. */
    @Transactional(readOnly = true)
    public String snapshot(long planId) {
        return new String(files.write(mapper.toFile(find(planId))), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Locks the plan's row until the transaction ends, so two starts on one plan queue. */
    public void lock(long planId) {
        if (plans.lockById(planId).isEmpty()) {
            throw new NotFoundException("No plan " + planId);
        }
    }

    public void move(long planId, PlanStatus from, PlanStatus to) {
        PlanEntity plan = find(planId);
        expect(plan, from);
        plan.setStatus(to);
        plans.flush();
    }

    /** Records the number, date and signer block, and makes the approved plan ISSUED. */
    public void issue(long planId, PlanDetails.Issued issued) {
        PlanEntity plan = find(planId);
        expect(plan, PlanStatus.APPROVED);
        plan.setIssued(new IssuedAs(issued.reference(), issued.issuedOn(), issued.authority(), issued.position(),
                issued.signerName()));
        plan.setStatus(PlanStatus.ISSUED);
        plans.flush();
        keepFirstVersion(plan, plan.getCreatedBy());
    }

    private static void expect(PlanEntity plan, PlanStatus status) {
        if (plan.getStatus() != status) {
            throw notIn(plan.getStatus(), status);
        }
    }

    /** The conflict of a step that needs the plan in one status and finds it in another (409). */
    public static InvalidInputException notIn(PlanStatus actual, PlanStatus expected) {
        return new InvalidInputException(HttpStatus.CONFLICT, "Plan is not " + expected, List.of(InputProblem.of(
                "status", "plan.wrongStatus", "the plan is " + actual + ", not " + expected, actual.name(),
                expected.name())));
    }

    private PlanEntity find(long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("No plan " + planId));
    }
}
