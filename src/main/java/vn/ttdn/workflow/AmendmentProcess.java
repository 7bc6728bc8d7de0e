package vn.ttdn.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.amendment.AmendmentRoute;
import vn.ttdn.amendment.Amendments;
import vn.ttdn.amendment.ProposalInput;
import vn.ttdn.amendment.ProposalView;
import vn.ttdn.security.CurrentUser;

/**
 * Amendments of issued plans as {@code plan-amendment} instances: a proposal recorded on the engine's
 * day, an amendment started (business key {@code amendment-<id>}; its first task, the Tờ trình, goes
 * to the officer who started), and the instance drawn.
 */
@Service
@Transactional
public class AmendmentProcess {

    private final RuntimeService runtime;
    private final Amendments amendments;
    private final ProcessDiagrams diagrams;

    AmendmentProcess(RuntimeService runtime, Amendments amendments, ProcessDiagrams diagrams) {
        this.runtime = runtime;
        this.amendments = amendments;
        this.diagrams = diagrams;
    }

    /** A body proposes a change to a plan's task (see {@link Amendments#propose}). */
    public ProposalView propose(long planId, ProposalInput in, CurrentUser user) {
        return amendments.propose(planId, in, user, RoundProcess.today(), ClockUtil.getCurrentTime().toInstant());
    }

    /** Starts an amendment with the chosen proposals; its id. */
    public long start(long planId, List<Long> proposalIds, CurrentUser user) {
        AmendmentRoute route = amendments.start(planId, proposalIds, user, RoundProcess.today(),
                ClockUtil.getCurrentTime().toInstant());
        runtime.startProcessInstanceByKey(PlanAmendment.KEY, PlanAmendment.businessKey(route.amendmentId()), Map.of(
                PlanAmendment.PLAN_ID, route.planId(),
                PlanAmendment.AMENDMENT_ID, route.amendmentId(),
                PlanAmendment.DRAFTER, route.starter(),
                PlanAmendment.CONSOLIDATING_BODY, route.consolidatingBody(),
                PlanAmendment.ISSUING_BODY, route.issuingBody()));
        return route.amendmentId();
    }

    /** The amendment's process drawn: the model, where it is, where it has been. */
    @Transactional(readOnly = true)
    public Optional<ApprovalProcess.Diagram> diagram(long amendmentId) {
        return diagrams.latest(PlanAmendment.KEY, PlanAmendment.businessKey(amendmentId));
    }
}
