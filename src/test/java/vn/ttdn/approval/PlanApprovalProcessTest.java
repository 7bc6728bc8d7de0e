package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The paths of {@code plan-approval}, driven through the task API as the demo users: the order of
 * activities, who is offered and who holds each task, the variables, and what the database keeps.
 */
@WebTest
class PlanApprovalProcessTest {

    private static final Cast QNG = Cast.of("qng");

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void engine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void straightApprovalIssuesTheNextNumberOfTheUbndRegister() throws Exception {
        // given
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-STRAIGHT");
        int before = lastNumber("QNG-UBND", 2026);

        // when
        Chain.ok(chain.start(planId, QNG.drafter()));
        ProcessInstance instance = instance("QNG-TEST-STRAIGHT");
        assertThat(instance).isWaitingAt("userTask_draftSubmission");
        assertThat(task(instance)).isAssignedTo(QNG.drafter()).hasCandidateGroupAssociated("officer.QNG-STTTT");
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        assertThat(instance).isWaitingAt("userTask_directorApproval");
        assertThat(task(instance)).isNotAssigned().hasCandidateGroup("leader.QNG-STTTT");
        chain.act(planId, "userTask_directorApproval", QNG.director(), Map.of("decision", "approve"));
        assertThat(task(instance)).hasCandidateGroup("officer.QNG-VPUB");
        chain.act(planId, "userTask_officeReview", QNG.reviewer(), Map.of("reviewOpinion", "Đủ điều kiện ban hành."));
        assertThat(task(instance)).hasCandidateGroup("leader.QNG-UBND");
        chain.act(planId, "userTask_issuerDecision", QNG.leader(), Map.of("decision", "approve"));
        assertThat(task(instance)).hasCandidateGroup("clerk.QNG-UBND");
        chain.act(planId, "userTask_issue", QNG.clerk(), Map.of("issueDate", "2026-11-20"));

        // then
        String expected = (before + 1) + "/KH-UBND";
        assertThat(instance).isEnded().hasPassedInOrder("startEvent_planDraft", "userTask_draftSubmission",
                "exclusiveGateway_consult", "userTask_directorApproval", "exclusiveGateway_directorDecision",
                "userTask_officeReview", "userTask_issuerDecision", "exclusiveGateway_issuerDecision",
                "userTask_issue", "endEvent_planIssued")
                .hasNotPassed("userTask_comment", "userTask_revise")
                .variables().containsEntry("issuedNumber", expected).containsEntry("decision", "approve")
                .containsEntry("version", 1);
        Map<String, Object> plan = db.jdbc().queryForMap(
                "select status, issued_reference, issued_on, signer_authority, signer_position, signer_name "
                        + "from ttdn.plan where id = ?", planId);
        assertThat(plan).containsEntry("status", "ISSUED").containsEntry("issued_reference", expected)
                .containsEntry("signer_authority", "KT. CHỦ TỊCH").containsEntry("signer_position", "PHÓ CHỦ TỊCH");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.register_entry where plan_id = ? and status = 'ISSUED'",
                Integer.class, planId)).isEqualTo(1);
        assertThat(steps(planId)).containsExactly("START/STARTED/cv.stttt.qng", "DRAFT/SUBMITTED/cv.stttt.qng",
                "DIRECTOR/APPROVED/gd.stttt.qng", "OFFICE_REVIEW/REVIEWED/cv.vpub.qng",
                "DECISION/APPROVED/pct.ubnd.qng", "ISSUE/ISSUED/vt.ubnd.qng");
        // the engine's history names each actor: the authenticated user was set on every request
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey("userTask_issue").singleResult().getAssignee())
                .isEqualTo(QNG.clerk());
        assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(instance.getId())
                .operationType("Claim").list()).extracting("userId")
                .contains(QNG.director(), QNG.reviewer(), QNG.leader(), QNG.clerk());
    }

    private ProcessInstance instance(String code) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    }

    private int lastNumber(String body, int year) {
        List<Integer> n = db.jdbc().queryForList("select last_number from ttdn.register_counter where body_code = ? "
                + "and year = ? and document_type = 'KH'", Integer.class, body, year);
        return n.isEmpty() ? 0 : n.get(0);
    }

    private List<String> steps(long planId) {
        return db.jdbc().queryForList("select step || '/' || outcome || '/' || actor from ttdn.approval_step "
                + "where plan_id = ? order by id", String.class, planId);
    }
}
