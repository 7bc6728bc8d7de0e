package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import vn.ttdn.support.Db;
import vn.ttdn.support.WebClient;

/**
 * A report round in a real browser: the consolidating body's officer opens an ad-hoc round on the
 * issued Quảng Ngãi plan from its page; two bodies' officers fill the report form (a row per task,
 * the indicators) and their leaders approve; the consolidating body receives one and sends the
 * other back, which is revised and received. The round page shows each body's state. Screenshots
 * go to {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class ReportBrowserIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String LABOUR = "QNG-SLDTBXH";
    private static final String FOREIGN = "QNG-SNGV";

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
    void twoBodiesReportAndTheConsolidatingBodySendsOneBack() throws Exception {
        long planId = db.jdbc().queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);

        // the Sở VHTTDL's officer opens an ad-hoc round from the plan page
        browser.signIn(CONSOLIDATING).open("/ke-hoach/" + planId + "#rounds-panel");
        assertThat(browser.text(By.id("rounds-consolidating"))).contains("Sở Văn hóa, Thể thao và Du lịch",
                "thay cho Sở Thông tin và Truyền thông");
        browser.screenshot("plan-rounds", By.id("rounds-panel"));
        browser.click(By.cssSelector("#round-new > summary"));
        browser.type(By.id("round-label"), "Sơ kết công tác thông tin đối ngoại quý IV");
        LocalDate deadline = LocalDate.now(VIETNAM).plusDays(20);
        browser.driver().executeScript("document.getElementById('round-deadline').value = arguments[0]",
                deadline.toString());
        browser.click(By.id("round-open"));
        browser.until(d -> d.getCurrentUrl().contains("/ky-bao-cao/"));
        long roundId = Long.parseLong(browser.path().replaceAll("\\D+", ""));
        assertThat(browser.find(By.id("round-status")).getText()).isEqualTo("Đang nhận báo cáo");
        assertThat(browser.find(By.id("body-QNG-UBND")).getText()).contains("thay cho");
        browser.screenshot("round-opened");

        // two bodies draft their reports and their leaders approve them
        report(roundId, LABOUR, "cv.qng-sldtbxh", "Đã triển khai Nghị định 152/2020/NĐ-CP tại các doanh nghiệp.");
        approve(roundId, LABOUR, "ld.qng-sldtbxh");
        report(roundId, FOREIGN, "cv.qng-sngv", "Đã đón 3 đoàn khách quốc tế.");
        approve(roundId, FOREIGN, "ld.qng-sngv");

        // the Sở VHTTDL receives the first and sends the second back for more detail
        openTask(roundId, "userTask_receiveReport", LABOUR, CONSOLIDATING);
        browser.click(By.id("task-claim")).formReady().choose("field_decision", "Tiếp nhận báo cáo").submitForm();
        openTask(roundId, "userTask_receiveReport", FOREIGN, CONSOLIDATING);
        browser.click(By.id("task-claim")).formReady().choose("field_decision", "Trả lại để bổ sung")
                .fill("field_reason", "Bổ sung số liệu các đoàn khách theo từng quốc gia.").submitForm();

        // the body sees why, revises, its leader approves again, and it is received
        openTask(roundId, "userTask_draftReport", FOREIGN, "cv.qng-sngv");
        assertThat(browser.text(By.id("task-report-reason"))).isEqualTo("Bổ sung số liệu các đoàn khách theo từng quốc gia.");
        browser.screenshot("report-sent-back");
        browser.click(By.id("task-claim")).formReady();
        // the form opens with what was written before
        assertThat(browser.all(By.cssSelector("#task-form textarea[id*='field_result']")).get(0).getAttribute("value"))
                .isEqualTo("Đã đón 3 đoàn khách quốc tế.");
        browser.all(By.cssSelector("#task-form textarea[id*='field_difficulties']")).get(0)
                .sendKeys("Đoàn Nhật Bản 2, đoàn Hàn Quốc 1.");
        browser.submitForm();
        approve(roundId, FOREIGN, "ld.qng-sngv");
        openTask(roundId, "userTask_receiveReport", FOREIGN, CONSOLIDATING);
        browser.click(By.id("task-claim")).formReady().choose("field_decision", "Tiếp nhận báo cáo").submitForm();

        // then the round page shows both received, the others still to report
        browser.open("/ky-bao-cao/" + roundId);
        assertThat(browser.find(By.id("body-" + LABOUR)).getAttribute("data-state")).isEqualTo("received");
        assertThat(browser.find(By.id("body-" + FOREIGN)).getAttribute("data-state")).isEqualTo("received");
        assertThat(browser.find(By.id("body-QNG-UBND")).getAttribute("data-state")).isEqualTo("pending");
        assertThat(browser.find(By.cssSelector("#round-counts [data-count='received'] strong")).getText()).isEqualTo("2");
        // and its process drawn, waiting for the other bodies' reports
        browser.find(By.cssSelector("#round-diagram .process-diagram[data-state='ready'] "
                + "g.djs-element.active[data-element-id='callActivity_agencyReports']"));
        browser.screenshot("round-two-received");
        browser.open("/ky-bao-cao/" + roundId + "/bao-cao/" + FOREIGN);
        assertThat(browser.find(By.id("report-version")).getText()).isEqualTo("2");
        assertThat(browser.find(By.id("report-number")).getText()).matches("\\d+/BC-SNGV");
        browser.screenshot("report-page");
        assertThat(db.jdbc().queryForList("select step from ttdn.report_step where round_id = ? and body_code = ? "
                + "order by id", String.class, roundId, FOREIGN)).containsExactly("DRAFTED", "SUBMITTED", "SENT_BACK",
                "DRAFTED", "SUBMITTED", "RECEIVED");
    }

    /** The officer claims the body's draft, fills every row and figure in the form, and sends it. */
    private void report(long roundId, String body, String officer, String words) throws Exception {
        openTask(roundId, "userTask_draftReport", body, officer);
        browser.click(By.id("task-claim")).formReady();
        List<WebElement> selects = browser.all(By.cssSelector(
                "#task-form .fjs-form-field-select:not(.fjs-readonly) .fjs-input-group"));
        assertThat(selects).isNotEmpty();
        assertThat(browser.find(By.cssSelector("#task-form .fjs-select-display")).getAttribute("data-placeholder"))
                .isEqualTo("Chọn…");
        for (int i = 0; i < selects.size(); i++) {
            browser.all(By.cssSelector("#task-form .fjs-form-field-select:not(.fjs-readonly) .fjs-input-group"))
                    .get(i).click();
            browser.click(By.xpath("//*[@id='task-form']//div[contains(@class,'fjs-dropdownlist-item')]"
                    + "[normalize-space()='Hoàn thành đúng hạn']"));
        }
        for (WebElement result : browser.all(By.cssSelector("#task-form textarea[id*='field_result']"))) {
            result.sendKeys(words);
        }
        int n = 1;
        for (WebElement figure : browser.all(By.cssSelector("#task-form input[id*='field_value']"))) {
            figure.sendKeys(String.valueOf(n++));
        }
        browser.screenshot("report-form-" + body);
        browser.submitForm();
    }

    private void approve(long roundId, String body, String leader) throws Exception {
        openTask(roundId, "userTask_leaderApproval", body, leader);
        browser.click(By.id("task-claim")).formReady().choose("field_decision", "Duyệt, cấp số và gửi báo cáo")
                .submitForm();
    }

    /** Signs in as the user and opens, from the inbox, the round's task of this body (waiting until it is there). */
    private void openTask(long roundId, String taskKey, String body, String user) throws Exception {
        String id = vn.ttdn.support.RoundTasks.await(new WebClient(port), json, browser, roundId, taskKey, body, user);
        browser.signIn(user).open("/viec");
        browser.click(By.cssSelector("#task-" + id + " a.task-link"));
        assertThat(browser.path()).isEqualTo("/viec/" + id);
    }
}
