package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * A real delegate that keeps failing: the consolidated report's sending ({@code sendConsolidation},
 * {@code R3/PT10M} in round-consolidation.bpmn), its files refused by the database each time. It is
 * tried three times, ten minutes apart, then becomes an incident that supervisors see in the
 * incidents list ({@code /api/incidents} and {@code /giam-sat/su-co}, its message the database's refusal),
 * on the instance in {@code /api/instances} and on {@code /giam-sat}; once the cause
 * is gone a supervisor retries it and the report goes out.
 */
@WebTest
@ExtendWith(EngineClock.class)
class FailingDelegateIncidentTest {

    private static final String OFFICER = "cv.svhttdl.dlk";
    private static final String LEADER = "ld.svhttdl.dlk";
    private static final String CONSOLIDATING = "DLK-SVHTTDL";
    private static final String REFUSAL = "kho tệp không nhận tệp (thử nghiệm sự cố)";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Pages pages;

    @AfterEach
    void removeTheFault() {
        db.jdbc().execute("drop trigger if exists test_refuse_consolidated_file on ttdn.consolidated_file");
        db.jdbc().execute("drop function if exists ttdn.test_refuse_consolidated_file()");
    }

    @Test
    void aSendingThatKeepsFailingIsTriedThreeTimesThenAnIncidentSupervisorsSeeAndRetry() throws Exception {
        // given a round's consolidated report approved, its sending job due, and its files refused by the database
        long planId = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-FAULT-INCIDENT", "dlk");
        long roundId = rounds.open(planId, OFFICER, Map.of("kind", "adhoc", "deadline", "2026-12-18"))
                .path("id").asLong();
        rounds.runJobs(roundId);
        rounds.fireTimer(roundId, "boundaryEvent_overdue");
        String draft = rounds.task(planId, "userTask_draftConsolidation", CONSOLIDATING, OFFICER);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", OFFICER, null));
        Chain.ok(chain.post("/api/tasks/" + draft + "/complete", OFFICER, narrative(rounds.form(draft, OFFICER))));
        rounds.decide(planId, "userTask_approveConsolidation", CONSOLIDATING, LEADER, null);
        ProcessInstance consolidation = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("round-consolidation").processInstanceBusinessKey("round-" + roundId
                        + "-consolidation").singleResult();
        db.jdbc().execute("create function ttdn.test_refuse_consolidated_file() returns trigger language plpgsql as "
                + "$$ begin raise exception '" + REFUSAL + "'; end $$");
        db.jdbc().execute("create trigger test_refuse_consolidated_file before insert on ttdn.consolidated_file "
                + "for each row when (new.round_id = " + roundId + ") execute function ttdn.test_refuse_consolidated_file()");

        // when the job executor runs the job each time it is due
        int attempts = 0;
        Job job = sendingJob(consolidation);
        while (job.getRetries() > 0) {
            if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            Date failedAt = ClockUtil.getCurrentTime();
            String jobId = job.getId();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).hasStackTraceContaining(REFUSAL);
            attempts++;
            job = sendingJob(consolidation);
            if (job.getRetries() > 0) {
                // then the next attempt waits ten minutes
                assertThat(Duration.between(failedAt.toInstant(), job.getDuedate().toInstant()))
                        .isEqualTo(Duration.ofMinutes(10));
            }
        }

        // then it ran three times, nothing was sent, and it is an incident
        assertThat(attempts).isEqualTo(3);
        assertThat(db.jdbc().queryForObject("select state from ttdn.consolidated_report where round_id = ?",
                String.class, roundId)).isEqualTo("APPROVED");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.consolidated_file where round_id = ?",
                Integer.class, roundId)).isZero();
        JsonNode incident = incidentOf(consolidation.getId());
        assertThat(incident).as("the incident in /api/incidents").isNotNull();
        assertThat(incident.path("activityId").asText()).isEqualTo("serviceTask_sendConsolidation");
        assertThat(incident.path("activityName").asText()).isEqualTo("Gửi báo cáo tổng hợp kèm tệp");
        assertThat(incident.path("message").asText()).contains(REFUSAL);
        assertThat(incident.path("retries").asInt()).isZero();
        assertThat(incident.path("planId").asLong()).isEqualTo(planId);

        // and the supervisor sees it on the instance, in the counts and on the dashboard
        JsonNode listed = Chain.ok(chain.get("/api/instances?plan=" + planId + "&size=100", "giamsat")).body();
        assertThat(listed.path("counts").path("withIncident").asInt()).isPositive();
        JsonNode row = null;
        for (JsonNode item : listed.path("items")) {
            if (item.path("instanceId").asText().equals(consolidation.getId())) {
                row = item;
            }
        }
        assertThat(row).as("the consolidation in /api/instances").isNotNull();
        assertThat(row.path("incidents").asInt()).isEqualTo(1);
        Document dashboard = pages.page("/giam-sat?plan=" + planId, "giamsat");
        assertThat(dashboard.getElementById("count-incidents").attr("data-count"))
                .isEqualTo(listed.path("counts").path("withIncident").asText());
        Document list = pages.page("/giam-sat/su-co", "giamsat");
        Element listedIncident = list.getElementById("incident-" + incident.path("id").asText());
        assertThat(listedIncident).as("the incident on /giam-sat/su-co").isNotNull();
        assertThat(listedIncident.attr("data-instance-id")).isEqualTo(consolidation.getId());
        assertThat(listedIncident.select(".incident-message").text()).contains(REFUSAL);
        assertThat(listedIncident.getElementById("retry-form-" + incident.path("id").asText()))
                .as("the supervisor's retry form").isNotNull();

        // when the cause is gone and the supervisor retries it, and the job executor runs it
        removeTheFault();
        Chain.Answer retried = chain.post("/api/incidents/" + incident.path("id").asText() + "/retry", "giamsat",
                Map.of("reason", "Kho tệp đã hoạt động lại"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        rounds.runConsolidationJobs(roundId);

        // then the report is sent with its files, the consolidation ended, and no incident is left
        assertThat(db.jdbc().queryForObject("select state from ttdn.consolidated_report where round_id = ?",
                String.class, roundId)).isEqualTo("SENT");
        assertThat(db.jdbc().queryForList("select format from ttdn.consolidated_file where round_id = ? order by format",
                String.class, roundId)).containsExactly("docx", "pdf", "xlsx");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(consolidation.getId())
                .singleResult()).isNull();
        assertThat(incidentOf(consolidation.getId())).isNull();
        assertThat(db.auditEvents("incident.retried", consolidation.getId())).hasSize(1);
    }

    private Job sendingJob(ProcessInstance consolidation) {
        return engine.getManagementService().createJobQuery().processInstanceId(consolidation.getId())
                .activityId("serviceTask_sendConsolidation").singleResult();
    }

    private JsonNode incidentOf(String instanceId) throws Exception {
        for (JsonNode i : Chain.ok(chain.get("/api/incidents", "giamsat")).body()) {
            if (i.path("instanceId").asText().equals(instanceId)) {
                return i;
            }
        }
        return null;
    }

    /** The narrative the form opens with, each part given words where it is blank. */
    private static Map<String, Object> narrative(JsonNode form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String part : List.of("achievements", "shortcomings", "causes", "directions", "recommendations")) {
            String words = form.path("data").path(part).asText();
            values.put(part, words.isBlank() ? "Nội dung phần này của báo cáo tổng hợp." : words);
        }
        return values;
    }
}
