package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.amendment.AmendmentView;
import vn.ttdn.amendment.Amendments;
import vn.ttdn.amendment.ProposalInput;
import vn.ttdn.amendment.ProposalView;
import vn.ttdn.plan.PlanAmending;
import vn.ttdn.plan.PlanChange;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanService;
import vn.ttdn.plan.PlanVersion;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.AmendmentProcess;

@RestController
@Tag(name = "Amendments", description = "Amending an issued plan: proposed changes, amendments, the plan's versions")
class AmendmentApiController {

    private final AmendmentProcess process;
    private final Amendments amendments;
    private final PlanAmending amending;
    private final PlanLifecycle lifecycle;
    private final PlanService plans;

    AmendmentApiController(AmendmentProcess process, Amendments amendments, PlanAmending amending,
                           PlanLifecycle lifecycle, PlanService plans) {
        this.process = process;
        this.amendments = amendments;
        this.amending = amending;
        this.lifecycle = lifecycle;
        this.plans = plans;
    }

    /** The bodies of {@code POST …/amendments}: the proposals the amendment carries. */
    record StartRequest(List<Long> proposalIds) {
    }

    /** One version of a plan: its number and date, what it changed, and the plan as it stood. */
    record VersionDetail(long planId, int version, String reference, LocalDate issuedOn, Long amendmentId,
                         Instant createdAt, List<PlanChange> changes, PlanDetails plan) {
    }

    @GetMapping("/api/plans/{id}/amendment-proposals")
    @Operation(summary = "Every change proposed to the plan, with its state and the issuing body's reason")
    List<ProposalView> proposals(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return amendments.proposals(id);
    }

    @PostMapping("/api/plans/{id}/amendment-proposals")
    @Operation(summary = "Propose a change to an issued plan's task: {kind: ADD|CHANGE|DROP|REASSIGN, taskNumber "
            + "(CHANGE, DROP, REASSIGN), groupNumber (ADD), content, timeline, timelineText, lead, cooperating, reason} "
            + "(officers and leaders of a body the plan names, on its own tasks; the consolidating body on any); "
            + "400 lists each problem, 403 for a body the plan or the task does not name")
    ResponseEntity<ProposalView> propose(@PathVariable long id, @RequestBody ProposalInput in, CurrentUser user) {
        plans.get(id, user);
        ProposalView created = process.propose(id, in, user);
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/amendment-proposals")).body(created);
    }

    @PostMapping("/api/plans/{id}/amendments")
    @Operation(summary = "Start an amendment with proposals waiting: {proposalIds} (officers of the consolidating "
            + "body as it stands today); its Tờ trình is then a task of the caller's; 409 while another runs")
    ResponseEntity<AmendmentView> start(@PathVariable long id, @RequestBody StartRequest in, CurrentUser user) {
        plans.get(id, user);
        long amendmentId = process.start(id, in == null ? List.of() : in.proposalIds(), user);
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/amendments"))
                .body(amendments.amendment(amendmentId));
    }

    @GetMapping("/api/plans/{id}/amendments")
    @Operation(summary = "The plan's amendments: Tờ trình, state, proposals with their decisions, steps, the version made")
    List<AmendmentView> ofPlan(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return amendments.ofPlan(id);
    }

    @GetMapping("/api/plans/{id}/amendments/{amendmentId}/process")
    @Operation(summary = "The amendment's process: {processInstanceId, ended, xml, active, completed}")
    vn.ttdn.workflow.ApprovalProcess.Diagram diagram(@PathVariable long id, @PathVariable long amendmentId,
                                                     CurrentUser user) {
        plans.get(id, user);
        if (amendments.amendment(amendmentId).planId() != id) {
            throw new NotFoundException("No amendment " + amendmentId + " of plan " + id);
        }
        return process.diagram(amendmentId)
                .orElseThrow(() -> new NotFoundException("No process of amendment " + amendmentId));
    }

    @GetMapping("/api/plans/{id}/versions")
    @Operation(summary = "The versions of an issued plan (1: as issued), each with its number, date and changes")
    List<PlanVersion> versions(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return amending.versions(id);
    }

    @GetMapping("/api/plans/{id}/versions/{version}")
    @Operation(summary = "One version of the plan: its number and date, what it changed, and the plan as it stood")
    VersionDetail version(@PathVariable long id, @PathVariable int version, CurrentUser user) {
        plans.get(id, user);
        PlanVersion v = amending.version(id, version);
        return new VersionDetail(v.planId(), v.version(), v.reference(), v.issuedOn(), v.amendmentId(), v.createdAt(),
                v.changes(), lifecycle.detailsAt(id, version));
    }
}
