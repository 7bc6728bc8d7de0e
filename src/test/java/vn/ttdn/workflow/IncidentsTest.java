package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Api;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/**
 * A job that keeps failing becomes an incident: listed with its error, its instance and plan, the
 * step and since when, to the supervisors of its plan, administrators and auditors; retried by a
 * supervisor with a reason (one retry, due now, the incident resolved, the retry audited); refused
 * to an auditor and to a supervisor of other plans, with nothing changed.
 */
@WebTest
class IncidentsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Chain chain;
    @Autowired
    Api api;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    ObjectMapper json;

    /** An instance of the test-only process on a plan, its send job failed until no retry is left. */
    private String failedInstance(long planId) throws Exception {
        try (InputStream model = getClass().getResourceAsStream("/test-processes/failing-job.bpmn")) {
            engine.getRepositoryService().createDeployment().name("test-failing-job")
                    .addInputStream("failing-job.bpmn", model).deploy();
        }
        String instanceId = engine.getRuntimeService().startProcessInstanceByKey("test-failing-job", "test-incident",
                Map.of("planId", planId)).getId();
        for (int attempt = 0; attempt < 10; attempt++) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceId).singleResult();
            if (job.getRetries() == 0) {
                return instanceId;
            }
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the step's work fails, as it always does
            }
        }
        throw new AssertionError("The job of " + instanceId + " never ran out of retries");
    }

    private Incident incidentOf(String instanceId) {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(instanceId).singleResult();
    }

    private JsonNode listed(String user, String instanceId) throws Exception {
        for (JsonNode i : Chain.ok(chain.get("/api/incidents", user)).body()) {
            if (i.path("instanceId").asText().equals(instanceId)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void aFailedJobIsListedWithItsErrorAndPlanAndRetriedByASupervisorWithAReason() throws Exception {
        // given
        long planId = api.idOf("QNG-KH-116");
        String instanceId = failedInstance(planId);
        Incident incident = incidentOf(instanceId);
        assertThat(incident).isNotNull();

        // then it is listed, to the supervisor and to the auditor
        JsonNode line = listed("giamsat", instanceId);
        assertThat(line).isNotNull();
        assertThat(line.path("id").asText()).isEqualTo(incident.getId());
        assertThat(line.path("type").asText()).isEqualTo("failedJob");
        assertThat(line.path("message").asText()).contains("noSuchMailGateway");
        assertThat(line.path("activityId").asText()).isEqualTo("serviceTask_sendNotice");
        assertThat(line.path("activityName").asText()).isEqualTo("Gửi thông báo");
        assertThat(line.path("planCode").asText()).isEqualTo("QNG-KH-116");
        assertThat(line.path("processKey").asText()).isEqualTo("test-failing-job");
        assertThat(line.path("retries").asInt()).isZero();
        assertThat(line.path("since").asText()).isNotBlank();
        assertThat(listed("kiemtoan", instanceId)).isNotNull();

        // when retried without a reason, then with one
        Chain.Answer noReason = chain.post("/api/incidents/" + incident.getId() + "/retry", "giamsat", Map.of());
        Chain.Answer retried = chain.post("/api/incidents/" + incident.getId() + "/retry", "giamsat",
                Map.of("reason", "Đã cấu hình lại máy chủ thư"));

        // then the job has a retry, due, the incident is resolved, and the retry is in the record
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("path").asText()).isEqualTo("reason");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceId).singleResult();
        assertThat(job.getRetries()).isEqualTo(1);
        assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
        assertThat(incidentOf(instanceId)).isNull();
        assertThat(listed("giamsat", instanceId)).isNull();
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.INCIDENT_RETRIED, instanceId);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "giamsat").containsEntry("plan_id", planId)
                .containsEntry("activity_id", "serviceTask_sendNotice");
        JsonNode details = json.readTree((String) audit.get(0).get("details"));
        assertThat(details.path("reason").asText()).isEqualTo("Đã cấu hình lại máy chủ thư");
        assertThat(details.path("jobId").asText()).isEqualTo(job.getId());
        assertThat(details.path("incidentId").asText()).isEqualTo(incident.getId());

        // and when the job fails once more, the incident is back
        try {
            engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
            // still failing
        }
        assertThat(incidentOf(instanceId)).isNotNull();
    }

    @Test
    void anAuditorAndASupervisorOfOtherPlansMayNotRetryAndNothingChanges() throws Exception {
        // given
        directory.savePerson("gs.ubnd.ndh", "Đinh Văn Khải", "Cán bộ giám sát UBND tỉnh Nam Định", "NDH-UBND", null,
                "{noop}unused", Set.of(Role.SUPERVISOR));
        String instanceId = failedInstance(api.idOf("QNG-KH-116"));
        Incident incident = incidentOf(instanceId);
        Map<String, List<String>> before = db.engineRuntimeRows();
        long audits = db.lastAuditEvent();

        // when
        Chain.Answer auditor = chain.post("/api/incidents/" + incident.getId() + "/retry", "kiemtoan",
                Map.of("reason", "Thử lại"));
        Chain.Answer outside = chain.post("/api/incidents/" + incident.getId() + "/retry", "gs.ubnd.ndh",
                Map.of("reason", "Thử lại"));
        Chain.Answer unknown = chain.post("/api/incidents/no-such-incident/retry", "giamsat",
                Map.of("reason", "Thử lại"));

        // then
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(listed("gs.ubnd.ndh", instanceId)).isNull();
        assertThat(db.engineRuntimeRows()).isEqualTo(before);
        assertThat(db.auditEventsAfter(audits)).isEmpty();
        assertThat(incidentOf(instanceId)).isNotNull();
    }
}
