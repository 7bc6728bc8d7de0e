package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * "Sửa nhiệm vụ": editing a draft plan's task table from the pages, with plain forms as a browser
 * without JavaScript sends them. Every test edits a copy of the Quảng Ngãi seed plan of its own.
 */
@WebTest
class PlanEditPageTest {

    static final String OFFICER = "cv.stttt.qng";
    private static final AtomicInteger COPIES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Pages pages;
    @Autowired
    Api api;
    @Autowired
    Db db;

    long id;
    MockHttpSession officer;

    @BeforeEach
    void aDraftOfOurOwn() throws Exception {
        id = api.importCopy(SeedPlans.QUANG_NGAI, "ED-UI-" + COPIES.incrementAndGet());
        officer = pages.login(OFFICER);
    }

    @Test
    void theOfficerEditsATaskInItsRowAndSeesItOnThePlanPageAndInTheExport() throws Exception {
        // given the plan page, with its button to the edit page
        Element button = pages.page("/ke-hoach/" + id, officer).getElementById("plan-edit");
        assertThat(button.text()).isEqualTo("Sửa nhiệm vụ");
        Document table = pages.page(button.attr("href"), officer);

        // when the officer opens the row of task 3.7 …
        Document row = pages.page(hrefOf(table.getElementById("task-3.7"), "nhiem-vu="), officer);
        assertThat(row.select("#task-form-lead option[selected]").eachAttr("value"))
                .as("the lead bodies chosen, first and in the plan's order")
                .containsExactly("QNG-SCT", "QNG-SNGV", "QNG-SKHDT", "QNG-SVHTTDL");
        assertThat(row.select("#task-form-lead option").get(4).attr("selected")).isEmpty();
        assertThat(row.getElementById("task-form-content").text()).startsWith("Tổ chức các sự kiện xúc tiến đầu tư");
        // … writes in it and saves
        MvcResult saved = pages.submit(row, "task-form", officer, Map.of(
                "content", List.of("Tổ chức hội nghị xúc tiến đầu tư tại Hàn Quốc"),
                "lead", List.of("QNG-SNGV", "QNG-SCT"),
                "cooperating", List.of("QNG-SVHTTDL"),
                "timeline", List.of("2025")));

        // then back at the table, at the row, with a note of what was done
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/ke-hoach/" + id + "/sua#task-3.7");
        Document after = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(after.getElementById("edit-done").text()).isEqualTo("Đã lưu nhiệm vụ 3.7.");
        assertThat(after.getElementById("edit-version").text()).isEqualTo("Phiên bản 1");
        // and the plan page shows the task as edited
        Element task = pages.page("/ke-hoach/" + id, officer).getElementById("task-3.7");
        assertThat(task.select(".task-content").text()).isEqualTo("Tổ chức hội nghị xúc tiến đầu tư tại Hàn Quốc");
        assertThat(task.select(".task-lead [data-body-code]").eachAttr("data-body-code"))
                .containsExactly("QNG-SNGV", "QNG-SCT");
        assertThat(task.select(".task-cooperating [data-body-code]").eachAttr("data-body-code"))
                .containsExactly("QNG-SVHTTDL");
        assertThat(task.select(".task-timeline").text()).isEqualTo("2025");
        // and so does the plan file
        String export = new String(api.bytes("/api/plans/" + id + "/export", OFFICER), StandardCharsets.UTF_8);
        assertThat(export).contains("Tổ chức hội nghị xúc tiến đầu tư tại Hàn Quốc");
    }

    @Test
    void theEditButtonIsShownOnlyToThoseWhoMayEditTheDraft() throws Exception {
        assertThat(pages.page("/ke-hoach/" + id, "admin").getElementById("plan-edit")).isNotNull();
        assertThat(pages.page("/ke-hoach/" + id, "gd.stttt.qng").getElementById("plan-edit")).isNull();
        assertThat(pages.page("/ke-hoach/" + id, "cv.vpub.qng").getElementById("plan-edit")).isNull();

        db.jdbc().update("update ttdn.plan set status = 'IN_APPROVAL' where id = ?", id);

        assertThat(pages.page("/ke-hoach/" + id, officer).getElementById("plan-edit")).isNull();
        assertThat(pages.page("/ke-hoach/" + id, "admin").getElementById("plan-edit")).isNull();
    }

    @Test
    void aRefusedRowShowsEachProblemBesideItsFieldAndWritesNothing() throws Exception {
        JsonNode before = plan();
        Document row = pages.page("/ke-hoach/" + id + "/sua?nhiem-vu=1.1", officer);

        MvcResult refused = pages.submit(row, "task-form", officer, Map.of("content", List.of("  "),
                "lead", List.of(), "timeline", List.of("cuối năm")));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        Element task = page.getElementById("task-1.1");
        assertThat(task.select(".edit-content .field-error").text()).isEqualTo("Nhập nội dung nhiệm vụ.");
        assertThat(task.select(".edit-lead .field-error").text()).isEqualTo("Chọn ít nhất một cơ quan chủ trì.");
        assertThat(task.select(".edit-timeline .field-error").text())
                .startsWith("Không đọc được thời gian thực hiện \"cuối năm\"");
        assertThat(page.getElementById("task-form-timeline").attr("value")).isEqualTo("cuối năm");
        assertThat(page.getElementById("task-form-timeline").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("task-form-lead").select("option[selected]")).isEmpty();
        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void aFormOfAnOlderVersionSaysThePlanChangedAndKeepsWhatWasWritten() throws Exception {
        Document row = pages.page("/ke-hoach/" + id + "/sua?nhiem-vu=1.1", officer);
        // meanwhile someone else edits the plan
        mvc.perform(put("/api/plans/" + id + "/tasks/1.2").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"content\":\"Sửa của người khác\",\"lead\":[\"QNG-SNGV\"]}"));
        JsonNode before = plan();

        MvcResult refused = pages.submit(row, "task-form", officer, Map.of("content", List.of("Sửa của tôi")));

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.getElementById("edit-problems").text())
                .contains("Kế hoạch đã được thay đổi sau khi bạn mở nó (phiên bản 0)");
        assertThat(page.getElementById("task-form-content").text()).isEqualTo("Sửa của tôi");
        assertThat(page.select("#task-form input[name=version]").attr("value")).isEqualTo("1");
        assertThat(page.getElementById("task-1.2").select(".task-content").text()).isEqualTo("Sửa của người khác");
        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void tasksAreAddedMovedAndRemovedThroughTheTable() throws Exception {
        // add a task at the end of group 2
        Document table = pages.page("/ke-hoach/" + id + "/sua", officer);
        Document adding = pages.page(hrefOf(table.getElementById("group-2"), "them-nhiem-vu="), officer);
        assertThat(adding.getElementById("new-task").select(".num").text()).isEqualTo("2.4");
        MvcResult added = pages.submit(adding, "task-form", officer, Map.of("content", List.of("Nhiệm vụ bổ sung"),
                "lead", List.of("QNG-SNGV"), "timeline", List.of("yearly")));
        assertThat(added.getResponse().getRedirectedUrl()).endsWith("/sua#task-2.4");

        // move it up a place
        table = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(table.getElementById("task-2.4").select(".task-timeline").text()).isEqualTo("Hàng năm");
        assertThat(table.getElementById("task-down-2.4")).as("the last task has no way down").isNull();
        MvcResult moved = pages.submit(table, "task-up-2.4", officer, Map.of());
        assertThat(moved.getResponse().getRedirectedUrl()).endsWith("/sua#task-2.3");
        table = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(table.getElementById("edit-done").text()).isEqualTo("Đã chuyển nhiệm vụ, nay là nhiệm vụ 2.3.");
        assertThat(table.getElementById("task-2.3").select(".task-content").text()).isEqualTo("Nhiệm vụ bổ sung");

        // remove it, after saying yes
        Document confirm = pages.page(hrefOf(table.getElementById("task-2.3"), "xoa-nhiem-vu="), officer);
        assertThat(confirm.getElementById("task-2.3").select(".confirm-text").text()).startsWith("Xóa nhiệm vụ 2.3?");
        pages.submit(confirm, "task-remove-2.3", officer, Map.of());
        table = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(table.select("tr.task-row").eachAttr("data-task-number")).filteredOn(n -> n.startsWith("2."))
                .containsExactly("2.1", "2.2", "2.3");
        assertThat(table.text()).doesNotContain("Nhiệm vụ bổ sung");
        assertThat(table.getElementById("edit-counts").text()).isEqualTo("5 nhóm, 21 nhiệm vụ");
    }

    @Test
    void aGroupIsAddedRenamedAndRemovedThroughThePage() throws Exception {
        Document table = pages.page("/ke-hoach/" + id + "/sua", officer);
        Document adding = pages.page(table.getElementById("edit-add-group").attr("href").replace("#new-group", ""),
                officer);
        MvcResult added = pages.submit(adding, "group-form", officer, Map.of("title", List.of("Nhóm nhiệm vụ mới"),
                "content", List.of("Nhiệm vụ đầu tiên"), "lead", List.of("QNG-SNGV")));
        assertThat(added.getResponse().getRedirectedUrl()).endsWith("/sua#group-6");

        Document renaming = pages.page("/ke-hoach/" + id + "/sua?nhom=6", officer);
        pages.submit(renaming, "group-form", officer, Map.of("title", List.of("Nhóm đã đổi tên")));
        table = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(table.getElementById("group-6").select(".group-title").text()).isEqualTo("Nhóm đã đổi tên");
        assertThat(table.getElementById("task-6.1").select(".task-content").text()).isEqualTo("Nhiệm vụ đầu tiên");

        Document confirm = pages.page(hrefOf(table.getElementById("group-6"), "xoa-nhom="), officer);
        assertThat(confirm.getElementById("group-6").select(".confirm-text").text()).startsWith("Xóa nhóm 6 cùng 1 nhiệm vụ");
        pages.submit(confirm, "group-remove-6", officer, Map.of());
        table = pages.page("/ke-hoach/" + id + "/sua", officer);
        assertThat(table.getElementById("group-6")).isNull();
        assertThat(table.getElementById("edit-done").text()).startsWith("Đã xóa nhóm 6");
    }

    @Test
    void aNewGroupWithoutItsFirstTaskShowsTheProblemsInTheForm() throws Exception {
        Document adding = pages.page("/ke-hoach/" + id + "/sua?them-nhom=", officer);

        MvcResult refused = pages.submit(adding, "group-form", officer, Map.of("title", List.of("Nhóm mới")));

        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.getElementById("group-form-title").attr("value")).isEqualTo("Nhóm mới");
        assertThat(page.select("#new-group .edit-content .field-error").text()).isEqualTo("Nhập nội dung nhiệm vụ.");
        assertThat(page.select("#new-group .edit-lead .field-error").text()).isEqualTo("Chọn ít nhất một cơ quan chủ trì.");
    }

    @Test
    void othersMayNotOpenTheEditPageNorPostToIt() throws Exception {
        JsonNode before = plan();
        String path = "/ke-hoach/" + id + "/sua";

        assertThat(pages.open(path, "gd.stttt.qng").getStatus()).isEqualTo(403);
        assertThat(pages.open(path, "cv.vpub.qng").getStatus()).isEqualTo(403);
        assertThat(pages.open(path, "cv.stttt.ndh").getStatus()).isEqualTo(403);
        MockHttpSession other = pages.login("cv.vpub.qng");
        String token = pages.page("/ke-hoach/" + id, other).select("input[name=_csrf]").attr("value");
        assertThat(mvc.perform(post(path + "/nhiem-vu/1.1").session(other).param("_csrf", token)
                .param("version", "0").param("content", "x").param("lead", "QNG-SNGV"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // a form without its CSRF token is refused too
        assertThat(mvc.perform(post(path + "/nhiem-vu/1.1").session(officer)
                .param("version", "0").param("content", "x").param("lead", "QNG-SNGV"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void aPlanThatIsNoLongerADraftAnswers409() throws Exception {
        Document row = pages.page("/ke-hoach/" + id + "/sua?nhiem-vu=1.1", officer);
        db.jdbc().update("update ttdn.plan set status = 'IN_APPROVAL' where id = ?", id);
        JsonNode before = plan();

        assertThat(pages.open("/ke-hoach/" + id + "/sua", OFFICER).getStatus()).isEqualTo(409);
        MvcResult refused = pages.submit(row, "task-form", officer, Map.of("content", List.of("x")));

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void theEditPageNeedsNoJavaScript() throws Exception {
        Document table = pages.page("/ke-hoach/" + id + "/sua?nhiem-vu=2.1", officer);

        assertThat(table.select("script")).isEmpty();
        assertThat(table.select("form")).allSatisfy(form -> {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.select("input[name=_csrf]")).hasSize(1);
        });
        assertThat(table.select("[onclick], [onchange], [onsubmit]")).isEmpty();
        assertThat(table.select("[form=task-form]")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(table.select("html").attr("lang")).isEqualTo("vi");
    }

    /** The path of the link in a row whose query names this parameter, without its fragment. */
    private static String hrefOf(Element row, String parameter) {
        String href = row.select("a[href*=" + parameter + "]").attr("href");
        assertThat(href).as("link with " + parameter).isNotEmpty();
        return href.replaceFirst("#.*", "");
    }

    private JsonNode plan() throws Exception {
        return api.get("/api/plans/" + id, "admin");
    }
}
