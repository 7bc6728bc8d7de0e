package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.ttdn.support.Browser;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebClient;

/**
 * A consolidation in a real browser over HTTP, with the job executor running: two bodies of Quảng
 * Ngãi report on an ad-hoc round (through the API), the round is ready; the Sở VHTTDL's officer
 * opens "Soạn báo cáo tổng hợp", rewrites the achievements in the form and submits; its director
 * approves; the consolidated report page shows the number, the counts, three charts drawn, the
 * matrix in colour; its DOCX, XLSX and PDF download. Screenshots go to {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class ConsolidationBrowserIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String OFFICER = "cv.svhttdl.qng";
    private static final String DIRECTOR = "ld.svhttdl.qng";
    private static final Map<String, String[]> BODIES = Map.of(
            "QNG-SLDTBXH", new String[] {"cv.qng-sldtbxh", "ld.qng-sldtbxh"},
            "QNG-SNV", new String[] {"cv.qng-snv", "ld.qng-snv"});
    private static final String OWN_WORDS = "Năm 2026, công tác thông tin đối ngoại của tỉnh đạt nhiều kết quả rõ nét.";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Db db;
    @Autowired
    ObjectMapper json;

    private WebClient api;

    @BeforeEach
    void application() {
        browser.at(port).consoleErrors();
        api = new WebClient(port);
    }

    @AfterEach
    void noScriptFailed() {
        assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    @Test
    void theOfficerWritesTheDirectorApprovesAndThePageShowsTheConsolidatedReport() throws Exception {
        long planId = db.jdbc().queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);
        Map<String, Object> round = new LinkedHashMap<>();
        round.put("kind", "adhoc");
        round.put("label", "Tổng hợp thử trong trình duyệt");
        round.put("deadline", LocalDate.now(VIETNAM).plusDays(20).toString());
        round.put("tasks", List.of("2.2", "5.4"));
        HttpResponse<String> opened = post("/api/plans/" + planId + "/rounds", OFFICER, round);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        long roundId = json.readTree(opened.body()).path("id").asLong();

        // both bodies report through the API and the Sở VHTTDL receives them: the round is ready
        for (Map.Entry<String, String[]> body : BODIES.entrySet()) {
            String draft = await(roundId, "userTask_draftReport", body.getKey(), body.getValue()[0]);
            JsonNode data = form(draft, body.getValue()[0]);
            List<Map<String, Object>> rows = new ArrayList<>();
            data.path("tasks").forEach(t -> rows.add(Map.of("status", "done_on_time",
                    "result", "Đã hoàn thành nhiệm vụ " + t.path("taskNumber").asText())));
            List<Map<String, Object>> figures = new ArrayList<>();
            data.path("indicators").forEach(i -> figures.add(Map.of("value", 2)));
            complete(draft, body.getValue()[0], Map.of("tasks", rows, "indicators", figures,
                    "summary", "Đã triển khai đầy đủ."));
            complete(await(roundId, "userTask_leaderApproval", body.getKey(), body.getValue()[1]),
                    body.getValue()[1], Map.of("decision", "approve"));
            complete(await(roundId, "userTask_receiveReport", body.getKey(), OFFICER), OFFICER,
                    Map.of("decision", "approve"));
        }

        // the officer opens the consolidation from the inbox, rewrites the achievements, submits
        String draft = await(roundId, "userTask_draftConsolidation", "QNG-SVHTTDL", OFFICER);
        browser.signIn(OFFICER).open("/viec");
        browser.click(By.cssSelector("#task-" + draft + " a.task-link"));
        assertThat(browser.find(By.id("task-consolidation-link")).getAttribute("href"))
                .endsWith("/ky-bao-cao/" + roundId + "/tong-hop");
        browser.click(By.id("task-claim")).formReady();
        assertThat(browser.find(Browser.field("field_figures")).getAttribute("value")).contains("2/2");
        browser.find(Browser.field("field_achievements")).sendKeys(org.openqa.selenium.Keys.chord(
                org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        browser.fill("field_achievements", OWN_WORDS);
        browser.screenshot("consolidation-form");
        browser.submitForm();

        // the director approves it in the form
        String approve = await(roundId, "userTask_approveConsolidation", "QNG-SVHTTDL", DIRECTOR);
        browser.signIn(DIRECTOR).open("/viec/" + approve);
        browser.click(By.id("task-claim")).formReady();
        assertThat(browser.find(Browser.field("field_achievements")).getAttribute("value")).isEqualTo(OWN_WORDS);
        browser.choose("field_decision", "Duyệt, cấp số, ký và gửi báo cáo").submitForm();

        // then, once the sending job ran, the page shows it sent, numbered, with its charts and matrix
        browser.until(d -> "SENT".equals(db.jdbc().queryForObject(
                "select state from ttdn.consolidated_report where round_id = ?", String.class, roundId)));
        browser.open("/ky-bao-cao/" + roundId + "/tong-hop");
        assertThat(browser.find(By.cssSelector("main")).getAttribute("data-state")).isEqualTo("SENT");
        assertThat(browser.text(By.id("consolidation-number"))).matches("\\d{2,}/BC-SVHTTDL");
        assertThat(browser.text(By.id("consolidation-signer"))).contains("GIÁM ĐỐC");
        assertThat(browser.text(By.id("part-achievements"))).isEqualTo(OWN_WORDS);
        browser.until(d -> "3".equals(d.findElement(By.id("consolidation-charts")).getAttribute("data-charts")));
        assertThat(browser.find(By.cssSelector("#task-2\\.2")).getAttribute("data-overall")).isEqualTo("done_on_time");
        assertThat(browser.all(By.cssSelector("#matrix td.cell.st-done_on_time"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.all(By.cssSelector("#deliveries li"))).extracting(e -> e.getAttribute("data-body"))
                .contains("QNG-UBND");
        browser.screenshot("consolidation-page");

        // and its documents download, as the director's browser would fetch them
        for (String format : List.of("docx", "xlsx", "pdf")) {
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/rounds/" + roundId + "/export?format=" + format))
                    .header("Authorization", WebClient.basic(DIRECTOR, "demo")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(format).isEqualTo(200);
            assertThat(file.body().length).as(format).isGreaterThan(1000);
        }
        // and the round page and the plan page link to it
        browser.open("/ky-bao-cao/" + roundId);
        assertThat(browser.find(By.id("round-consolidation-state")).getText()).isEqualTo("Đã gửi");
        browser.open("/ke-hoach/" + planId + "#rounds-panel");
        assertThat(browser.text(By.cssSelector("#round-" + roundId + " .consolidation-link"))).contains("/BC-SVHTTDL");
    }

    private HttpResponse<String> post(String path, String user, Object body) throws Exception {
        return api.postAs(path, user, "demo", "application/json", json.writeValueAsBytes(body));
    }

    private void complete(String taskId, String user, Map<String, Object> values) throws Exception {
        HttpResponse<String> claimed = post("/api/tasks/" + taskId + "/claim", user, Map.of());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        HttpResponse<String> done = post("/api/tasks/" + taskId + "/complete", user, values);
        assertThat(done.statusCode()).as(done.body()).isLessThan(300);
    }

    private JsonNode form(String taskId, String user) throws Exception {
        return json.readTree(api.getAs("/api/tasks/" + taskId + "/form", user, "demo").body()).path("data");
    }

    private String await(long roundId, String taskKey, String body, String user) {
        return vn.ttdn.support.RoundTasks.await(api, json, browser, roundId, taskKey, body, user);
    }
}
