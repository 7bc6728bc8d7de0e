package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
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
    @Autowired
    vn.ttdn.support.Api api;

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
        String expected = String.format("%02d", before + 1) + "/KH-UBND";
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

    @Test
    void directorReturnsTheTờTrìnhToItsDrafterWithTheReason() throws Exception {
        // given
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-DIRRET");
        Chain.ok(chain.start(planId, QNG.drafter()));
        ProcessInstance instance = instance("QNG-TEST-DIRRET");
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        assertThat(status(planId)).isEqualTo("IN_APPROVAL");

        // when
        chain.act(planId, "userTask_directorApproval", QNG.director(),
                Map.of("decision", "return", "reason", "Bổ sung kinh phí thực hiện."));

        // then
        assertThat(instance).isWaitingAt("userTask_draftSubmission")
                .hasPassedInOrder("userTask_draftSubmission", "userTask_directorApproval",
                        "exclusiveGateway_directorDecision")
                .hasNotPassed("userTask_officeReview").variables().containsEntry("decision", "return");
        assertThat(task(instance)).isAssignedTo(QNG.drafter());
        assertThat(status(planId)).isEqualTo("DRAFT");
        assertThat(db.jdbc().queryForObject("select note from ttdn.approval_step where plan_id = ? and outcome = "
                + "'RETURNED'", String.class, planId)).isEqualTo("Bổ sung kinh phí thực hiện.");

        // and the drafter resubmits: a second version, the first kept
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        assertThat(instance).isWaitingAt("userTask_directorApproval").variables().containsEntry("version", 2);
        assertThat(db.jdbc().queryForList("select version from ttdn.submission where plan_id = ? order by version",
                Integer.class, planId)).containsExactly(1, 2);
    }

    @Test
    void returnByTheUbndThenResubmissionKeepsEveryVersionAndReasonAndIssues() throws Exception {
        // given
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-UBNDRET");
        Chain.ok(chain.start(planId, QNG.drafter()));
        ProcessInstance instance = instance("QNG-TEST-UBNDRET");
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        chain.act(planId, "userTask_directorApproval", QNG.director(), Map.of("decision", "approve"));
        chain.act(planId, "userTask_officeReview", QNG.reviewer(), Map.of("reviewOpinion", "Cần rà soát thời hạn."));

        // when the Chairman returns it
        chain.act(planId, "userTask_issuerDecision", "ct.ubnd.qng",
                Map.of("decision", "return", "reason", "Rà soát lại thời hạn các nhiệm vụ."));

        // then it is back with the drafter, and goes round again to issuance
        assertThat(instance).isWaitingAt("userTask_draftSubmission");
        assertThat(task(instance)).isAssignedTo(QNG.drafter());
        assertThat(status(planId)).isEqualTo("DRAFT");
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        chain.act(planId, "userTask_directorApproval", QNG.director(), Map.of("decision", "approve"));
        chain.act(planId, "userTask_officeReview", QNG.reviewer(), Map.of("reviewOpinion", "Đã rà soát; đủ điều kiện."));
        chain.act(planId, "userTask_issuerDecision", "ct.ubnd.qng", Map.of("decision", "approve"));
        chain.act(planId, "userTask_issue", QNG.clerk(), Map.of("issueDate", "2026-11-20"));
        assertThat(instance).isEnded().hasPassedInOrder("userTask_issuerDecision", "exclusiveGateway_issuerDecision",
                "userTask_draftSubmission", "userTask_directorApproval", "userTask_officeReview",
                "userTask_issuerDecision", "userTask_issue", "endEvent_planIssued");
        assertThat(db.jdbc().queryForList("select version from ttdn.submission where plan_id = ? order by version",
                Integer.class, planId)).containsExactly(1, 2);
        // every version is kept with the plan as it stood; an auditor reads the first
        String first = new String(api.bytes("/api/plans/" + planId + "/approval/versions/1/plan", "kiemtoan"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(first).contains("code: QNG-TEST-UBNDRET");
        assertThat(steps(planId)).containsSubsequence("DECISION/RETURNED/ct.ubnd.qng", "DRAFT/SUBMITTED/cv.stttt.qng",
                "DECISION/APPROVED/ct.ubnd.qng", "ISSUE/ISSUED/vt.ubnd.qng");
        // the Chairman himself approved: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
        assertThat(db.jdbc().queryForMap("select signer_authority, signer_position, signer_name from ttdn.plan "
                + "where id = ?", planId)).containsEntry("signer_authority", "TM. ỦY BAN NHÂN DÂN")
                .containsEntry("signer_position", "CHỦ TỊCH");
    }

    @Test
    void aConsultedBodyThatStaysSilentUntilItsTimerCountsAsNoComment() throws Exception {
        // given: a Tờ trình sent for comments to two bodies
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-CONSULT");
        Chain.ok(chain.start(planId, QNG.drafter()));
        ProcessInstance instance = instance("QNG-TEST-CONSULT");
        String draft = chain.task(planId, "userTask_draftSubmission", QNG.drafter());
        JsonNode options = Chain.ok(chain.get("/api/tasks/" + draft + "/form", QNG.drafter())).body()
                .path("data").path("consultOptions");
        String silent = null;
        for (JsonNode option : options) {
            if (!option.path("value").asText().equals("QNG-SVHTTDL")) {
                silent = option.path("value").asText();
                break;
            }
        }
        assertThat(options.findValuesAsText("value")).contains("QNG-SVHTTDL");
        Map<String, Object> values = new java.util.HashMap<>(Chain.TO_TRINH);
        values.put("consultBodies", List.of("QNG-SVHTTDL", silent));
        values.put("consultDays", 5);
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), values);
        assertThat(instance).isWaitingAt("userTask_comment").variables().containsEntry("consult", true);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("officer." + silent).count()).isEqualTo(1);

        // when one body answers and the other lets its due date pass
        chain.act(planId, "userTask_comment", "cv.svhttdl.qng",
                Map.of("opinion", "comment", "comment", "Đề nghị bổ sung nhiệm vụ quảng bá du lịch."));
        assertThat(instance).isWaitingAt("userTask_comment");
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isAfter(new java.util.Date());
        engine.getManagementService().executeJob(timer.getId());

        // then the silent body counts as no comment and the drafter revises
        assertThat(instance).isWaitingAt("userTask_revise").hasPassed("boundaryEvent_consultationDue",
                "serviceTask_closeConsultation");
        assertThat(task(instance)).isAssignedTo(QNG.drafter());
        assertThat(db.jdbc().queryForMap("select outcome, comment from ttdn.consultation where plan_id = ? "
                + "and body_code = 'QNG-SVHTTDL'", planId)).containsEntry("outcome", "COMMENTED");
        assertThat(db.jdbc().queryForObject("select outcome from ttdn.consultation where plan_id = ? and body_code = ?",
                String.class, planId, silent)).isEqualTo("NO_ANSWER");
        Map<String, Object> revision = new java.util.HashMap<>(Chain.TO_TRINH);
        revision.put("explanation", "Đã bổ sung nhiệm vụ quảng bá du lịch theo ý kiến Sở VHTTDL.");
        chain.act(planId, "userTask_revise", QNG.drafter(), revision);
        assertThat(instance).isWaitingAt("userTask_directorApproval").variables().containsEntry("version", 2);
        assertThat(status(planId)).isEqualTo("IN_APPROVAL");
    }

    private String status(long planId) {
        return db.jdbc().queryForObject("select status from ttdn.plan where id = ?", String.class, planId);
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
