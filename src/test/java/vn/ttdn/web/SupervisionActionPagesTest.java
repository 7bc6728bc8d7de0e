package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The action pages as a supervisor and an administrator use them, without JavaScript: one report's
 * actions (remind, reassign to a person of its body, a move previewed then confirmed), the incidents
 * and the migration page; each refused to whom it is not for.
 */
@WebTest
@ExtendWith(EngineClock.class)
class SupervisionActionPagesTest {

    private static final String SNGV = "QNG-SNGV";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Pages pages;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;

    private String reportInstance(String code) throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, code, "qng");
        db.awaitIssuanceHandled(planId);
        long roundId = rounds.open(planId, "cv.svhttdl.qng", Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.3"), "bodies", List.of(SNGV))).path("id").asLong();
        return db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where round_id = ? "
                + "and process_key = 'agency-report'", String.class, roundId);
    }

    private Task openTask(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    @Test
    void aSupervisorRemindsAndReassignsFromTheInstancesActionsPage() throws Exception {
        // given
        String instance = reportInstance("QNG-TEST-PAGES-ACT");
        Task task = openTask(instance);
        String path = "/giam-sat/" + instance + "/thao-tac";
        MockHttpSession session = pages.login("giamsat");

        // when
        Document page = pages.page(path, session);

        // then the open task, its body's people to choose from, and no move (administrators only)
        assertThat(page.getElementById("open-task-" + task.getId()).text())
                .contains("Soạn báo cáo kết quả thực hiện", "Sở Ngoại vụ");
        assertThat(page.select("#reassign-person option").eachAttr("value")).contains("cv.qng-sngv")
                .doesNotContain("ld.qng-sngv", "cv.qng-sldtbxh");
        assertThat(page.getElementById("extend-until").attr("type")).isEqualTo("date");
        assertThat(page.getElementById("move-section")).isNull();
        assertThat(page.getElementById("instance-link").attr("href")).isEqualTo("/giam-sat/" + instance);

        // when reminding without a reason, then with one
        pages.submit(page, "remind-form", session, Map.of("bodyCode", List.of(SNGV), "reason", List.of("")));
        assertThat(pages.page(path, session).getElementById("error").text()).contains("Cần nêu lý do");
        MvcResult reminded = pages.submit(page, "remind-form", session, Map.of("bodyCode", List.of(SNGV),
                "reason", List.of("Sắp đến hạn")));

        // then
        assertThat(reminded.getResponse().getRedirectedUrl()).isEqualTo(path);
        assertThat(pages.page(path, session).getElementById("notice").text()).contains("Đã đôn đốc", "Sở Ngoại vụ");
        assertThat(db.auditEvents("reminder.sent", instance)).hasSize(1);

        // when the task is given to the body's officer
        pages.submit(pages.page(path, session), "reassign-form", session, Map.of("taskId", List.of(task.getId()),
                "username", List.of("cv.qng-sngv"), "reason", List.of("Giao đích danh chuyên viên phụ trách")));

        // then
        assertThat(pages.page(path, session).getElementById("notice").text()).contains("Đã giao việc");
        assertThat(openTask(instance).getAssignee()).isEqualTo("cv.qng-sngv");
        assertThat(pages.page(path, session).getElementById("open-task-" + task.getId()).attr("data-assignee"))
                .isEqualTo("cv.qng-sngv");
    }

    @Test
    void anAdministratorPreviewsAMoveWhichChangesNothingThenConfirmsIt() throws Exception {
        // given
        String instance = reportInstance("QNG-TEST-PAGES-MOVE");
        String path = "/giam-sat/" + instance + "/thao-tac";
        MockHttpSession session = pages.login("admin");
        Document page = pages.page(path, session);
        assertThat(page.select("#move-from option").eachAttr("value")).containsExactly("userTask_draftReport");
        Map<String, List<String>> before = db.engineRuntimeRows();

        // when previewed
        MvcResult previewed = pages.submit(page, "move-form", session, Map.of(
                "fromActivityId", List.of("userTask_draftReport"), "toActivityId", List.of("userTask_leaderApproval"),
                "reason", List.of("Chuyển sang lãnh đạo duyệt"), "action", List.of("preview")));

        // then the page shows what would happen, and nothing changed
        Document preview = org.jsoup.Jsoup.parse(previewed.getResponse().getContentAsString(), "http://localhost" + path);
        assertThat(previewed.getResponse().getStatus()).isEqualTo(200);
        assertThat(preview.getElementById("move-preview-from").text()).contains("Soạn báo cáo kết quả thực hiện");
        assertThat(preview.getElementById("move-preview-to").text()).contains("Lãnh đạo cơ quan duyệt báo cáo");
        assertThat(db.engineRuntimeRows()).isEqualTo(before);

        // when confirmed
        MvcResult confirmed = pages.submit(preview, "move-confirm-form", session, Map.of());

        // then
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo(path);
        assertThat(pages.page(path, session).getElementById("notice").text()).contains("Đã chuyển quy trình");
        assertThat(openTask(instance).getTaskDefinitionKey()).isEqualTo("userTask_leaderApproval");
        assertThat(db.auditEvents("instance.moved", instance)).hasSize(1);
    }

    @Test
    void theIncidentsAndMigrationPagesOpenToWhomTheyAreFor() throws Exception {
        String instance = reportInstance("QNG-TEST-PAGES-OTHER");

        assertThat(pages.page("/giam-sat/su-co", "giamsat").getElementById("main")).isNotNull();
        assertThat(pages.page("/giam-sat/su-co", "kiemtoan").select("form[id^=retry-form-]")).isEmpty();
        assertThat(pages.open("/giam-sat/su-co", "cv.qng-sngv").getStatus()).isEqualTo(403);

        Document migration = pages.page("/giam-sat/nang-cap", "admin");
        assertThat(migration.select("#version-table tr[data-process-key=agency-report]")).isNotEmpty();
        Document same = pages.page("/giam-sat/nang-cap?processKey=agency-report&fromVersion=1&toVersion=1", "admin");
        assertThat(same.getElementById("error").text()).contains("Phiên bản đích phải khác");
        assertThat(pages.open("/giam-sat/nang-cap", "giamsat").getStatus()).isEqualTo(403);

        assertThat(pages.open("/giam-sat/" + instance + "/thao-tac", "kiemtoan").getStatus()).isEqualTo(403);
        assertThat(pages.open("/giam-sat/no-such-instance/thao-tac", "giamsat").getStatus()).isEqualTo(404);
    }
}
