package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The rules of rounds and reports, each tried by the wrong person or with the wrong input: refused
 * with a reason (403) or a problem per field (400), and nothing changed. Also the yearly rounds an
 * issuance schedules, and twenty reports completed at once.
 */
@WebTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class ReportRulesTest {

    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String UBND = "QNG-UBND";
    private static final String FOREIGN = "QNG-SNGV";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;

    @Test
    void issuingAPlanSchedulesItsYearlyRoundsAndOpenNowOpensOne() throws Exception {
        // when Quảng Ngãi's plan (yearly, before 15/12) is issued on 1/12/2026
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-RULES-1", "qng");

        // then (once the issuance's event is handled) this year's round opens at once (its opening day,
        // 15/11, has passed) and the next four wait for theirs
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> db.jdbc().queryForObject(
                "select count(*) from ttdn.report_round where plan_id = ?", Integer.class, planId) == 5);
        List<Map<String, Object>> scheduled = db.jdbc().queryForList("select year, deadline, opens_on, period_from, "
                + "period_to, status from ttdn.report_round where plan_id = ? order by year", planId);
        assertThat(scheduled).extracting(r -> r.get("year")).containsExactly(2026, 2027, 2028, 2029, 2030);
        assertThat(scheduled.get(0).get("deadline").toString()).isEqualTo("2026-12-15");
        assertThat(scheduled.get(0).get("opens_on").toString()).isEqualTo("2026-12-01");
        assertThat(scheduled.get(1).get("opens_on").toString()).isEqualTo("2027-11-15");
        assertThat(scheduled.get(1).get("period_from").toString()).isEqualTo("2026-12-15");
        assertThat(scheduled.get(1).get("period_to").toString()).isEqualTo("2027-12-14");
        JsonNode list = Chain.ok(chain.get("/api/plans/" + planId + "/rounds", CONSOLIDATING)).body();
        assertThat(list).hasSize(5);
        long round2027 = list.get(1).path("id").asLong();
        assertThat(list.get(1).path("year").asInt()).isEqualTo(2027);
        assertThat(list.get(1).path("status").asText()).isEqualTo("scheduled");

        // when an officer of another body asks to open the 2027 round now, then its consolidating body does
        assertThat(chain.post("/api/rounds/" + round2027 + "/open-now", "cv.vpub.qng", null).status()).isEqualTo(403);
        JsonNode opened = Chain.ok(chain.post("/api/rounds/" + round2027 + "/open-now", CONSOLIDATING, null)).body();

        // then it is open, with every body of the plan's tasks asked as the directory stands today
        assertThat(opened.path("status").asText()).isEqualTo("open");
        assertThat(opened.path("bodies").size()).isGreaterThan(10);
        assertThat(ReportRoundProcessTest.codes(opened)).contains(UBND, LABOUR, "QNG-SNGV").doesNotContain(
                "QNG-STTTT", "QNG-SVHTTDL", "QNG-UBND-LYSON");
        assertThat(chain.post("/api/rounds/" + round2027 + "/open-now", CONSOLIDATING, null).status()).isEqualTo(409);
    }

    @Test
    void aRoundWithBadInputIsRefusedWithEveryProblemAndNothingWritten() throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-RULES-2", "qng");
        String adHoc = "select count(*) from ttdn.report_round where plan_id = ? and kind = 'ADHOC'";

        Chain.Answer foreign = chain.post("/api/plans/" + planId + "/rounds", "cv.vpub.qng",
                Map.of("kind", "adhoc", "deadline", "2026-12-18"));
        Chain.Answer bad = chain.post("/api/plans/" + planId + "/rounds", CONSOLIDATING, Map.of("kind", "adhoc",
                "deadline", "2026-11-01", "tasks", List.of("2.2", "9.9")));
        Chain.Answer badBody = chain.post("/api/plans/" + planId + "/rounds", CONSOLIDATING, Map.of("kind", "adhoc",
                "deadline", "2026-12-18", "bodies", List.of("QNG-CA", "XYZ")));

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("path")).containsExactly("deadline", "tasks[1]");
        assertThat(bad.body().path("errors").findValuesAsText("text")).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.body().path("errors").findValuesAsText("path")).contains("bodies[1]");
        assertThat(db.jdbc().queryForObject(adHoc, Integer.class, planId)).isZero();
    }

    @Test
    void aReportIsCheckedRowByRowAndOnlyItsOwnBodyWritesIt() throws Exception {
        // given an open round asking two bodies
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-RULES-3", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, FOREIGN))).path("id").asLong();
        String task = rounds.task(planId, "userTask_draftReport", LABOUR, "cv.qng-sldtbxh");

        // an officer of another body asked may neither claim it nor read the body's report
        assertThat(chain.post("/api/tasks/" + task + "/claim", "cv.qng-sngv", null).status()).isEqualTo(403);
        assertThat(chain.get("/api/rounds/" + roundId + "/reports/" + LABOUR, "cv.qng-sngv").status()).isEqualTo(403);
        // the body asked sees only its own line of the round; the consolidating body, the issuing body,
        // supervisors and auditors see all
        assertThat(ReportRoundProcessTest.codes(rounds.round(roundId, "cv.qng-sngv"))).containsExactly(FOREIGN);
        assertThat(ReportRoundProcessTest.codes(rounds.round(roundId, "giamsat"))).containsExactly(LABOUR, FOREIGN);
        assertThat(ReportRoundProcessTest.codes(rounds.round(roundId, "pct.ubnd.qng"))).containsExactly(LABOUR, FOREIGN);
        assertThat(chain.get("/api/rounds/" + roundId + "/reports/" + LABOUR, "kiemtoan").status()).isEqualTo(200);
        assertThat(chain.get("/api/rounds/" + roundId, "cv.btg.prtc").status()).isEqualTo(403);

        // when its officer sends a row without a state, a negative figure and a row too many
        Chain.ok(chain.post("/api/tasks/" + task + "/claim", "cv.qng-sldtbxh", null));
        JsonNode form = rounds.form(task, "cv.qng-sldtbxh");
        assertThat(form.path("data").path("tasks").get(0).path("taskNumber").asText()).isEqualTo("2.2");
        assertThat(form.path("data").path("indicators")).hasSize(ReportForms.DEFAULT_INDICATORS.size());
        Map<String, Object> values = RoundDriver.report(form.path("data"), "Đã làm");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) values.get("tasks"));
        Map<String, Object> first = new LinkedHashMap<>(rows.get(0));
        first.remove("status");
        first.put("result", "x".repeat(4001));
        rows.set(0, first);
        values.put("tasks", rows);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> figures = new ArrayList<>((List<Map<String, Object>>) values.get("indicators"));
        figures.set(1, Map.of("value", -3));
        values.put("indicators", figures);
        Chain.Answer refused = chain.post("/api/tasks/" + task + "/complete", "cv.qng-sldtbxh", values);
        Map<String, Object> tooMany = new LinkedHashMap<>(values);
        List<Map<String, Object>> more = new ArrayList<>(rows);
        more.add(Map.of("status", "done_on_time", "result", "?"));
        tooMany.put("tasks", more);
        Chain.Answer refusedRows = chain.post("/api/tasks/" + task + "/complete", "cv.qng-sldtbxh", tooMany);

        // then each problem is named by its row and field, in Vietnamese, and nothing was written
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("tasks[0].status", "tasks[0].result", "indicators[1].value");
        assertThat(refused.body().path("errors").findValuesAsText("text")).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(refusedRows.status()).isEqualTo(400);
        assertThat(refusedRows.body().path("errors").findValuesAsText("path")).contains("tasks");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.agency_report where round_id = ?",
                Integer.class, roundId)).isZero();
        assertThat(ReportRoundProcessTest.line(rounds.round(roundId, CONSOLIDATING), LABOUR).path("state").asText())
                .isEqualTo("pending");
        assertThat(rounds.task(planId, "userTask_draftReport", LABOUR, "cv.qng-sldtbxh")).isEqualTo(task);

        // and the consolidating body may not take the leader's approval
        rounds.draft(planId, LABOUR, "cv.qng-sldtbxh", "Đã làm");
        String approval = rounds.task(planId, "userTask_leaderApproval", LABOUR, "ld.qng-sldtbxh");
        assertThat(chain.post("/api/tasks/" + approval + "/claim", CONSOLIDATING, null).status()).isEqualTo(403);
        assertThat(db.jdbc().queryForObject("select state from ttdn.round_body where round_id = ? and body_code = ?",
                String.class, roundId, LABOUR)).isEqualTo("DRAFT");
    }

    @Test
    void twentyReportsCompletedAtOnceAreAllCountedWithoutAnError() throws Exception {
        // given Đắk Lắk's full round (24 bodies), with twenty drafted and their leaders holding the approvals
        String consolidating = "cv.svhttdl.dlk";
        long planId = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-TEST-RULES-4", "dlk");
        long roundId = rounds.open(planId, consolidating, Map.of("kind", "adhoc", "deadline", "2026-12-18"))
                .path("id").asLong();
        List<String> bodies = ReportRoundProcessTest.codes(rounds.round(roundId, consolidating));
        assertThat(bodies.size()).isGreaterThanOrEqualTo(20);
        List<String> twenty = bodies.subList(0, 20);
        Map<String, String> approvals = new LinkedHashMap<>();
        for (String body : twenty) {
            rounds.draft(planId, body, rounds.person(body, Role.OFFICER), "Đã triển khai");
            String leader = rounds.person(body, Role.LEADER);
            String id = rounds.task(planId, "userTask_leaderApproval", body, leader);
            Chain.ok(chain.post("/api/tasks/" + id + "/claim", leader, null));
            approvals.put(id, leader);
        }

        // when the twenty leaders approve at the same moment, and then the twenty reports are received at once
        List<Integer> approved = atOnce(approvals, Map.of("decision", "approve"));
        Map<String, String> receipts = new LinkedHashMap<>();
        for (String body : twenty) {
            String id = rounds.task(planId, "userTask_receiveReport", body, consolidating);
            Chain.ok(chain.post("/api/tasks/" + id + "/claim", consolidating, null));
            receipts.put(id, consolidating);
        }
        List<Integer> received = atOnce(receipts, Map.of("decision", "approve"));
        rounds.runJobs(roundId);

        // then every completion succeeded and the round counts twenty reports received, twenty numbers distinct
        assertThat(approved).hasSize(20).containsOnly(200);
        assertThat(received).hasSize(20).containsOnly(200);
        JsonNode view = rounds.round(roundId, consolidating);
        assertThat(view.path("counts").path("received").asInt()).isEqualTo(20);
        assertThat(view.path("counts").path("in").asInt()).isEqualTo(20);
        assertThat(db.jdbc().queryForObject("select count(distinct report_number) from ttdn.round_body where "
                + "round_id = ? and state = 'RECEIVED'", Integer.class, roundId)).isEqualTo(20);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.report_step where round_id = ? and "
                + "step = 'RECEIVED'", Integer.class, roundId)).isEqualTo(20);
    }

    @Test
    void aBodyAttachesPdfDocxOrXlsxToItsOwnReportWhileDraftingIt() throws Exception {
        // given an open round asking two bodies
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-RULES-5", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of(LABOUR, FOREIGN))).path("id").asLong();
        int before = db.count("attachment");
        byte[] pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        // when its officer attaches a PDF and a spreadsheet, another body's officer and a text file are refused
        Chain.Answer added = upload(roundId, LABOUR, "bao-cao-so-lieu.pdf", pdf, "cv.qng-sldtbxh");
        Chain.Answer sheet = upload(roundId, LABOUR, "so-lieu.xlsx", xlsx(), "cv.qng-sldtbxh");
        Chain.Answer foreign = upload(roundId, LABOUR, "x.pdf", pdf, "cv.qng-sngv");
        Chain.Answer text = upload(roundId, LABOUR, "ghi-chu.txt", "ghi chú".getBytes(), "cv.qng-sldtbxh");

        // then the two files are the report's, readable by the body and the consolidating body only
        assertThat(added.status()).isEqualTo(201);
        assertThat(sheet.status()).isEqualTo(201);
        assertThat(sheet.body().path("contentType").asText()).endsWith("spreadsheetml.sheet");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().path("errors").findValuesAsText("code")).containsExactly("attachment.reportType");
        assertThat(db.count("attachment")).isEqualTo(before + 2);
        String file = "/api/rounds/" + roundId + "/reports/" + LABOUR + "/attachments/" + added.body().path("id").asLong();
        assertThat(chain.get(file, CONSOLIDATING).status()).isEqualTo(200);
        assertThat(chain.get(file, "cv.qng-sngv").status()).isEqualTo(403);
        assertThat(Chain.ok(chain.get("/api/rounds/" + roundId + "/reports/" + LABOUR, CONSOLIDATING)).body()
                .path("attachments").findValuesAsText("fileName")).containsExactly("bao-cao-so-lieu.pdf", "so-lieu.xlsx");
        // and they are not the Tờ trình's files
        assertThat(chain.get("/api/plans/" + planId + "/attachments/" + added.body().path("id").asLong(), "admin")
                .status()).isEqualTo(404);

        // once the leader approved it, the report takes no more files
        rounds.draft(planId, LABOUR, "cv.qng-sldtbxh", "Đã làm");
        rounds.decide(planId, "userTask_leaderApproval", LABOUR, "ld.qng-sldtbxh", null);
        assertThat(upload(roundId, LABOUR, "muon.pdf", pdf, "cv.qng-sldtbxh").status()).isEqualTo(409);
    }

    private Chain.Answer upload(long roundId, String body, String name, byte[] content, String user) throws Exception {
        return chain.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/rounds/" + roundId + "/reports/" + body + "/attachments")
                .file(new org.springframework.mock.web.MockMultipartFile("file", name, "application/octet-stream",
                        content)), user);
    }

    /** The smallest file a spreadsheet program would call a workbook: a ZIP with xl/workbook.xml. */
    private static byte[] xlsx() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes());
        }
        return bytes.toByteArray();
    }

    @Test
    void theRoundPageOpensAnAdHocRoundOnSomeTasksAndDrawsItsProcess() throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-RULES-6", "qng");

        // when the consolidating body's officer sends the plan page's form, asking tasks 2.2 only
        Chain.Answer sent = chain.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/ke-hoach/" + planId + "/ky-bao-cao").param("kind", "adhoc").param("label", "Lao động nước ngoài")
                .param("deadline", "2026-12-18").param("tasks", "2.2"), CONSOLIDATING);

        // then the round is open, asking only the body that leads 2.2, and its process can be drawn
        assertThat(sent.status()).isEqualTo(302);
        long roundId = db.jdbc().queryForObject("select id from ttdn.report_round where plan_id = ? and kind = 'ADHOC'",
                Long.class, planId);
        rounds.runJobs(roundId);
        JsonNode view = rounds.round(roundId, CONSOLIDATING);
        assertThat(view.path("tasks").toString()).isEqualTo("[\"2.2\"]");
        assertThat(ReportRoundProcessTest.codes(view)).containsExactly(LABOUR);
        JsonNode diagram = Chain.ok(chain.get("/api/rounds/" + roundId + "/process", CONSOLIDATING)).body();
        assertThat(diagram.path("xml").asText()).contains("report-round");
        assertThat(diagram.path("active").toString()).contains("callActivity_agencyReports");
        assertThat(chain.get("/api/rounds/" + roundId + "/process", "cv.btg.prtc").status()).isEqualTo(403);
    }

    /** Completes each task as its holder, all threads released at once; the statuses. */
    private List<Integer> atOnce(Map<String, String> tasks, Map<String, Object> values) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Map.Entry<String, String> t : tasks.entrySet()) {
                Callable<Integer> call = () -> {
                    start.await();
                    return chain.post("/api/tasks/" + t.getKey() + "/complete", t.getValue(), values).status();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

}
