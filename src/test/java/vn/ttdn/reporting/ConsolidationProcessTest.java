package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * A whole consolidation on Đắk Lắk's plan (20+ bodies asked) through the API: every body reports but
 * the Sở Ngoại vụ (late, one task overdue), the Công an tỉnh (missing) and the Ban Tuyên giáo Tỉnh
 * ủy (requested, silent); the Sở Công Thương is returned once by its leader and says one task is in
 * progress. The figures are checked against what a person would count by hand; the officer's edit
 * survives a re-assembly after the late report; the leader returns, then approves (number, signer);
 * the report is sent with its files to the UBND and the ministry that stands for the Bộ TT&TT.
 */
@WebTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class ConsolidationProcessTest {

    private static final String OFFICER = "cv.svhttdl.dlk";
    private static final String LEADER = "ld.svhttdl.dlk";
    private static final String CONSOLIDATING = "DLK-SVHTTDL";
    private static final String LATE = "DLK-SNGV";
    private static final String RETURNED = "DLK-SCT";
    private static final String MISSING = "DLK-CA";
    private static final String SILENT = "DLK-BTGTU";
    private static final String OWN_WORDS = "Chuyên viên tự viết: năm 2026 công tác thông tin đối ngoại đạt nhiều kết quả.";

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
    void theConsolidatingBodyConsolidatesApprovesAndSendsTheRoundsReports() throws Exception {
        // given an issued copy of Đắk Lắk's plan and a round on all its tasks
        long planId = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-TEST-CONS-1", "dlk");
        JsonNode round = rounds.open(planId, OFFICER, Map.of("kind", "adhoc", "label", "Tổng hợp năm 2026",
                "deadline", "2026-12-18"));
        long roundId = round.path("id").asLong();
        List<String> asked = new ArrayList<>();
        round.path("bodies").forEach(b -> asked.add(b.path("code").asText()));
        assertThat(asked).hasSizeGreaterThanOrEqualTo(20).contains(LATE, RETURNED, MISSING, SILENT)
                .doesNotContain(CONSOLIDATING);
        assertThat(body(round, SILENT).path("kind").asText()).isEqualTo("requested");

        // when every body but four reports straight through, the Sở Công Thương after its leader returned it once
        for (String body : asked) {
            if (!List.of(LATE, RETURNED, MISSING, SILENT).contains(body)) {
                rounds.reportStraight(planId, roundId, body, officer(body), leader(body), OFFICER);
            }
        }
        report(planId, RETURNED, Map.of("5.2", "in_progress"));
        rounds.decide(planId, "userTask_leaderApproval", RETURNED, leader(RETURNED), "Bổ sung số liệu nhiệm vụ 5.2");
        report(planId, RETURNED, Map.of("5.2", "in_progress"));
        rounds.decide(planId, "userTask_leaderApproval", RETURNED, leader(RETURNED), null);
        rounds.decide(planId, "userTask_receiveReport", RETURNED, OFFICER, null);
        rounds.runJobs(roundId);

        // and the deadline passes: the round is ready and its consolidation starts
        rounds.fireTimer(roundId, "boundaryEvent_overdue");
        assertThat(rounds.instance(roundId)).isWaitingAt("callActivity_agencyReports", "callActivity_consolidation");
        ProcessInstance consolidation = consolidationInstance(roundId);
        assertThat(consolidation).isWaitingAt("userTask_draftConsolidation")
                .hasPassedInOrder("startEvent_roundReady", "serviceTask_assemble");
        assertThat(db.jdbc().queryForObject("select state from ttdn.consolidated_report where round_id = ?",
                String.class, roundId)).isEqualTo("DRAFT");

        // then the consolidation counts what a person counts by hand
        JsonNode c = consolidation(roundId, OFFICER);
        int in = asked.size() - 3;
        assertThat(c.path("bodyCounts").path("asked").asInt()).isEqualTo(asked.size());
        assertThat(c.path("bodyCounts").path("in").asInt()).isEqualTo(in);
        assertThat(c.path("bodyCounts").path("returned").asInt()).isEqualTo(1);
        assertThat(task(c, "5.1").path("overall").asText()).isEqualTo("DONE_ON_TIME");
        assertThat(task(c, "5.2").path("overall").asText()).isEqualTo("IN_PROGRESS");
        assertThat(task(c, "7.1").path("overall").asText()).isEqualTo("UNREPORTED");
        assertThat(task(c, "10.1").path("overall").asText()).isEqualTo("UNREPORTED");
        // task 1.2 is led by the silent Ban Tuyên giáo: its cooperating bodies' reports do not make it done
        assertThat(task(c, "1.2").path("overall").asText()).isEqualTo("UNREPORTED");
        assertThat(cell(task(c, "1.2"), "DLK-HNB").path("status").asText()).isEqualTo("DONE_ON_TIME");
        assertThat(body(c, RETURNED).path("returns").asInt()).isEqualTo(1);
        assertThat(body(c, LATE).path("timeliness").asText()).isEqualTo("LATE");
        assertThat(texts(body(c, MISSING).path("unreportedTasks"))).contains("10.1", "10.2", "10.3");
        // every indicator: each body in gave the indicator's position (1, 2, …) as its figure
        JsonNode indicators = c.path("indicators");
        for (int i = 0; i < indicators.size(); i++) {
            assertThat(indicators.get(i).path("total").decimalValue().intValue()).isEqualTo((i + 1) * in);
            assertThat(indicators.get(i).path("byBody").size()).isEqualTo(in);
            assertThat(indicators.get(i).has("lastYear")).isFalse();
        }
        int tasks = 0;
        for (JsonNode g : c.path("groups")) {
            tasks += g.path("tasks").size();
        }
        int counted = 0;
        for (JsonNode n : c.path("taskCounts")) {
            counted += n.asInt();
        }
        assertThat(counted).isEqualTo(tasks);
        assertThat(c.path("narrative").path("shortcomings").asText()).contains("Sở Ngoại vụ").contains("Công an");

        // and a body asked cannot read the consolidation before it is sent, nor another body's report
        assertThat(chain.get("/api/rounds/" + roundId + "/consolidation", officer(RETURNED)).status()).isEqualTo(403);
        assertThat(chain.download("/api/rounds/" + roundId + "/reports/" + LATE + "/export?format=docx",
                officer(RETURNED)).status()).isEqualTo(403);

        // when the officer rewrites the achievements and submits; the leader returns it
        String draftTask = rounds.task(planId, "userTask_draftConsolidation", CONSOLIDATING, OFFICER);
        Chain.ok(chain.post("/api/tasks/" + draftTask + "/claim", OFFICER, null));
        Map<String, Object> values = narrative(rounds.form(draftTask, OFFICER).path("data"));
        values.put("achievements", OWN_WORDS);
        Chain.ok(chain.post("/api/tasks/" + draftTask + "/complete", OFFICER, values));
        rounds.decide(planId, "userTask_approveConsolidation", CONSOLIDATING, LEADER, "Chờ báo cáo của Sở Ngoại vụ");

        // and the late report of the Sở Ngoại vụ arrives, one task overdue
        report(planId, LATE, Map.of("7.1", "overdue"));
        rounds.decide(planId, "userTask_leaderApproval", LATE, leader(LATE), null);
        rounds.decide(planId, "userTask_receiveReport", LATE, OFFICER, null);

        // then assembling again keeps the officer's words and follows the new report elsewhere
        draftTask = rounds.task(planId, "userTask_draftConsolidation", CONSOLIDATING, OFFICER);
        JsonNode reopened = rounds.form(draftTask, OFFICER).path("data");
        assertThat(reopened.path("achievements").asText()).isEqualTo(OWN_WORDS);
        c = consolidation(roundId, OFFICER);
        assertThat(c.path("narrative").path("achievements").asText()).isEqualTo(OWN_WORDS);
        assertThat(c.path("bodyCounts").path("in").asInt()).isEqualTo(in + 1);
        assertThat(task(c, "7.1").path("overall").asText()).isEqualTo("OVERDUE");
        assertThat(task(c, "7.2").path("overall").asText()).isEqualTo("DONE_ON_TIME");
        assertThat(c.path("narrative").path("shortcomings").asText()).contains("gửi báo cáo quá hạn: Sở Ngoại vụ");

        // when the round is closed (the Công an and the Ban Tuyên giáo missing) and the officer submits again
        Chain.ok(chain.post("/api/rounds/" + roundId + "/close", OFFICER, null));
        assertThat(rounds.instance(roundId)).isWaitingAt("callActivity_consolidation");
        Chain.ok(chain.post("/api/tasks/" + draftTask + "/claim", OFFICER, null));
        Map<String, Object> blank = narrative(rounds.form(draftTask, OFFICER).path("data"));
        blank.put("causes", " ");
        Chain.Answer refused = chain.post("/api/tasks/" + draftTask + "/complete", OFFICER, blank);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().findValuesAsText("path")).contains("causes");
        assertThat(db.jdbc().queryForObject("select version from ttdn.consolidated_report where round_id = ?",
                Integer.class, roundId)).isEqualTo(1);
        Chain.ok(chain.post("/api/tasks/" + draftTask + "/complete", OFFICER,
                narrative(rounds.form(draftTask, OFFICER).path("data"))));

        // then the officer who wrote it cannot approve it; the leader approves: numbered, dated, signed
        String approveTask = rounds.task(planId, "userTask_approveConsolidation", CONSOLIDATING, LEADER);
        assertThat(chain.post("/api/tasks/" + approveTask + "/claim", OFFICER, null).status()).isEqualTo(403);
        rounds.decide(planId, "userTask_approveConsolidation", CONSOLIDATING, LEADER, null);
        Map<String, Object> stored = db.jdbc().queryForMap(
                "select state, version, number, dated, signer::text as signer from ttdn.consolidated_report "
                        + "where round_id = ?", roundId);
        assertThat(stored.get("state")).isEqualTo("APPROVED");
        assertThat(stored.get("version")).isEqualTo(2);
        assertThat((String) stored.get("number")).matches("\\d{2,}/BC-SVHTTDL");
        assertThat(stored.get("dated").toString()).isEqualTo("2026-12-19"); // the day after the deadline, as the clock stands
        assertThat((String) stored.get("signer")).contains("GIÁM ĐỐC").contains("Lê Minh Diệp");
        assertThat(db.jdbc().queryForList("select activity_id || ' ' || actor from ttdn.audit_event where kind = "
                + "'number.issued' and round_id = ? and details ->> 'reference' = ?", String.class, roundId,
                stored.get("number"))).containsExactly("userTask_approveConsolidation " + LEADER);

        // and, the sending job run, it is sent with its files to the UBND and the ministry
        rounds.runConsolidationJobs(roundId);
        assertThat(consolidation).isEnded().hasPassedInOrder("userTask_draftConsolidation",
                "userTask_approveConsolidation", "userTask_draftConsolidation", "userTask_approveConsolidation",
                "serviceTask_sendConsolidation", "endEvent_consolidationSent");
        assertThat(rounds.instance(roundId)).as("the round's instance ended with its consolidation").isNull();
        assertThat(db.jdbc().queryForList("select body_code || ':' || role from ttdn.consolidated_delivery "
                + "where round_id = ? order by body_code", String.class, roundId))
                .containsExactly("BVHTTDL:RECEIVER", "DLK-UBND:ISSUER");
        assertThat(db.jdbc().queryForList("select format from ttdn.consolidated_file where round_id = ? "
                + "order by format", String.class, roundId)).containsExactly("docx", "pdf", "xlsx");
        assertThat(db.jdbc().queryForList("select step from ttdn.consolidated_step where round_id = ? order by id",
                String.class, roundId)).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED", "SENT");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.notification where body_code = 'DLK-UBND' "
                + "and message like ?", Integer.class, "%" + stored.get("number") + "%")).isEqualTo(1);
        assertThat(db.mailsInOutbox("Báo cáo tổng hợp số " + stored.get("number") + " của Sở Văn hóa, Thể thao "
                + "và Du lịch tỉnh Đắk Lắk")).hasSize(1);

        // then everyone asked reads it now, as it was approved, and the documents are the ones sent
        JsonNode sent = consolidation(roundId, officer(RETURNED));
        assertThat(sent.path("state").asText()).isEqualTo("SENT");
        assertThat(sent.path("number").asText()).isEqualTo(stored.get("number"));
        assertThat(sent.path("signer").path("position").asText()).isEqualTo("GIÁM ĐỐC");
        assertThat(sent.path("narrative").path("achievements").asText()).isEqualTo(OWN_WORDS);
        for (String format : List.of("docx", "xlsx", "pdf")) {
            Chain.Download file = chain.download("/api/rounds/" + roundId + "/export?format=" + format,
                    officer(RETURNED));
            assertThat(file.status()).as(format).isEqualTo(200);
            assertThat(file.disposition()).contains("filename*=UTF-8''");
            assertThat(file.content()).isEqualTo(db.jdbc().queryForObject("select content from "
                    + "ttdn.consolidated_file where round_id = ? and format = ?", byte[].class, roundId, format));
        }
        assertThat(chain.download("/api/rounds/" + roundId + "/export?format=odt", OFFICER).status()).isEqualTo(400);
        // the Word file as sent passes the Decree 30 checker; the Excel file has a row per task; the PDF reads
        java.nio.file.Path docx = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"))
                .resolve("consolidation-dak-lak.docx");
        java.nio.file.Files.write(docx, chain.download("/api/rounds/" + roundId + "/export?format=docx",
                OFFICER).content());
        vn.ttdn.documents.DocxCheck.Result check = vn.ttdn.documents.DocxCheck.run(docx, "Lê Minh Diệp");
        assertThat(check.problems()).as(check.summary()).isEmpty();
        assertThat(check.exit()).isZero();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                chain.download("/api/rounds/" + roundId + "/export?format=xlsx", OFFICER).content()))) {
            assertThat(book.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
            assertThat(book.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(chain.download("/api/rounds/" + roundId
                + "/export?format=pdf", OFFICER).content())) {
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf),
                    java.text.Normalizer.Form.NFC);
            assertThat(text).contains((String) stored.get("number")).contains("Lê Minh Diệp").contains("BÁO CÁO");
        }
        JsonNode history = Chain.ok(chain.get("/api/rounds/" + roundId + "/consolidation/history", OFFICER)).body();
        assertThat(history.path("versions").size()).isEqualTo(2);
        assertThat(history.path("steps").get(1).path("note").asText()).isEqualTo("Chờ báo cáo của Sở Ngoại vụ");
        assertThat(history.path("files").get(0).path("sha256").asText()).hasSize(64);
    }

    private ProcessInstance consolidationInstance(long roundId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("round-consolidation")
                .processInstanceBusinessKey("round-" + roundId + "-consolidation").singleResult();
    }

    /** The body's officer drafts its report: every task done on time but the ones given, each indicator its position. */
    private void report(long planId, String body, Map<String, String> statuses) throws Exception {
        String id = rounds.task(planId, "userTask_draftReport", body, officer(body));
        Chain.ok(chain.post("/api/tasks/" + id + "/claim", officer(body), null));
        JsonNode data = rounds.form(id, officer(body)).path("data");
        Map<String, Object> values = RoundDriver.report(data, "Báo cáo của " + body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) values.get("tasks");
        for (int i = 0; i < rows.size(); i++) {
            String number = data.path("tasks").get(i).path("taskNumber").asText();
            if (statuses.containsKey(number)) {
                rows.get(i).put("status", statuses.get(number));
            }
        }
        Chain.ok(chain.post("/api/tasks/" + id + "/complete", officer(body), values));
    }

    private static Map<String, Object> narrative(JsonNode data) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String part : List.of("achievements", "shortcomings", "causes", "directions", "recommendations")) {
            values.put(part, data.path(part).asText());
        }
        return values;
    }

    private JsonNode consolidation(long roundId, String user) throws Exception {
        return Chain.ok(chain.get("/api/rounds/" + roundId + "/consolidation", user)).body();
    }

    private String officer(String body) {
        return rounds.person(body, Role.OFFICER);
    }

    private String leader(String body) {
        return rounds.person(body, Role.LEADER);
    }

    private static JsonNode task(JsonNode c, String number) {
        for (JsonNode g : c.path("groups")) {
            for (JsonNode t : g.path("tasks")) {
                if (t.path("number").asText().equals(number)) {
                    return t;
                }
            }
        }
        throw new AssertionError("No task " + number);
    }

    private static JsonNode cell(JsonNode task, String body) {
        for (JsonNode cell : task.path("cells")) {
            if (cell.path("bodyCode").asText().equals(body)) {
                return cell;
            }
        }
        throw new AssertionError("No cell of " + body + " on task " + task.path("number").asText());
    }

    /** The body of this code among a consolidation's bodies or a round's. */
    private static JsonNode body(JsonNode c, String code) {
        for (JsonNode b : c.path("bodies")) {
            if (b.path("code").asText().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("No body " + code);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
