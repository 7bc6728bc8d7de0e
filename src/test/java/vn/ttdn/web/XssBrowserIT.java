package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.support.Browser;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Issue 11 §4: HTML and script typed everywhere a person types (a plan's content, a reason, a
 * report's rows, a file name, a body's name in the directory), then every page that shows them
 * opened in Chromium: the text is there, as typed, and none of it runs (no {@code window.__xss}, no
 * element of the payload's, nothing in the console — a blocked inline script would be there too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@Import({Db.class, WebTest.Beans.class})
@ExtendWith(EngineClock.class)
class XssBrowserIT {

    private static final String PAYLOAD = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">"
            + "\"'><svg onload=\"window.__xss=3\"></svg>";
    private static final String FILE_NAME = "<img src=x onerror=\"window.__xss=4\">.pdf";
    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String LABOUR_OFFICER = "cv.qng-sldtbxh";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void whatIsTypedEverywhereIsShownAsTextAndNeverRuns() throws Exception {
        // a plan whose first group is named with the payload, approved and issued
        Chain.Cast cast = Chain.Cast.of("qng");
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-XSS-BROWSER");
        int version = Chain.ok(chain.get("/api/plans/" + planId, cast.drafter())).body().path("version").asInt();
        Chain.ok(chain.send(MockMvcRequestBuilders.request(HttpMethod.PUT, "/api/plans/" + planId + "/groups/1")
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("version", version, "title",
                        "Nhóm " + PAYLOAD))), cast.drafter()));
        Chain.ok(chain.start(planId, cast.drafter()));
        chain.straightThrough(planId, cast);

        // a round asking the labour department, whose report has the payload in its rows and in a file
        // name, and is sent back with the payload as its reason
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2"), "bodies", List.of(LABOUR))).path("id").asLong();
        Chain.Answer file = chain.send(MockMvcRequestBuilders.multipart("/api/rounds/" + roundId + "/reports/" + LABOUR
                + "/attachments").file(new MockMultipartFile("file", FILE_NAME, "application/pdf",
                "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))), LABOUR_OFFICER);
        assertThat(file.status()).as("%s", file).isEqualTo(201);
        rounds.draft(planId, LABOUR, LABOUR_OFFICER, PAYLOAD);
        rounds.decide(planId, "userTask_leaderApproval", LABOUR, "ld.qng-sldtbxh", null);
        rounds.decide(planId, "userTask_receiveReport", LABOUR, CONSOLIDATING, PAYLOAD);
        String revision = rounds.task(planId, "userTask_draftReport", LABOUR, LABOUR_OFFICER);
        String reportInstance = engine.getTaskService().createTaskQuery().taskId(revision).singleResult()
                .getProcessInstanceId();

        // a body named with the payload
        Chain.ok(chain.post("/api/bodies", "admin", Map.of("code", "TSTX-XSS", "name", "Sở " + PAYLOAD,
                "shortName", "Sở " + PAYLOAD, "kind", "DEPARTMENT", "level", "PROVINCE", "parent", "QNG-UBND")));

        // stored exactly as typed
        assertThat(db.jdbc().queryForObject("select title from ttdn.task_group where plan_id = ? order by position limit 1",
                String.class, planId)).isEqualTo("Nhóm " + PAYLOAD);
        assertThat(db.jdbc().queryForObject("select name from ttdn.body where code = 'TSTX-XSS'", String.class))
                .isEqualTo("Sở " + PAYLOAD);
        assertThat(db.jdbc().queryForObject("select file_name from ttdn.attachment where id = ?", String.class,
                file.body().path("id").asLong())).isEqualTo(FILE_NAME);

        browser.at(port).consoleErrors();
        page("giamsat", "/ke-hoach/" + planId, "Nhóm " + PAYLOAD);
        page(CONSOLIDATING, "/ky-bao-cao/" + roundId + "/bao-cao/" + LABOUR, PAYLOAD);
        page(CONSOLIDATING, "/ky-bao-cao/" + roundId + "/bao-cao/" + LABOUR, FILE_NAME);
        page(LABOUR_OFFICER, "/viec/" + revision, PAYLOAD);
        browser.click(By.id("task-claim")).formReady();
        nothingRan("/viec/" + revision + " (its form, claimed)");
        page("kiemtoan", "/kiem-tra/" + reportInstance, PAYLOAD);
        page("admin", "/danh-ba/TSTX-XSS", "Sở " + PAYLOAD);
        page("admin", "/danh-ba", "Sở " + PAYLOAD);
    }

    /** Opens the page as the user: the text is shown as typed, and nothing of it ran. */
    private void page(String user, String path, String shown) {
        browser.signIn(user).open(path);
        browser.until(d -> "complete".equals(browser.driver().executeScript("return document.readyState")));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
        Object text = browser.driver().executeScript("return document.body.innerText");
        assertThat(String.valueOf(text)).as("the text on %s", path).contains(shown);
        nothingRan(path);
    }

    private void nothingRan(String where) {
        assertThat(browser.driver().executeScript("return typeof window.__xss")).as(where).isEqualTo("undefined");
        assertThat(browser.driver().executeScript(
                "return document.querySelectorAll('img[onerror], svg[onload], script:not([src]):not([type])').length"))
                .as("elements of the payload on %s", where).isEqualTo(0L);
        assertThat(browser.consoleErrors()).as("the console on %s", where).isEmpty();
    }

    private static String json(Object value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    }
}
