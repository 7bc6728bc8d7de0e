package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The paths of {@code report-round} and {@code agency-report}, driven through the API as the demo
 * users with the engine's clock set to December 2026: who is asked (successors in place of ended
 * bodies), on time, returned by the leader, sent back and received, late, a requested body silent,
 * closed with what is missing; the order of activities and what the database keeps.
 */
@WebTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class ReportRoundProcessTest {

    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String UBND = "QNG-UBND";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void assertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void anAdHocRoundAsksTheSuccessorsAndIsReadyOnceEveryAssignedBodyIsIn() throws Exception {
        // given an issued copy of Quảng Ngãi's plan, whose Sở TT&TT and district UBNDs ended in 2025
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-ROUND-1", "qng");

        // when its consolidating body opens an ad-hoc round on tasks 2.2 and 2.3 for two bodies
        JsonNode round = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "label", "Sơ kết quý IV",
                "deadline", "2026-12-18", "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, "QNG-UBND-LYSON")));
        long roundId = round.path("id").asLong();

        // then the Sở VHTTDL consolidates in place of the Sở TT&TT and the province's UBND reports for the districts
        JsonNode view = rounds.round(roundId, CONSOLIDATING);
        assertThat(view.path("status").asText()).isEqualTo("open");
        assertThat(view.path("consolidatingBody").path("code").asText()).isEqualTo("QNG-SVHTTDL");
        assertThat(view.path("consolidatingBody").path("replaces").path("code").asText()).isEqualTo("QNG-STTTT");
        assertThat(codes(view)).containsExactly(LABOUR, UBND);
        JsonNode ubnd = line(view, UBND);
        assertThat(ubnd.path("replaces").path("code").asText()).startsWith("QNG-UBND-");
        assertThat(ubnd.path("kind").asText()).isEqualTo("assigned");
        assertThat(ubnd.path("tasks").findValuesAsText("number")).containsExactly("2.3");
        assertThat(line(view, LABOUR).path("tasks").findValuesAsText("number")).contains("2.2");
        ProcessInstance instance = rounds.instance(roundId);
        assertThat(instance).isWaitingAt("callActivity_agencyReports")
                .hasPassedInOrder("startEvent_roundScheduled", "timer_roundOpens", "serviceTask_openRound");
        // and the inbox says whom the UBND reports for
        assertThat(Chain.ok(chain.get("/api/tasks?round=" + roundId, "cv.qng-ubnd")).body().findValuesAsText("bodyReplaces"))
                .anyMatch(name -> name.startsWith("Ủy ban nhân dân các huyện"));

        // when the Sở LĐTBXH reports straight through
        rounds.draft(planId, LABOUR, "cv.qng-sldtbxh", "Đã triển khai Nghị định 152");
        rounds.decide(planId, "userTask_leaderApproval", LABOUR, "ld.qng-sldtbxh", null);
        rounds.decide(planId, "userTask_receiveReport", LABOUR, CONSOLIDATING, null);
        // and the UBND's leader returns its first draft, and the Sở VHTTDL sends the second back for more detail
        rounds.draft(planId, UBND, "cv.qng-ubnd", "Bản đầu");
        rounds.decide(planId, "userTask_leaderApproval", UBND, "pct.ubnd.qng", "Bổ sung số liệu các xã.");
        rounds.draft(planId, UBND, "cv.qng-ubnd", "Bản thứ hai");
        rounds.decide(planId, "userTask_leaderApproval", UBND, "pct.ubnd.qng", null);
        assertThat(rounds.round(roundId, CONSOLIDATING).path("status").asText()).isEqualTo("ready");
        assertThat(instance).isWaitingAt("callActivity_agencyReports", "callActivity_consolidation");
        rounds.decide(planId, "userTask_receiveReport", UBND, CONSOLIDATING, "Thiếu kết quả của các xã miền núi.");
        assertThat(line(rounds.round(roundId, CONSOLIDATING), UBND).path("status").asText()).isEqualTo("returned");
        rounds.draft(planId, UBND, "cv.qng-ubnd", "Bản thứ ba, đủ các xã");
        rounds.decide(planId, "userTask_leaderApproval", UBND, "pct.ubnd.qng", null);
        rounds.decide(planId, "userTask_receiveReport", UBND, CONSOLIDATING, null);
        rounds.runJobs(roundId);

        // then every report is received and final, each version kept, each numbered in its body's register
        view = rounds.round(roundId, CONSOLIDATING);
        assertThat(view.path("status").asText()).isEqualTo("ready");
        assertThat(view.path("counts").path("received").asInt()).isEqualTo(2);
        assertThat(line(view, LABOUR).path("reportNumber").asText()).matches("\\d+/BC-SLDTBXH");
        assertThat(line(view, UBND).path("reportNumber").asText()).matches("\\d+/BC-UBND");
        assertThat(line(view, UBND).path("version").asInt()).isEqualTo(3);
        assertThat(instance).isWaitingAt("callActivity_consolidation")
                .hasPassed("boundaryEvent_roundReady", "serviceTask_allReportsIn", "endEvent_allReportsReceived")
                .hasNotPassed("serviceTask_markLate", "boundaryEvent_roundClosed");
        assertThat(db.jdbc().queryForList("select step from ttdn.report_step where round_id = ? and body_code = ? "
                + "order by id", String.class, roundId, UBND)).containsExactly("DRAFTED", "RETURNED", "DRAFTED",
                "SUBMITTED", "SENT_BACK", "DRAFTED", "SUBMITTED", "RECEIVED");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.agency_report where round_id = ? and body_code = ?",
                Integer.class, roundId, UBND)).isEqualTo(3);
        assertThat(db.jdbc().queryForObject("select note from ttdn.report_step where round_id = ? and step = 'SENT_BACK'",
                String.class, roundId)).isEqualTo("Thiếu kết quả của các xã miền núi.");
        JsonNode report = Chain.ok(chain.get("/api/rounds/" + roundId + "/reports/" + UBND, CONSOLIDATING)).body();
        assertThat(report.path("versions")).hasSize(3);
        assertThat(report.path("versions").get(2).path("content").path("summary").asText())
                .isEqualTo("Bản thứ ba, đủ các xã");
    }

    @Test
    void theDeadlinePassingMarksLateTellsTheLeadersAndTheLateReportStillComesIn() throws Exception {
        // given an open round in which one of two bodies reported
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-ROUND-2", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, UBND))).path("id").asLong();
        rounds.reportStraight(planId, roundId, LABOUR, "cv.qng-sldtbxh", "ld.qng-sldtbxh", CONSOLIDATING);
        long lastNotice = db.jdbc().queryForObject("select coalesce(max(id), 0) from ttdn.notification", Long.class);

        // when the reminders fall due and then the deadline passes
        rounds.fireTimer(roundId, "boundaryEvent_remindSevenDays");
        rounds.fireTimer(roundId, "boundaryEvent_remindThreeDays");
        rounds.fireTimer(roundId, "boundaryEvent_remindDueDay");
        rounds.fireTimer(roundId, "boundaryEvent_overdue");

        // then the body not in was reminded three times and is late, the Sở VHTTDL told, the round ready
        assertThat(db.jdbc().queryForList("select body_code from ttdn.notification where id > ? order by id",
                String.class, lastNotice)).containsExactly(UBND, UBND, UBND, "QNG-SVHTTDL");
        JsonNode view = rounds.round(roundId, CONSOLIDATING);
        assertThat(view.path("status").asText()).isEqualTo("ready");
        assertThat(line(view, UBND).path("status").asText()).isEqualTo("late");
        assertThat(line(view, LABOUR).path("late").asBoolean()).isFalse();
        ProcessInstance instance = rounds.instance(roundId);
        assertThat(instance).isWaitingAt("callActivity_agencyReports", "callActivity_consolidation")
                .hasPassed("serviceTask_remindSevenDays", "serviceTask_remindThreeDays", "serviceTask_remindDueDay",
                        "serviceTask_markLate");

        // when the late body reports after all
        rounds.reportStraight(planId, roundId, UBND, "cv.qng-ubnd", "pct.ubnd.qng", CONSOLIDATING);

        // then it is in, counted late, and every report is in
        view = rounds.round(roundId, CONSOLIDATING);
        assertThat(line(view, UBND).path("state").asText()).isEqualTo("received");
        assertThat(line(view, UBND).path("late").asBoolean()).isTrue();
        assertThat(instance).isWaitingAt("callActivity_consolidation").hasPassed("endEvent_allReportsReceived");
    }

    @Test
    void closingTheRoundCountsWhatIsNotInAsMissingAndEndsItsOpenReports() throws Exception {
        // given an open round in which one body submitted and one did nothing
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-ROUND-3", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, UBND))).path("id").asLong();
        rounds.draft(planId, LABOUR, "cv.qng-sldtbxh", "Đã triển khai");
        rounds.decide(planId, "userTask_leaderApproval", LABOUR, "ld.qng-sldtbxh", null);

        // when an officer of another body tries to close it, and then the consolidating body does
        assertThat(chain.post("/api/rounds/" + roundId + "/close", "cv.qng-ubnd", null).status()).isEqualTo(403);
        assertThat(rounds.round(roundId, CONSOLIDATING).path("status").asText()).isEqualTo("open");
        JsonNode closed = Chain.ok(chain.post("/api/rounds/" + roundId + "/close", CONSOLIDATING, null)).body();

        // then the silent body is missing, the submitted one stays in, the open reports ended
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(line(closed, UBND).path("state").asText()).isEqualTo("missing");
        assertThat(line(closed, LABOUR).path("state").asText()).isEqualTo("submitted");
        ProcessInstance instance = rounds.instance(roundId);
        assertThat(instance).isWaitingAt("callActivity_consolidation")
                .hasPassed("boundaryEvent_roundReady", "boundaryEvent_roundClosed", "endEvent_roundClosed");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agency-report")
                .superProcessInstanceId(instance.getId()).count()).isZero();
        assertThat(chain.post("/api/rounds/" + roundId + "/close", CONSOLIDATING, null).status()).isEqualTo(409);
    }

    @Test
    void aRequestedBodysSilenceNeverBlocksTheRound() throws Exception {
        // given Đắk Lắk's plan, whose group 1 is only requested of the Ban Tuyên giáo Tỉnh ủy
        long planId = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-TEST-ROUND-4", "dlk");
        long roundId = rounds.open(planId, "cv.svhttdl.dlk", Map.of("kind", "yearly", "deadline", "2026-12-15",
                "tasks", List.of("1.1", "2.1"))).path("id").asLong();
        JsonNode view = rounds.round(roundId, "cv.svhttdl.dlk");
        assertThat(line(view, "DLK-BTGTU").path("kind").asText()).isEqualTo("requested");
        assertThat(view.path("period").path("from").asText()).isEqualTo("2025-12-15");
        assertThat(view.path("period").path("to").asText()).isEqualTo("2026-12-14");

        // when every assigned body reports and the requested one says nothing
        for (JsonNode body : view.path("bodies")) {
            if (body.path("kind").asText().equals("assigned")) {
                String code = body.path("code").asText();
                rounds.reportStraight(planId, roundId, code, rounds.person(code, vn.ttdn.directory.Role.OFFICER),
                        rounds.person(code, vn.ttdn.directory.Role.LEADER), "cv.svhttdl.dlk");
            }
        }

        // then the round is ready to consolidate while the requested body may still report
        view = rounds.round(roundId, "cv.svhttdl.dlk");
        assertThat(view.path("status").asText()).isEqualTo("ready");
        assertThat(line(view, "DLK-BTGTU").path("state").asText()).isEqualTo("pending");
        assertThat(rounds.instance(roundId)).isWaitingAt("callActivity_agencyReports", "callActivity_consolidation");
    }

    static List<String> codes(JsonNode round) {
        List<String> codes = new ArrayList<>();
        round.path("bodies").forEach(b -> codes.add(b.path("code").asText()));
        return codes;
    }

    static JsonNode line(JsonNode round, String code) {
        for (JsonNode b : round.path("bodies")) {
            if (b.path("code").asText().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("No body " + code + " in " + round);
    }
}
