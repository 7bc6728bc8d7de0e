package vn.ttdn.amendment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Api;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The paths of {@code plan-amendment}, driven through the API as the demo users in December 2026,
 * when Quảng Ngãi's Sở TT&TT has ended and the Sở VHTTDL consolidates in its place: changes approved
 * (a new version, numbered by a Quyết định of the UBND's register), rejected (no version), mixed;
 * the director's return; segregation of duties; refusals that change nothing; and the rounds before
 * and after an amendment, each on its own version of the plan.
 */
@WebTest
@ExtendWith(EngineClock.class)
class AmendmentProcessTest {

    private static final String OFFICER = "cv.svhttdl.qng";
    private static final String DIRECTOR = "ld.svhttdl.qng";
    private static final String UBND_LEADER = "pct.ubnd.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String LABOUR_OFFICER = "cv.qng-sldtbxh";
    private static final String FOREIGN = "QNG-SNGV";
    private static final String FOREIGN_OFFICER = "cv.qng-sngv";
    private static final String NEW_CONTENT = "Triển khai Nghị định 152/2020/NĐ-CP và Nghị định 70/2023/NĐ-CP về "
            + "lao động nước ngoài, gắn với thông tin đối ngoại về thị trường lao động của tỉnh.";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DirectoryService directory;
    @Autowired
    vn.ttdn.support.Pages pages;

    @Test
    void approvedChangesMakeVersionTwoAndTheNextRoundAsksTheBodyTheTaskWentTo() throws Exception {
        // given an issued copy of Quảng Ngãi's plan and a round on task 2.2 opened before any amendment
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-1", "qng");
        JsonNode v1 = Chain.ok(chain.get("/api/plans/" + planId + "/versions", OFFICER)).body();
        assertThat(v1).hasSize(1);
        assertThat(v1.get(0).path("version").asInt()).isEqualTo(1);
        String issuedNumber = Chain.ok(chain.get("/api/plans/" + planId, OFFICER)).body().path("issued")
                .path("reference").asText();
        assertThat(v1.get(0).path("reference").asText()).isEqualTo(issuedNumber).matches("\\d+/KH-UBND");
        String oldContent = Api.task(Chain.ok(chain.get("/api/plans/" + planId, OFFICER)).body(), "2.2")
                .path("content").asText();
        long before = openRoundOn(planId, "2.2");
        assertThat(codes(rounds.round(before, OFFICER))).containsExactly(LABOUR);
        assertThat(roundVersion(before)).isEqualTo(1);

        // when the Sở LĐTBXH proposes giving its task 2.2 to the Sở Ngoại vụ, the Sở VHTTDL rewrites
        // the task's content and proposes a new task in group 2
        long reassign = propose(planId, LABOUR_OFFICER, Map.of("kind", "REASSIGN", "taskNumber", "2.2",
                "lead", List.of(FOREIGN), "reason", "Chức năng quản lý lao động nước ngoài đã chuyển giao."));
        long change = propose(planId, OFFICER, Map.of("kind", "CHANGE", "taskNumber", "2.2", "content", NEW_CONTENT,
                "reason", "Cập nhật văn bản quy phạm pháp luật mới."));
        long add = propose(planId, OFFICER, Map.of("kind", "ADD", "groupNumber", "2",
                "content", "Thông tin đối ngoại về hợp tác quốc tế trong chuyển đổi số.", "lead", List.of("QNG-SKHCN"),
                "cooperating", List.of(FOREIGN), "timeline", "2026-2030", "reason", "Nhiệm vụ mới theo Kết luận 57."));
        // and the consolidating officer takes the three to the UBND
        JsonNode amendment = start(planId, List.of(reassign, change, add));
        long amendmentId = amendment.path("id").asLong();
        assertThat(amendment.path("state").asText()).isEqualTo("DRAFTING");
        assertThat(amendment.path("consolidatingBody").path("code").asText()).isEqualTo("QNG-SVHTTDL");
        assertThat(amendment.path("issuingBody").path("code").asText()).isEqualTo("QNG-UBND");
        assertThat(states(planId)).containsOnly("INCLUDED");
        JsonNode form = form(planId, "userTask_prepareAmendment", OFFICER);
        assertThat(form.path("data").path("proposals")).hasSize(3);
        assertThat(form.path("data").path("proposals").get(0).path("detail").asText()).contains("2.2", "Sở Ngoại vụ");
        prepare(planId, List.of(reassign, change, add));
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "approve"));
        JsonNode decision = form(planId, "userTask_decideAmendment", UBND_LEADER);
        assertThat(decision.path("data").path("decisions")).hasSize(3);
        assertThat(decision.path("data").path("submissionNumber").asText()).isEqualTo("12/TTr-SVHTTDL");
        decide(planId, UBND_LEADER, "approve", "approve", "approve");

        // then the plan has version 2, numbered by the next Quyết định of the UBND's register
        List<Map<String, Object>> versions = db.jdbc().queryForList("select version, reference, issued_on, amendment_id "
                + "from ttdn.plan_version where plan_id = ? order by version", planId);
        assertThat(versions).hasSize(2);
        String reference = (String) versions.get(1).get("reference");
        assertThat(reference).matches("\\d+/QĐ-UBND");
        assertThat(versions.get(1).get("issued_on")).hasToString("2026-12-01");
        assertThat(((Number) versions.get(1).get("amendment_id")).longValue()).isEqualTo(amendmentId);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.register_entry where plan_id = ? and "
                + "document_type = 'QĐ' and reference = ?", Integer.class, planId, reference)).isEqualTo(1);
        assertThat(db.jdbc().queryForMap("select state, plan_version, reference from ttdn.plan_amendment where id = ?",
                amendmentId)).containsEntry("state", "APPLIED").containsEntry("plan_version", 2)
                .containsEntry("reference", reference);
        assertThat(states(planId)).containsOnly("APPROVED");
        // and the number is in the audit record, at the step that took it
        assertThat(db.jdbc().queryForList("select activity_id || ' ' || (details ->> 'issuedOn') from ttdn.audit_event "
                + "where kind = 'number.issued' and process_key = 'plan-amendment' and details ->> 'reference' = ?",
                String.class, reference)).containsExactly("serviceTask_applyAmendment 2026-12-01");
        assertThat(db.jdbc().queryForObject("select applied_number from ttdn.amendment_proposal where id = ?",
                String.class, add)).isEqualTo("2.4");
        // and the live plan is version 2: task 2.2 rewritten and with the Sở Ngoại vụ, task 2.4 new
        JsonNode live = Chain.ok(chain.get("/api/plans/" + planId, OFFICER)).body();
        assertThat(Api.task(live, "2.2").path("content").asText()).isEqualTo(NEW_CONTENT);
        assertThat(Api.task(live, "2.2").path("lead").findValuesAsText("code")).containsExactly(FOREIGN);
        assertThat(Api.task(live, "2.4").path("lead").findValuesAsText("code")).containsExactly("QNG-SKHCN");
        // and the API gives each version with what it changed
        JsonNode v2 = Chain.ok(chain.get("/api/plans/" + planId + "/versions/2", OFFICER)).body();
        assertThat(v2.path("reference").asText()).isEqualTo(reference);
        assertThat(v2.path("changes").findValuesAsText("kind")).containsExactly("REASSIGN", "CHANGE", "ADD");
        JsonNode reassigned = v2.path("changes").get(0);
        assertThat(reassigned.path("before").path("lead").findValuesAsText("code")).containsExactly(LABOUR);
        assertThat(reassigned.path("after").path("lead").findValuesAsText("code")).containsExactly(FOREIGN);
        assertThat(reassigned.path("proposedBy").path("code").asText()).isEqualTo(LABOUR);
        assertThat(v2.path("changes").get(1).path("before").path("content").asText()).isEqualTo(oldContent);
        assertThat(v2.path("changes").get(1).path("after").path("content").asText()).isEqualTo(NEW_CONTENT);
        assertThat(Api.task(v2.path("plan"), "2.2").path("content").asText()).isEqualTo(NEW_CONTENT);
        JsonNode v1Plan = Chain.ok(chain.get("/api/plans/" + planId + "/versions/1", OFFICER)).body().path("plan");
        assertThat(Api.task(v1Plan, "2.2").path("content").asText()).isEqualTo(oldContent);
        assertThat(Api.task(v1Plan, "2.2").path("lead").findValuesAsText("code")).containsExactly(LABOUR);
        assertThat(v1Plan.path("groups").get(1).path("tasks")).hasSize(3);
        // and the process ran its course, the bodies concerned were told
        assertThat(ended(amendmentId)).isTrue();
        assertThat(passed(amendmentId)).containsSubsequence("startEvent_amendmentStarted",
                "userTask_prepareAmendment", "userTask_signAmendment", "userTask_decideAmendment",
                "serviceTask_applyAmendment", "serviceTask_notifyBodies", "endEvent_planAmended")
                .doesNotContain("endEvent_amendmentRejected");
        assertThat(db.jdbc().queryForList("select body_code from ttdn.notification where plan_id = ? and message like ?",
                String.class, planId, "%phiên bản 2%")).contains(LABOUR, FOREIGN, "QNG-SVHTTDL", "QNG-SKHCN");

        // when a round on task 2.2 opens after the amendment
        long after = openRoundOn(planId, "2.2");

        // then it asks the Sở Ngoại vụ and not the Sở LĐTBXH, on version 2
        assertThat(codes(rounds.round(after, OFFICER))).containsExactly(FOREIGN);
        assertThat(roundVersion(after)).isEqualTo(2);
        assertThat(draftContent(planId, after, FOREIGN, FOREIGN_OFFICER)).isEqualTo(NEW_CONTENT);
        // while the round opened before still asks the Sở LĐTBXH about task 2.2 as version 1 worded it
        assertThat(codes(rounds.round(before, OFFICER))).containsExactly(LABOUR);
        assertThat(draftContent(planId, before, LABOUR, LABOUR_OFFICER)).isEqualTo(oldContent);
    }

    @Test
    void rejectedChangesLeaveThePlanAtVersionOneAndARejectionNeedsItsReason() throws Exception {
        // given an amendment with one proposal signed by the director
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-2", "qng");
        String content = Api.task(Chain.ok(chain.get("/api/plans/" + planId, OFFICER)).body(), "2.3")
                .path("content").asText();
        long change = propose(planId, OFFICER, Map.of("kind", "CHANGE", "taskNumber", "2.3", "timeline", "2026-2030",
                "reason", "Giai đoạn thực hiện theo Kết luận 57."));
        long amendmentId = start(planId, List.of(change)).path("id").asLong();
        prepare(planId, List.of(change));
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "approve"));

        // when the UBND's leader rejects it without a reason
        String task = chain.task(planId, "userTask_decideAmendment", UBND_LEADER);
        Chain.ok(chain.post("/api/tasks/" + task + "/claim", UBND_LEADER, null));
        Answer refused = chain.post("/api/tasks/" + task + "/complete", UBND_LEADER,
                Map.of("decisions", List.of(Map.of("verdict", "reject"))));

        // then it is refused field by field and nothing moved
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("path")).contains("decisions[0].verdictReason");
        assertThat(refused.body().path("errors").get(0).path("text").asText()).isNotBlank();
        assertThat(states(planId)).containsOnly("INCLUDED");
        assertThat(chain.task(planId, "userTask_decideAmendment", UBND_LEADER)).isEqualTo(task);

        // when it rejects it with the reason
        Chain.ok(chain.post("/api/tasks/" + task + "/complete", UBND_LEADER, Map.of("decisions",
                List.of(Map.of("verdict", "reject", "verdictReason", "Giữ thời gian hàng năm như Kế hoạch.")))));

        // then there is no version 2 and no number taken; the plan is as it was
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan_version where plan_id = ?", Integer.class,
                planId)).isEqualTo(1);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.register_entry where plan_id = ? and "
                + "document_type = 'QĐ'", Integer.class, planId)).isZero();
        assertThat(db.jdbc().queryForMap("select state, plan_version from ttdn.plan_amendment where id = ?", amendmentId))
                .containsEntry("state", "REJECTED").containsEntry("plan_version", null);
        assertThat(db.jdbc().queryForMap("select state, decision_reason from ttdn.amendment_proposal where id = ?", change))
                .containsEntry("state", "REJECTED").containsEntry("decision_reason", "Giữ thời gian hàng năm như Kế hoạch.");
        JsonNode live = Chain.ok(chain.get("/api/plans/" + planId, OFFICER)).body();
        assertThat(Api.task(live, "2.3").path("content").asText()).isEqualTo(content);
        assertThat(Api.task(live, "2.3").path("timeline").asText()).isEqualTo("yearly");
        assertThat(ended(amendmentId)).isTrue();
        assertThat(passed(amendmentId)).contains("serviceTask_applyAmendment", "endEvent_amendmentRejected")
                .doesNotContain("endEvent_planAmended");
        assertThat(Chain.ok(chain.get("/api/plans/" + planId + "/versions", OFFICER)).body()).hasSize(1);
    }

    @Test
    void aMixedDecisionAppliesOnlyTheApprovedChanges() throws Exception {
        // given an amendment that drops task 2.1 and moves task 3.1's timeline
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-3", "qng");
        long drop = propose(planId, OFFICER, Map.of("kind", "DROP", "taskNumber", "2.1",
                "reason", "Đã hoàn thành, không còn phù hợp."));
        long timeline = propose(planId, "cv.qng-sct", Map.of("kind", "CHANGE", "taskNumber", "3.1",
                "timeline", "2027", "reason", "Lùi thời gian thực hiện."));
        long amendmentId = start(planId, List.of(drop, timeline)).path("id").asLong();
        prepare(planId, List.of(drop, timeline));
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "approve"));

        // when the UBND approves the drop and rejects the new timeline
        decide(planId, "ct.ubnd.qng", "approve", "reject");

        // then version 2 has no task 2.1, the rest numbered as before, task 3.1 as it was
        JsonNode v2 = Chain.ok(chain.get("/api/plans/" + planId + "/versions/2", OFFICER)).body();
        assertThat(v2.path("changes").findValuesAsText("kind")).containsExactly("DROP");
        assertThat(v2.path("changes").get(0).path("taskNumber").asText()).isEqualTo("2.1");
        assertThat(v2.path("plan").path("groups").get(1).path("tasks").findValuesAsText("number"))
                .containsExactly("2.2", "2.3");
        assertThat(Api.task(v2.path("plan"), "3.1").path("timeline").asText()).isEqualTo("yearly");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan_task where plan_id = ? and number = '2.1'",
                Integer.class, planId)).isZero();
        assertThat(db.jdbc().queryForList("select state from ttdn.amendment_proposal where plan_id = ? order by id",
                String.class, planId)).containsExactly("APPROVED", "REJECTED");
        assertThat(db.jdbc().queryForObject("select state from ttdn.plan_amendment where id = ?", String.class,
                amendmentId)).isEqualTo("APPLIED");
        JsonNode v1 = Chain.ok(chain.get("/api/plans/" + planId + "/versions/1", OFFICER)).body();
        assertThat(v1.path("plan").path("groups").get(1).path("tasks").findValuesAsText("number"))
                .containsExactly("2.1", "2.2", "2.3");
        // and the plan page shows both versions and what changed
        String page = pages.page("/ke-hoach/" + planId, OFFICER).select("#amendments-panel").text();
        assertThat(page).contains("Điều chỉnh kế hoạch", "Phiên bản 2", "Bỏ nhiệm vụ 2.1", "Không được chấp thuận");
    }

    @Test
    void theDirectorReturnsTheTờTrìnhToItsOfficerWithTheReason() throws Exception {
        // given an amendment with two proposals submitted for signing
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-4", "qng");
        long first = propose(planId, OFFICER, Map.of("kind", "DROP", "taskNumber", "2.1", "reason", "Đã xong."));
        long second = propose(planId, OFFICER, Map.of("kind", "CHANGE", "taskNumber", "2.3", "timeline", "ongoing",
                "reason", "Thực hiện thường xuyên."));
        long amendmentId = start(planId, List.of(first, second)).path("id").asLong();
        prepare(planId, List.of(first, second));

        // when the director returns it
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "return",
                "reason", "Chưa đủ căn cứ để bỏ nhiệm vụ 2.1."));

        // then the Tờ trình is back with the officer, who sees why; the amendment is drafted again
        String task = chain.task(planId, "userTask_prepareAmendment", OFFICER);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(OFFICER);
        JsonNode data = Chain.ok(chain.get("/api/tasks/" + task + "/form", OFFICER)).body().path("data");
        assertThat(data.path("returnedReason").asText()).isEqualTo("Chưa đủ căn cứ để bỏ nhiệm vụ 2.1.");
        assertThat(data.path("number").asText()).isEqualTo("12/TTr-SVHTTDL");
        assertThat(db.jdbc().queryForMap("select state from ttdn.plan_amendment where id = ?", amendmentId))
                .containsEntry("state", "DRAFTING");
        assertThat(db.jdbc().queryForList("select step || ':' || outcome from ttdn.amendment_step where amendment_id = ? "
                + "order by id", String.class, amendmentId))
                .containsExactly("START:STARTED", "SUBMIT:SUBMITTED", "DIRECTOR:RETURNED");

        // when the officer resubmits without the dropped task, and the director signs
        prepare(planId, List.of(second));
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "approve"));

        // then the proposal left out waits for a later amendment, the other goes to the UBND
        assertThat(db.jdbc().queryForMap("select state, amendment_id from ttdn.amendment_proposal where id = ?", first))
                .containsEntry("state", "PROPOSED").containsEntry("amendment_id", null);
        assertThat(form(planId, "userTask_decideAmendment", UBND_LEADER).path("data").path("decisions")).hasSize(1);
        assertThat(ended(amendmentId)).isFalse();
        assertThat(passed(amendmentId)).containsSubsequence("userTask_prepareAmendment", "userTask_signAmendment",
                "userTask_prepareAmendment", "userTask_signAmendment").doesNotContain("userTask_decideAmendment");
    }

    @Test
    void whoPreparedTheTờTrìnhMayNotSignItNorDecideIt() throws Exception {
        // a head of unit of the Sở VHTTDL who is both its officer and its leader
        directory.savePerson("tp.svhttdl.qng", "Trần Thị Trưởng", "Trưởng phòng Thông tin đối ngoại", "QNG-SVHTTDL",
                null, "{noop}unused", Set.of(Role.OFFICER, Role.LEADER));
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-5", "qng");
        long change = propose(planId, "tp.svhttdl.qng", Map.of("kind", "CHANGE", "taskNumber", "2.3",
                "content", "Giám sát, kiểm tra hoạt động thông tin đối ngoại trên không gian mạng.", "reason", "Cập nhật."));
        long amendmentId = start(planId, List.of(change), "tp.svhttdl.qng").path("id").asLong();
        prepare(planId, List.of(change), "tp.svhttdl.qng");

        // when they try to sign what they prepared
        String sign = chain.task(planId, "userTask_signAmendment", "tp.svhttdl.qng");
        Answer claim = chain.post("/api/tasks/" + sign + "/claim", "tp.svhttdl.qng", null);

        // then they may not, and nothing was recorded
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.body().path("errors").get(0).path("code").asText()).isEqualTo("amendment.ownDraft");
        assertThat(claim.body().path("errors").get(0).path("text").asText()).contains("không được ký");
        assertThat(engine.getTaskService().createTaskQuery().taskId(sign).singleResult().getAssignee()).isNull();
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.amendment_step where amendment_id = ? and "
                + "step = 'DIRECTOR'", Integer.class, amendmentId)).isZero();
        // and the journal keeps the director who signs from deciding
        chain.act(planId, "userTask_signAmendment", DIRECTOR, Map.of("decision", "approve"));
        assertThat(chain.post("/api/tasks/" + chain.task(planId, "userTask_decideAmendment", UBND_LEADER) + "/claim",
                UBND_LEADER, null).status()).isEqualTo(200);
    }

    @Test
    void badProposalsAndBodiesTheTaskDoesNotNameAreRefusedAndWriteNothing() throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-6", "qng");
        int proposals = db.count("amendment_proposal");

        // a change without reason to a task the plan lacks; a new task for an unknown body
        Answer bad = chain.post("/api/plans/" + planId + "/amendment-proposals", OFFICER,
                Map.of("kind", "CHANGE", "taskNumber", "9.9", "content", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("path")).contains("reason", "taskNumber");
        assertThat(bad.body().path("errors").findValuesAsText("code")).contains("amendment.reasonRequired",
                "amendment.unknownTask");
        Answer unknownBody = chain.post("/api/plans/" + planId + "/amendment-proposals", OFFICER, Map.of("kind", "ADD",
                "groupNumber", "2", "content", "Nhiệm vụ mới", "lead", List.of("QNG-XYZ"), "reason", "Vì sao"));
        assertThat(unknownBody.status()).isEqualTo(400);
        assertThat(unknownBody.body().path("errors").get(0).path("path").asText()).isEqualTo("lead[0]");
        assertThat(unknownBody.body().path("errors").get(0).path("code").asText()).isEqualTo("plan.unknownBody");
        Answer noChange = chain.post("/api/plans/" + planId + "/amendment-proposals", LABOUR_OFFICER, Map.of(
                "kind", "REASSIGN", "taskNumber", "2.2", "lead", List.of(LABOUR), "reason", "Không đổi"));
        assertThat(noChange.status()).isEqualTo(400);
        assertThat(noChange.body().path("errors").findValuesAsText("code")).contains("amendment.noChange");
        Answer kind = chain.post("/api/plans/" + planId + "/amendment-proposals", OFFICER, Map.of("kind", "MERGE",
                "reason", "?"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body().path("errors").findValuesAsText("code")).containsExactly("amendment.kind");

        // the Sở Ngoại vụ on the Sở LĐTBXH's task; a body of another province; a draft plan
        Answer notItsTask = chain.post("/api/plans/" + planId + "/amendment-proposals", FOREIGN_OFFICER, Map.of(
                "kind", "DROP", "taskNumber", "2.2", "reason", "Không cần"));
        assertThat(notItsTask.status()).isEqualTo(403);
        assertThat(notItsTask.body().path("errors").get(0).path("code").asText()).isEqualTo("amendment.notYourTask");
        assertThat(chain.post("/api/plans/" + planId + "/amendment-proposals", "cv.svhttdl.nth", Map.of(
                "kind", "DROP", "taskNumber", "2.2", "reason", "Không cần")).status()).isEqualTo(403);
        long draft = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-6-DT");
        Answer onDraft = chain.post("/api/plans/" + draft + "/amendment-proposals", "cv.stttt.qng", Map.of(
                "kind", "DROP", "taskNumber", "2.2", "reason", "Không cần"));
        assertThat(onDraft.status()).isEqualTo(409);
        assertThat(onDraft.body().path("errors").get(0).path("code").asText()).isEqualTo("plan.wrongStatus");
        assertThat(db.count("amendment_proposal")).isEqualTo(proposals);

        // an amendment started by a body that does not consolidate, with nothing, or with a stranger's proposal
        long own = propose(planId, LABOUR_OFFICER, Map.of("kind", "DROP", "taskNumber", "2.2", "reason", "Đã xong."));
        Answer notConsolidating = chain.post("/api/plans/" + planId + "/amendments", LABOUR_OFFICER,
                Map.of("proposalIds", List.of(own)));
        assertThat(notConsolidating.status()).isEqualTo(403);
        assertThat(notConsolidating.body().path("errors").get(0).path("code").asText())
                .isEqualTo("amendment.notConsolidating");
        Answer empty = chain.post("/api/plans/" + planId + "/amendments", OFFICER, Map.of("proposalIds", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").get(0).path("code").asText()).isEqualTo("amendment.noProposals");
        Answer unknown = chain.post("/api/plans/" + planId + "/amendments", OFFICER,
                Map.of("proposalIds", List.of(own, 999_999)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("path").asText()).isEqualTo("proposalIds[1]");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan_amendment where plan_id = ?", Integer.class,
                planId)).isZero();
        assertThat(db.jdbc().queryForObject("select state from ttdn.amendment_proposal where id = ?", String.class, own))
                .isEqualTo("PROPOSED");

        // one amendment at a time
        start(planId, List.of(own));
        long another = propose(planId, OFFICER, Map.of("kind", "DROP", "taskNumber", "2.1", "reason", "Đã xong."));
        Answer running = chain.post("/api/plans/" + planId + "/amendments", OFFICER, Map.of("proposalIds",
                List.of(another)));
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.body().path("errors").get(0).path("code").asText()).isEqualTo("amendment.running");
        // and the lists read back
        assertThat(Chain.ok(chain.get("/api/plans/" + planId + "/amendment-proposals", LABOUR_OFFICER)).body())
                .hasSize(2);
        assertThat(Chain.ok(chain.get("/api/plans/" + planId + "/amendments", "kiemtoan")).body()).hasSize(1);
    }

    @Test
    void theSectionOfThePlanPageProposesAChangeAndStartsTheAmendment() throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-AMEND-7", "qng");
        int before = db.count("amendment_proposal");

        // the Sở LĐTBXH's officer sends the form without a reason, then with one
        var session = pages.login(LABOUR_OFFICER);
        var page = pages.page("/ke-hoach/" + planId, session);
        assertThat(page.getElementById("proposal-form")).isNotNull();
        assertThat(page.getElementById("amendment-start-form")).isNull();
        Map<String, List<String>> reassign = new HashMap<>(Map.of("kind", List.of("REASSIGN"),
                "taskNumber", List.of("2.2"), "lead", List.of(FOREIGN), "reason", List.of("")));
        var refused = pages.submit(page, "proposal-form", session, reassign);
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("/ke-hoach/" + planId + "#amendments-panel");
        assertThat(pages.page("/ke-hoach/" + planId, session).getElementById("amendment-error").text())
                .contains("lý do");
        assertThat(db.count("amendment_proposal")).isEqualTo(before);
        reassign.put("reason", List.of("Chức năng đã chuyển giao."));
        pages.submit(pages.page("/ke-hoach/" + planId, session), "proposal-form", session, reassign);
        var shown = pages.page("/ke-hoach/" + planId, session);
        assertThat(shown.getElementById("amendment-notice")).isNotNull();
        assertThat(shown.select("#proposals-table tbody tr")).hasSize(1);
        long id = db.jdbc().queryForObject("select id from ttdn.amendment_proposal where plan_id = ?", Long.class, planId);

        // the consolidating officer chooses it and lands on the Tờ trình task, which shows it
        var officer = pages.login(OFFICER);
        var started = pages.submit(pages.page("/ke-hoach/" + planId, officer), "amendment-start-form", officer,
                Map.of("proposalIds", List.of(String.valueOf(id))));
        String task = started.getResponse().getRedirectedUrl();
        assertThat(task).startsWith("/viec/");
        assertThat(pages.page(task, officer).getElementById("task-form")).isNotNull();
        assertThat(db.jdbc().queryForObject("select state from ttdn.amendment_proposal where id = ?", String.class, id))
                .isEqualTo("INCLUDED");
        assertThat(pages.page("/ke-hoach/" + planId, officer).getElementById("amendment-running")).isNotNull();
    }

    private long propose(long planId, String user, Map<String, Object> proposal) throws Exception {
        Answer answer = chain.post("/api/plans/" + planId + "/amendment-proposals", user, proposal);
        assertThat(answer.status()).as("proposal %s: %s", proposal, answer).isEqualTo(201);
        assertThat(answer.body().path("state").asText()).isEqualTo("PROPOSED");
        return answer.body().path("id").asLong();
    }

    private JsonNode start(long planId, List<Long> proposals) throws Exception {
        return start(planId, proposals, OFFICER);
    }

    private JsonNode start(long planId, List<Long> proposals, String user) throws Exception {
        Answer answer = chain.post("/api/plans/" + planId + "/amendments", user, Map.of("proposalIds", proposals));
        assertThat(answer.status()).as("start: %s", answer).isEqualTo(201);
        return answer.body();
    }

    private void prepare(long planId, List<Long> keep) throws Exception {
        prepare(planId, keep, OFFICER);
    }

    /** The Tờ trình with the proposals kept; its task is the starter's already. */
    private void prepare(long planId, List<Long> keep, String user) throws Exception {
        String task = chain.task(planId, "userTask_prepareAmendment", user);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("proposalIds", keep.stream().map(String::valueOf).toList());
        values.put("number", "12/TTr-SVHTTDL");
        values.put("dated", "2026-12-01");
        values.put("summary", "Tổng hợp đề xuất điều chỉnh Kế hoạch 116/KH-UBND của các cơ quan.");
        Chain.ok(chain.post("/api/tasks/" + task + "/claim", user, null));
        Chain.ok(chain.post("/api/tasks/" + task + "/complete", user, values));
    }

    /** The leader decides each proposal in order: "approve", or "reject" with a reason. */
    private void decide(long planId, String leader, String... verdicts) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String verdict : verdicts) {
            Map<String, Object> row = new HashMap<>();
            row.put("verdict", verdict);
            if (verdict.equals("reject")) {
                row.put("verdictReason", "Chưa phù hợp với điều kiện của tỉnh.");
            }
            rows.add(row);
        }
        chain.act(planId, "userTask_decideAmendment", leader, Map.of("decisions", rows));
    }

    private JsonNode form(long planId, String taskKey, String user) throws Exception {
        return Chain.ok(chain.get("/api/tasks/" + chain.task(planId, taskKey, user) + "/form", user)).body();
    }

    private List<String> states(long planId) {
        return db.jdbc().queryForList("select state from ttdn.amendment_proposal where plan_id = ?", String.class,
                planId);
    }

    private long openRoundOn(long planId, String task) throws Exception {
        return rounds.open(planId, OFFICER, Map.of("kind", "adhoc", "deadline", "2026-12-18", "tasks", List.of(task)))
                .path("id").asLong();
    }

    private Integer roundVersion(long roundId) {
        return db.jdbc().queryForObject("select plan_version from ttdn.report_round where id = ?", Integer.class,
                roundId);
    }

    /** The content of the (only) task the body's report form opens with in that round. */
    private String draftContent(long planId, long roundId, String body, String officer) throws Exception {
        String id = null;
        for (JsonNode t : Chain.ok(chain.get("/api/tasks?round=" + roundId, officer)).body().path("items")) {
            if (t.path("roundId").asLong() == roundId && t.path("bodyCode").asText().equals(body)
                    && t.path("taskKey").asText().equals("userTask_draftReport")) {
                id = t.path("id").asText();
            }
        }
        assertThat(id).as("draft task of %s in round %s", body, roundId).isNotNull();
        JsonNode rows = rounds.form(id, officer).path("data").path("tasks");
        assertThat(rows).hasSize(1);
        return rows.get(0).path("taskContent").asText();
    }

    /** The activities the amendment's instance has passed, in order, read from history. */
    private List<String> passed(long amendmentId) {
        HistoricProcessInstance instance = instanceHistory(amendmentId);
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .finished().orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()
                .stream().map(a -> a.getActivityId()).toList();
    }

    private boolean ended(long amendmentId) {
        return instanceHistory(amendmentId).getEndTime() != null;
    }

    private HistoricProcessInstance instanceHistory(long amendmentId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("plan-amendment")
                .processInstanceBusinessKey("amendment-" + amendmentId).singleResult();
    }

    private static List<String> codes(JsonNode round) {
        List<String> codes = new ArrayList<>();
        round.path("bodies").forEach(b -> codes.add(b.path("code").asText()));
        return codes;
    }
}
