package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** The inbox and the task page as the actors see them (server-rendered; the form itself is form-js). */
@WebTest
class TaskPagesTest {

    private static final Cast QNG = Cast.of("qng");

    @Autowired
    Chain chain;
    @Autowired
    Pages pages;

    @Test
    void theDirectorSeesTheTaskInTheInboxAndItsPageOffersTheClaimAndTheRecord() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-PAGES-INBOX");
        Chain.ok(chain.start(planId, QNG.drafter()));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        String id = chain.task(planId, "userTask_directorApproval", QNG.director());

        Document inbox = pages.page("/viec?plan=QNG-PAGES-INBOX", QNG.director());
        assertThat(inbox.getElementById("task-" + id).attr("data-plan-code")).isEqualTo("QNG-PAGES-INBOX");
        assertThat(inbox.getElementById("task-" + id).text()).contains("Lãnh đạo cơ quan chủ trì ký Tờ trình",
                "Chưa ai nhận");
        assertThat(pages.page("/viec?plan=QNG-PAGES-INBOX", QNG.reviewer()).getElementById("task-" + id)).isNull();

        Document task = pages.page("/viec/" + id, QNG.director());
        assertThat(task.getElementById("task-claim")).isNotNull();
        assertThat(task.getElementById("task-form")).isNull();
        assertThat(task.getElementById("submission-number").text()).contains("45/TTr-STTTT");
        assertThat(task.select("#history-list li").eachAttr("data-step")).containsExactly("START", "DRAFT");
        assertThat(task.select("script[src]").eachAttr("src")).contains("/vendor/form-js/form-viewer.umd.js",
                "/js/task-form.js");

        Chain.ok(chain.post("/api/tasks/" + id + "/claim", QNG.director(), null));
        Document held = pages.page("/viec/" + id, QNG.director());
        assertThat(held.getElementById("task-form").attr("data-complete-url")).isEqualTo("/api/tasks/" + id + "/complete");
        assertThat(held.getElementById("task-unclaim")).isNotNull();
    }

    @Test
    void aTaskOfAnotherBodyIsForbiddenAndAFinishedOneSendsBackToTheInbox() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-PAGES-DONE");
        Chain.ok(chain.start(planId, QNG.drafter()));
        String draft = chain.task(planId, "userTask_draftSubmission", QNG.drafter());

        assertThat(pages.open("/viec/" + draft, "cv.stttt.nth").getStatus()).isEqualTo(403);
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        var finished = pages.open("/viec/" + draft, QNG.drafter());
        assertThat(finished.getStatus()).isEqualTo(302);
        assertThat(finished.getRedirectedUrl()).isEqualTo("/viec");
        assertThat(pages.open("/viec/no-such-task", QNG.drafter()).getStatus()).isEqualTo(404);
    }

    @Test
    void thePlanPageOffersTheStartToTheConsolidatingOfficerOnly() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-PAGES-START");

        assertThat(pages.page("/ke-hoach/" + planId, QNG.drafter()).getElementById("approval-start")).isNotNull();
        assertThat(pages.page("/ke-hoach/" + planId, QNG.director()).getElementById("approval-start")).isNull();
        Chain.ok(chain.start(planId, QNG.drafter()));
        Document page = pages.page("/ke-hoach/" + planId, QNG.drafter());
        assertThat(page.getElementById("approval-start")).isNull();
        assertThat(page.getElementById("approval-state").attr("data-running")).isEqualTo("true");
        assertThat(page.select("#approval-my-tasks a").text()).contains("Hoàn thiện dự thảo và Tờ trình");
        assertThat(page.select(".process-diagram").attr("data-url")).isEqualTo("/api/plans/" + planId + "/process");
        var diagram = Chain.ok(chain.get("/api/plans/" + planId + "/process", QNG.drafter())).body();
        assertThat(diagram.path("active").get(0).asText()).isEqualTo("userTask_draftSubmission");
        assertThat(diagram.path("completed").toString()).contains("startEvent_planDraft");
        assertThat(diagram.path("xml").asText()).contains("plan-approval");
    }
}
