package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.ProcessVersions;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * An administrator's changes to a running report: a move from the officer's draft to the leader's
 * approval, and a migration to a second deployed version of {@code agency-report}. Each preview
 * changes nothing in the engine's runtime tables nor in the audit record; each change is done,
 * audited with its reason, and leaves an instance that runs on. Supervisors may do neither.
 */
@WebTest
@ExtendWith(EngineClock.class)
class InstanceModificationsTest {

    private static final String SNGV = "QNG-SNGV";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    private record Report(long planId, long roundId, String instanceId) {
    }

    private Report report(String code) throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, code, "qng");
        db.awaitIssuanceHandled(planId);
        long roundId = rounds.open(planId, "cv.svhttdl.qng", Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.3"), "bodies", List.of(SNGV))).path("id").asLong();
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'agency-report'", String.class, roundId);
        return new Report(planId, roundId, instance);
    }

    private Task openTask(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    @Test
    void aMovePreviewTellsWhatWouldBeCancelledAndStartedAndChangesNothing() throws Exception {
        // given
        Report r = report("QNG-TEST-MOVE-PREVIEW");
        Task draft = openTask(r.instanceId());
        Map<String, List<String>> before = db.engineRuntimeRows();
        long audits = db.lastAuditEvent();

        // when
        Chain.Answer preview = chain.post("/api/instances/" + r.instanceId() + "/move", "admin", Map.of(
                "fromActivityId", "userTask_draftReport", "toActivityId", "userTask_leaderApproval", "preview", true));

        // then
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode body = preview.body();
        assertThat(body.path("preview").asBoolean()).isTrue();
        assertThat(body.path("from").path("name").asText()).isEqualTo("Soạn báo cáo kết quả thực hiện");
        assertThat(body.path("to").path("name").asText()).isEqualTo("Lãnh đạo cơ quan duyệt báo cáo");
        assertThat(body.path("cancelledTasks").findValuesAsText("id")).containsExactly(draft.getId());
        assertThat(body.path("targetWaits").asBoolean()).isTrue();
        assertThat(db.engineRuntimeRows()).isEqualTo(before);
        assertThat(db.auditEventsAfter(audits)).isEmpty();

        // and a step the instance does not stand at, or one the model does not have, is refused
        Chain.Answer wrong = chain.post("/api/instances/" + r.instanceId() + "/move", "admin", Map.of(
                "fromActivityId", "userTask_receiveReport", "toActivityId", "noSuchStep", "preview", true));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").findValuesAsText("path")).containsExactly("fromActivityId", "toActivityId");
    }

    @Test
    void aMoveCancelsTheStepStartsTheTargetAndIsAudited() throws Exception {
        // given
        Report r = report("QNG-TEST-MOVE");
        Task draft = openTask(r.instanceId());

        // when: a supervisor tries, then the administrator
        Chain.Answer supervisor = chain.post("/api/instances/" + r.instanceId() + "/move", "giamsat", Map.of(
                "fromActivityId", "userTask_draftReport", "toActivityId", "userTask_leaderApproval",
                "reason", "Chuyển", "preview", false));
        Chain.Answer moved = chain.post("/api/instances/" + r.instanceId() + "/move", "admin", Map.of(
                "fromActivityId", "userTask_draftReport", "toActivityId", "userTask_leaderApproval",
                "reason", "Báo cáo đã gửi bằng văn bản giấy; chuyển sang lãnh đạo duyệt", "preview", false));

        // then
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.body().path("activeAfter").findValuesAsText("activityId"))
                .containsExactly("userTask_leaderApproval");
        Task leader = openTask(r.instanceId());
        assertThat(leader.getTaskDefinitionKey()).isEqualTo("userTask_leaderApproval");
        assertThat(engine.getTaskService().getIdentityLinksForTask(leader.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("leader." + SNGV));
        assertThat(engine.getTaskService().createTaskQuery().taskId(draft.getId()).singleResult()).isNull();
        assertThat(rounds.task(r.planId(), "userTask_leaderApproval", SNGV, "ld.qng-sngv")).isEqualTo(leader.getId());
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.INSTANCE_MOVED, r.instanceId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "admin").containsEntry("activity_id", "userTask_leaderApproval");
        JsonNode details = json.readTree((String) audit.get(0).get("details"));
        assertThat(details.path("reason").asText()).isEqualTo("Báo cáo đã gửi bằng văn bản giấy; chuyển sang lãnh đạo duyệt");
        assertThat(details.path("from").asText()).isEqualTo("userTask_draftReport");
        assertThat(details.path("to").asText()).isEqualTo("userTask_leaderApproval");
        assertThat(details.path("cancelledTasks").get(0).asText()).isEqualTo(draft.getId());
    }

    @Test
    void aMigrationPreviewChangesNothingAndTheMigrationMovesTheInstanceToTheNewVersion() throws Exception {
        // given a running report on the current version, and a second version of agency-report deployed
        Report r = report("QNG-TEST-MIGRATE");
        Task draft = openTask(r.instanceId());
        ProcessDefinition current = definitionOf(r.instanceId());
        ProcessDefinition next = ProcessVersions.deployAgain(engine, "agency-report");
        Map<String, Object> migration = Map.of("processKey", "agency-report", "fromVersion", current.getVersion(),
                "toVersion", next.getVersion(), "instanceIds", List.of(r.instanceId()));
        Map<String, List<String>> before = db.engineRuntimeRows();
        long audits = db.lastAuditEvent();

        // when previewed
        Chain.Answer preview = chain.post("/api/migrations", "admin", migration);

        // then it tells where the instance would stand, and nothing changed
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().path("preview").asBoolean()).isTrue();
        assertThat(preview.body().path("valid").asBoolean()).isTrue();
        assertThat(preview.body().path("toDefinitionId").asText()).isEqualTo(next.getId());
        JsonNode line = preview.body().path("instances").get(0);
        assertThat(line.path("instanceId").asText()).isEqualTo(r.instanceId());
        assertThat(line.path("planCode").asText()).isEqualTo("QNG-TEST-MIGRATE");
        assertThat(line.path("before").findValuesAsText("activityId")).containsExactly("userTask_draftReport");
        assertThat(line.path("after").findValuesAsText("activityId")).containsExactly("userTask_draftReport");
        assertThat(db.engineRuntimeRows()).isEqualTo(before);
        assertThat(db.auditEventsAfter(audits)).isEmpty();
        assertThat(definitionOf(r.instanceId()).getId()).isEqualTo(current.getId());

        // when a supervisor asks, then the administrator without a reason, then with one
        Map<String, Object> run = new java.util.HashMap<>(migration);
        run.put("preview", false);
        Chain.Answer supervisor = chain.post("/api/migrations", "giamsat", run);
        Chain.Answer noReason = chain.post("/api/migrations", "admin", run);
        run.put("reason", "Phiên bản mới của quy trình báo cáo");
        Chain.Answer done = chain.post("/api/migrations", "admin", run);

        // then only the last migrates: the instance runs on the new version, its task and form unchanged
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("path").asText()).isEqualTo("reason");
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().path("preview").asBoolean()).isFalse();
        assertThat(definitionOf(r.instanceId()).getId()).isEqualTo(next.getId());
        Task migrated = openTask(r.instanceId());
        assertThat(migrated.getId()).isEqualTo(draft.getId());
        assertThat(migrated.getProcessDefinitionId()).isEqualTo(next.getId());
        Chain.ok(chain.post("/api/tasks/" + migrated.getId() + "/claim", "cv.qng-sngv", null));
        JsonNode form = Chain.ok(chain.get("/api/tasks/" + migrated.getId() + "/form", "cv.qng-sngv")).body();
        assertThat(form.path("schema").path("id").asText()).isEqualTo("agency-report");
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.INSTANCE_MIGRATED, r.instanceId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "admin");
        JsonNode details = json.readTree((String) audit.get(0).get("details"));
        assertThat(details.path("reason").asText()).isEqualTo("Phiên bản mới của quy trình báo cáo");
        assertThat(details.path("fromVersion").asInt()).isEqualTo(current.getVersion());
        assertThat(details.path("toVersion").asInt()).isEqualTo(next.getVersion());

        // and the report goes on to the leader on the new version
        rounds.draft(r.planId(), SNGV, "cv.qng-sngv", "Đã triển khai");
        assertThat(openTask(r.instanceId()).getTaskDefinitionKey()).isEqualTo("userTask_leaderApproval");
    }

    @Test
    void aMigrationToAVersionThatDoesNotExistOrOfAnInstanceOfAnotherVersionIsRefused() throws Exception {
        Report r = report("QNG-TEST-MIGRATE-BAD");
        ProcessDefinition current = definitionOf(r.instanceId());

        Chain.Answer unknown = chain.post("/api/migrations", "admin", Map.of("processKey", "agency-report",
                "fromVersion", current.getVersion(), "toVersion", 999, "preview", true));
        Chain.Answer same = chain.post("/api/migrations", "admin", Map.of("processKey", "agency-report",
                "fromVersion", current.getVersion(), "toVersion", current.getVersion(),
                "instanceIds", List.of("not-an-instance"), "preview", true));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").findValuesAsText("path")).containsExactly("toVersion");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body().path("errors").findValuesAsText("path")).containsExactly("instanceIds[0]", "toVersion");
    }

    private ProcessDefinition definitionOf(String instanceId) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
    }
}
