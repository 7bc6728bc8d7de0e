package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.ttdn.support.Browser;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebClient;

/**
 * The auditor's replay in a real browser: an approval drafted, returned and submitted again, played
 * on its diagram step by step from the start; after each step the step its event concerns is
 * marked on the diagram, the marks only grow, and the table's current line follows; back undoes one
 * step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class ReplayBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Db db;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void application() {
        browser.at(port).consoleErrors();
    }

    @AfterEach
    void noScriptFailed() {
        assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    @Test
    void anApprovalIsReplayedOnItsDiagramStepByStep() throws Exception {
        // given: an approval drafted, returned by the director, submitted again
        WebClient web = new WebClient(port);
        byte[] plan = SeedPlans.variant(SeedPlans.QUANG_NGAI, "QNG-TEST-REPLAY", p -> { });
        long planId = read(web.postAs("/api/plans", "admin", "demo", "application/yaml", plan)).path("id").asLong();
        Chain.Cast cast = Chain.Cast.of("qng");
        read(web.postAs("/api/plans/" + planId + "/approval", cast.drafter(), "demo", "application/json", null));
        act(web, planId, "userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        act(web, planId, "userTask_directorApproval", cast.director(), Map.of("decision", "return",
                "reason", "Bổ sung kinh phí"));
        act(web, planId, "userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where plan_id = ? and process_key = 'plan-approval'", String.class, planId);

        // when: the auditor opens its replay
        browser.signIn("kiemtoan").open("/kiem-tra/" + instance);
        browser.until(d -> "ready".equals(d.findElement(By.id("replay-diagram")).getDomAttribute("data-state")));
        List<WebElement> rows = browser.all(By.cssSelector(".timeline-row"));
        int events = rows.size();
        List<String> activities = new ArrayList<>();
        rows.forEach(r -> activities.add(r.getDomAttribute("data-activity")));
        assertThat(position()).isEqualTo(events);
        assertThat(marked()).contains("userTask_draftSubmission", "userTask_directorApproval");

        // then: played from the start, each step marks the step its event concerns, the marks only grow
        for (int i = 0; i < events; i++) {
            browser.click(By.id("replay-back"));
        }
        assertThat(position()).isZero();
        assertThat(marked()).isEmpty();
        int before = 0;
        for (int step = 1; step <= events; step++) {
            browser.click(By.id("replay-step"));
            assertThat(position()).isEqualTo(step);
            List<String> marked = marked();
            assertThat(marked).as("after step %d", step).contains(activities.get(step - 1));
            assertThat(marked.size()).isGreaterThanOrEqualTo(before);
            before = marked.size();
            assertThat(browser.find(By.cssSelector(".timeline-row.current")).getDomAttribute("data-index"))
                    .isEqualTo(String.valueOf(step - 1));
        }
        // the returned step is passed, the submission drawn again; the flow back to it is drawn
        assertThat(browser.all(By.cssSelector(".djs-connection.completed"))).isNotEmpty();
        assertThat(browser.text(By.id("replay-position"))).isEqualTo("Bước " + events + "/" + events);
        browser.click(By.id("replay-back"));
        assertThat(position()).isEqualTo(events - 1);
    }

    private int position() {
        return Integer.parseInt(browser.find(By.id("replay-diagram")).getDomAttribute("data-position"));
    }

    /** The diagram's steps marked passed or current. */
    private List<String> marked() {
        List<String> ids = new ArrayList<>();
        for (WebElement e : browser.all(By.cssSelector(".djs-shape.completed, .djs-shape.active"))) {
            ids.add(e.getDomAttribute("data-element-id"));
        }
        return ids;
    }

    private void act(WebClient web, long planId, String taskKey, String user, Map<String, Object> values)
            throws Exception {
        String id = null;
        for (JsonNode t : read(web.getAs("/api/tasks?plan=" + planId, user, "demo")).path("items")) {
            if (t.path("planId").asLong() == planId && t.path("taskKey").asText().equals(taskKey)) {
                id = t.path("id").asText();
            }
        }
        assertThat(id).as("%s's task %s", user, taskKey).isNotNull();
        read(web.postAs("/api/tasks/" + id + "/claim", user, "demo", "application/json", null));
        read(web.postAs("/api/tasks/" + id + "/complete", user, "demo", "application/json",
                json.writeValueAsString(values).getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode() / 100).as("%s %s", response.statusCode(), response.body()).isEqualTo(2);
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }
}
