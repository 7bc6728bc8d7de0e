package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.ttdn.support.Browser;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebClient;

/**
 * The approval chain in a real browser: each person signs in, finds the task in their inbox, claims
 * it, fills its form-js form and sends it, until the plan is issued with its number and signer.
 * Screenshots of the inbox, a task page and the issued plan go to {@code target/browser/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class ApprovalBrowserIT {

    private static final Cast QNG = Cast.of("qng");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    Db db;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void application() {
        browser.at(port).consoleErrors();
    }

    @AfterEach
    void noScriptFailed() {
        assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    @Test
    void aDraftPlanIsIssuedByClickingThroughEveryStep() throws Exception {
        // given
        String code = "QNG-BROWSER-ISSUE";
        long planId = importSeed(code);
        int year = LocalDate.now(VIETNAM).getYear();
        int before = lastNumber("QNG-UBND", year);

        // when: the drafter starts the approval from the plan page and sends the Tờ trình
        browser.signIn(QNG.drafter()).open("/ke-hoach/" + planId);
        assertThat(browser.find(By.id("plan-status")).getAttribute("data-status")).isEqualTo("DRAFT");
        browser.click(By.id("approval-start"));
        browser.until(ExpectedConditions.urlMatches("/viec/[^/]+$"));
        assertThat(browser.find(By.id("task-name")).getAttribute("textContent"))
                .isEqualTo("Hoàn thiện dự thảo và Tờ trình");
        browser.formReady()
                .fill("field_number", "45/TTr-STTTT")
                .fillDate("field_dated", LocalDate.of(year, 11, 2))
                .fill("field_summary", "Dự thảo Kế hoạch thực hiện Nghị quyết 47/NQ-CP về thông tin đối ngoại.")
                .fill("field_proposal", "Kính trình Ủy ban nhân dân tỉnh xem xét, ban hành Kế hoạch.");
        // the date reads the Vietnamese way although the browser is English
        assertThat(browser.find(Browser.dateField("field_dated")).getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        assertThat(browser.find(Browser.dateField("field_dated")).getAttribute("value")).isEqualTo("02/11/" + year);
        browser.screenshot("task-page-draft");
        browser.submitForm();
        assertThat(browser.text(By.id("task-done"))).isEqualTo("Đã hoàn thành việc.");

        // the director signs the Tờ trình
        openFromInbox(QNG.director(), code, "userTask_directorApproval", "inbox-director");
        browser.click(By.id("task-claim")).formReady();
        assertThat(browser.text(By.id("submission-number"))).isEqualTo("45/TTr-STTTT, 02/11/" + year);
        assertThat(browser.find(By.id("task-unclaim")).getCssValue("color")).isNotEqualTo("rgba(255, 255, 255, 1)");
        browser.find(By.cssSelector("#diagram .process-diagram[data-state='ready'] "
                + "g.djs-element.active[data-element-id='userTask_directorApproval']"));
        browser.screenshot("task-page-director");
        browser.choose("field_decision", "Ký Tờ trình, trình cơ quan ban hành").submitForm();

        // the office reviews
        openFromInbox(QNG.reviewer(), code, "userTask_officeReview", null);
        browser.click(By.id("task-claim")).formReady()
                .fill("field_reviewOpinion", "Hồ sơ đầy đủ, đúng thẩm quyền; đề nghị ban hành.")
                .submitForm();

        // the vice-chair approves
        openFromInbox(QNG.leader(), code, "userTask_issuerDecision", null);
        browser.click(By.id("task-claim")).formReady()
                .choose("field_decision", "Phê duyệt ban hành Kế hoạch")
                .submitForm();

        // the clerk numbers and issues it on today's date, as the form proposes
        openFromInbox(QNG.clerk(), code, "userTask_issue", null);
        browser.click(By.id("task-claim")).formReady();
        LocalDate today = LocalDate.now(VIETNAM);
        assertThat(browser.find(Browser.dateField("field_issueDate")).getAttribute("value"))
                .isEqualTo(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(today));
        browser.screenshot("task-page-issue");
        browser.submitForm();

        // then: the plan page shows the issued document
        String number = String.format("%02d", before + 1) + "/KH-UBND";
        browser.open("/ke-hoach/" + planId);
        assertThat(browser.find(By.id("plan-status")).getAttribute("data-status")).isEqualTo("ISSUED");
        assertThat(browser.text(By.id("plan-number"))).isEqualTo("Số: " + number);
        assertThat(browser.text(By.id("signer"))).contains("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Bình");
        assertThat(browser.maybe(By.id("plan-draft-mark"))).isEmpty();
        browser.screenshotTop("plan-issued");
        // the ended approval's diagram is folded away, and drawn when opened
        assertThat(browser.find(By.id("approval-diagram")).getAttribute("open")).isNull();
        browser.click(By.cssSelector("#approval-diagram > summary"));
        browser.find(By.cssSelector("#approval-diagram .process-diagram[data-state='ready'] "
                + "g.djs-element.completed[data-element-id='userTask_issue']"));
        browser.screenshot("plan-issued-header", By.id("plan-header"));
        browser.screenshot("plan-issued-signer", By.cssSelector("#plan-document .doc-closing"));

        Map<String, Object> plan = db.jdbc().queryForMap(
                "select status, issued_reference, issued_on, signer_name from ttdn.plan where id = ?", planId);
        assertThat(plan).containsEntry("status", "ISSUED").containsEntry("issued_reference", number)
                .containsEntry("signer_name", "Vũ Thị Bình");
        assertThat(db.jdbc().queryForList("select body_code || ' ' || year || ' ' || number || ' ' || reference || ' '"
                + " || status || ' ' || issued_by from ttdn.register_entry where plan_id = ?", String.class, planId))
                .containsExactly("QNG-UBND " + year + " " + (before + 1) + " " + number + " ISSUED " + QNG.clerk());
        assertThat(steps(planId)).containsExactly("START/STARTED/cv.stttt.qng", "DRAFT/SUBMITTED/cv.stttt.qng",
                "DIRECTOR/APPROVED/gd.stttt.qng", "OFFICE_REVIEW/REVIEWED/cv.vpub.qng",
                "DECISION/APPROVED/pct.ubnd.qng", "ISSUE/ISSUED/vt.ubnd.qng");
    }

    @Test
    void aReturnedSubmissionComesBackToTheDrafterWithTheDirectorsReason() throws Exception {
        // given: a Tờ trình sent to the director
        String code = "QNG-BROWSER-RETURN";
        long planId = importSeed(code);
        browser.signIn(QNG.drafter()).open("/ke-hoach/" + planId).click(By.id("approval-start"));
        browser.formReady()
                .fill("field_number", "46/TTr-STTTT")
                .fillDate("field_dated", LocalDate.of(2026, 11, 3))
                .fill("field_summary", "Dự thảo Kế hoạch thông tin đối ngoại năm 2026 của tỉnh.")
                .fill("field_proposal", "Kính trình Ủy ban nhân dân tỉnh xem xét, ban hành.")
                .submitForm();

        // when: the director returns it with a reason
        String reason = "Bổ sung kinh phí thực hiện và thời hạn báo cáo của từng nhiệm vụ.";
        openFromInbox(QNG.director(), code, "userTask_directorApproval", null);
        browser.click(By.id("task-claim")).formReady().click(By.id("task-form-submit"));
        assertThat(browser.text(By.cssSelector("#task-form .fjs-form-field-error"))).isEqualTo("Trường này là bắt buộc.");
        browser.choose("field_decision", "Trả lại người soạn thảo");
        browser.find(Browser.field("field_reason"));
        browser.fill("field_reason", reason).submitForm();

        // then: the drafter finds the task again, with the reason in its history and the Tờ trình kept
        openFromInbox(QNG.drafter(), code, "userTask_draftSubmission", null);
        browser.formReady();
        assertThat(browser.text(By.id("task-returned"))).contains("Hoàng Minh Hoa");
        assertThat(browser.text(By.id("task-returned-reason"))).isEqualTo(reason);
        assertThat(browser.text(By.id("history"))).contains("Trả lại", reason, "Hoàng Minh Hoa");
        assertThat(browser.find(By.cssSelector("#history-list li[data-outcome='RETURNED']")).getText()).contains(reason);
        assertThat(browser.find(Browser.field("field_number")).getAttribute("value")).isEqualTo("46/TTr-STTTT");
        browser.screenshot("task-page-returned");
        assertThat(steps(planId)).containsExactly("START/STARTED/cv.stttt.qng", "DRAFT/SUBMITTED/cv.stttt.qng",
                "DIRECTOR/RETURNED/gd.stttt.qng");
    }

    @Test
    void anOverdueTaskStandsOutInRedInTheInbox() throws Exception {
        // given: a Tờ trình task two days past its due date
        String code = "QNG-BROWSER-OVERDUE";
        long planId = importSeed(code);
        browser.signIn(QNG.drafter()).open("/ke-hoach/" + planId).click(By.id("approval-start")).formReady();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        task.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(2))));
        tasks.saveTask(task);

        // when
        browser.open("/viec");

        // then
        By row = By.cssSelector("#task-table tr[data-plan-code='" + code + "']");
        assertThat(browser.find(row).getAttribute("class")).contains("overdue");
        assertThat(browser.find(row).getText()).contains("Quá hạn");
        assertThat(browser.find(row).findElement(By.tagName("td")).getCssValue("background-color"))
                .isNotEqualTo(browser.find(By.cssSelector("#task-table thead th")).getCssValue("background-color"));
        browser.screenshot("inbox-overdue");

        // and the filter finds it by its code among the tasks the drafter holds
        new Select(browser.find(By.id("scope"))).selectByValue("mine");
        browser.type(By.id("plan"), code).click(By.id("inbox-filter-submit"));
        browser.until(ExpectedConditions.urlContains("scope=mine"));
        assertThat(browser.all(By.cssSelector("#task-table tbody tr"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#task-table tbody tr")).getAttribute("data-plan-code")).isEqualTo(code);
    }

    /** Signs in, opens the inbox and clicks the task of that kind on that plan. */
    private void openFromInbox(String username, String planCode, String taskKey, String screenshot) {
        browser.signIn(username).open("/viec");
        String row = "#task-table tr[data-plan-code='" + planCode + "'][data-task-key='" + taskKey + "']";
        browser.find(By.cssSelector(row));
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        browser.click(By.cssSelector(row + " a.task-link"));
        browser.find(By.id("task-name"));
    }

    /** A fresh copy of the Quảng Ngãi seed plan under a new code, imported over HTTP as the admin. */
    private long importSeed(String code) throws Exception {
        WebClient web = new WebClient(port);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(web.uri("/api/plans"))
                .header("Authorization", WebClient.basic("admin", "demo"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SeedPlans.variant(SeedPlans.QUANG_NGAI, code, p -> { }))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private int lastNumber(String body, int year) {
        List<Integer> n = db.jdbc().queryForList("select last_number from ttdn.register_counter where body_code = ? "
                + "and year = ? and document_type = 'KH'", Integer.class, body, year);
        return n.isEmpty() ? 0 : n.get(0);
    }

    private List<String> steps(long planId) {
        return db.jdbc().queryForList("select step || '/' || outcome || '/' || actor from ttdn.approval_step "
                + "where plan_id = ? order by id", String.class, planId);
    }
}
