package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.Statements;
import vn.ttdn.support.WebTest;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskPage;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * The inbox a page at a time (issue 11, B3): a body of the test's own stands for Đắk Lắk's Sở Ngoại vụ
 * in a plan of the test's own, five rounds opened on it (their deadlines out of order), so that its
 * officers' inbox holds exactly five report drafts, one of them claimed. Pages, their boundaries and
 * total, the order (the earliest due first), each task once though it is both the officer's own and
 * their group's, another body's tasks never, the filters, the bad parameters, the page with its pager,
 * and a page costing the same few statements whatever its size.
 */
@WebTest
@ExtendWith(EngineClock.class)
class InboxPagingTest {

    private static final String CONSOLIDATING = "cv.svhttdl.dlk";
    private static final String OTHER_BODY = "DLK-SKHDT";
    /** The rounds' deadlines in the order they are opened: the inbox lists them sorted. */
    private static final List<String> DEADLINES = List.of("2026-12-18", "2026-12-10", "2026-12-29", "2026-12-15",
            "2026-12-22");

    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    Pages pages;
    @Autowired
    WorkflowTasks tasks;

    /** The body's plan, its rounds by deadline, the two officers, the draft the first one claimed. */
    private record Inbox(String body, long planId, Map<String, Long> roundsByDeadline, String officer,
                         String colleague, String claimed) {
    }

    @Test
    void theInboxPagesItsTasksEarliestDueFirstEachOnceAndNoneOfAnotherBody() throws Exception {
        // given five drafts offered to the body's officers, the one due 15/12 claimed by the first
        Inbox inbox = inbox("DLK-INBOX-P", "inbox-p");
        List<String> offered = db.jdbc().queryForList("select task_id_ from public.act_ru_identitylink where type_ = "
                + "'candidate' and group_id_ = ?", String.class, "officer." + inbox.body());
        assertThat(offered).hasSize(5);

        // when the officer reads the inbox two at a time
        List<JsonNode> listed = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = list("size=2&page=" + page, inbox.officer());
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(2);
            assertThat(answer.path("total").asLong()).as("the claimed draft counted once").isEqualTo(5);
            assertThat(answer.path("items")).hasSize(page < 2 ? 2 : 1);
            answer.path("items").forEach(listed::add);
        }
        JsonNode beyond = list("size=2&page=3", inbox.officer());

        // then every draft once, the earliest due first, and only the body's
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(5);
        assertThat(listed.stream().map(t -> t.path("id").asText()).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(offered);
        assertThat(listed.stream().map(t -> t.path("roundId").asLong()).toList()).containsExactlyElementsOf(
                DEADLINES.stream().sorted().map(inbox.roundsByDeadline()::get).toList());
        List<String> due = listed.stream().map(t -> t.path("due").asText()).toList();
        assertThat(due).isSorted().doesNotContain("", "null");
        assertThat(listed).allSatisfy(t -> {
            assertThat(t.path("bodyCode").asText()).isEqualTo(inbox.body());
            assertThat(t.path("taskKey").asText()).isEqualTo("userTask_draftReport");
            assertThat(t.path("planCode").asText()).isEqualTo("DLK-INBOX-P");
        });
        JsonNode claimed = listed.stream().filter(t -> t.path("id").asText().equals(inbox.claimed())).findFirst()
                .orElseThrow();
        assertThat(claimed.path("assignee").asText()).isEqualTo(inbox.officer());
        assertThat(claimed.path("assigneeName").asText()).isEqualTo("Nguyễn Thị Hộp");
        assertThat(claimed.path("roundId").asLong()).isEqualTo(inbox.roundsByDeadline().get("2026-12-15"));

        // another body's drafts of the same rounds are in the database, never in this inbox
        List<String> others = db.jdbc().queryForList("select l.task_id_ from public.act_ru_identitylink l "
                + "join public.act_ru_task t on t.id_ = l.task_id_ join ttdn.process_instance_info i "
                + "on i.instance_id = t.proc_inst_id_ where l.group_id_ = ? and i.plan_id = ?", String.class,
                "officer." + OTHER_BODY, inbox.planId());
        assertThat(others).hasSize(5);
        assertThat(listed.stream().map(t -> t.path("id").asText()).toList()).doesNotContainAnyElementsOf(others);
        assertThat(ids(list("plan=" + inbox.planId() + "&size=200", rounds.person(OTHER_BODY, Role.OFFICER))))
                .containsExactlyInAnyOrderElementsOf(others);

        // the scopes: the officer's own, the groups' (whoever holds them), the colleague's
        assertThat(ids(list("scope=mine", inbox.officer()))).containsExactly(inbox.claimed());
        assertThat(list("scope=groups", inbox.officer()).path("total").asLong()).isEqualTo(5);
        assertThat(list("scope=mine", inbox.colleague()).path("total").asLong()).isZero();
        assertThat(ids(list("", inbox.colleague()))).containsExactlyElementsOf(
                listed.stream().map(t -> t.path("id").asText()).toList());

        // the filters: a plan, a round, another plan
        assertThat(list("plan=" + inbox.planId(), inbox.officer()).path("total").asLong()).isEqualTo(5);
        long round = inbox.roundsByDeadline().get("2026-12-22");
        String inRound = db.jdbc().queryForObject("select t.id_ from public.act_ru_task t join ttdn.process_instance_info i "
                + "on i.instance_id = t.proc_inst_id_ join public.act_ru_identitylink l on l.task_id_ = t.id_ "
                + "where i.round_id = ? and l.group_id_ = ?", String.class, round, "officer." + inbox.body());
        assertThat(ids(list("round=" + round, inbox.officer()))).containsExactly(inRound);
        long otherPlan = db.jdbc().queryForObject("select id from ttdn.plan where code = 'DLK-KH-NQ47'", Long.class);
        assertThat(list("plan=" + otherPlan, inbox.officer()).path("total").asLong()).isZero();
    }

    @Test
    void badPagesSizesScopesAndIdsAreRefusedWithEveryProblem() throws Exception {
        Chain.Answer answer = chain.get("/api/tasks?scope=someone&plan=0&round=abc&page=-1&size=201", "cv.stttt.qng");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("scope", "plan", "round", "page", "size");
        assertThat(answer.body().path("errors").findValuesAsText("code")).contains("inbox.scope", "inbox.number",
                "inbox.page", "inbox.size");
        assertThat(chain.get("/api/tasks?size=0", "cv.stttt.qng").status()).isEqualTo(400);
        assertThat(chain.get("/api/tasks?page=abc", "cv.stttt.qng").status()).isEqualTo(400);
        assertThat(chain.get("/api/tasks?page=100001", "cv.stttt.qng").status()).isEqualTo(400);
        assertThat(chain.get("/api/tasks?scope=every", "cv.stttt.qng").status()).isEqualTo(403);
        JsonNode largest = Chain.ok(chain.get("/api/tasks?size=200&page=100000", "cv.stttt.qng")).body();
        assertThat(largest.path("items")).isEmpty();
        assertThat(largest.path("size").asInt()).isEqualTo(200);
        JsonNode every = Chain.ok(chain.get("/api/tasks?scope=every&size=1", "giamsat")).body();
        assertThat(every.path("total").asLong()).isEqualTo(db.jdbc().queryForObject(
                "select count(*) from public.act_ru_task where suspension_state_ = 1", Long.class));

        // the page says what is wrong, in Vietnamese, and shows the first page
        Document page = pages.page("/viec?page=abc&size=1000", "cv.stttt.qng");
        assertThat(page.getElementById("error").text()).contains("Giá trị “abc” không phải là một số nguyên dương.",
                "Mỗi trang có từ 1 đến 200 việc.");
        assertThat(page.getElementById("main").attr("data-page")).isEqualTo("0");
    }

    @Test
    void theInboxPageShowsItsPagerAndAPageCostsTheSameStatementsWhateverItsSize() throws Exception {
        Inbox inbox = inbox("DLK-INBOX-V", "inbox-v");

        // the page, two tasks at a time: the first, the last, one beyond
        Document first = pages.page("/viec?size=2", inbox.officer());
        assertThat(first.select("#task-table tbody tr")).hasSize(2);
        assertThat(first.select("#task-table caption").text()).isEqualTo("Việc 1–2 trong tổng số 5 việc");
        assertThat(first.getElementById("pager-previous")).isNull();
        assertThat(first.select("#inbox-pager .pager-position").text()).isEqualTo("Trang 1/3");
        assertThat(first.getElementById("pager-next").attr("href")).isEqualTo("/viec?scope=all&size=2&page=1");
        Document last = pages.page("/viec?size=2&page=2", inbox.officer());
        assertThat(last.select("#task-table tbody tr")).hasSize(1);
        assertThat(last.select("#task-table caption").text()).isEqualTo("Việc 5–5 trong tổng số 5 việc");
        assertThat(last.getElementById("pager-next")).isNull();
        assertThat(last.getElementById("pager-previous").attr("href")).isEqualTo("/viec?scope=all&size=2&page=1");
        assertThat(pages.page("/viec?size=2&page=7", inbox.officer()).getElementById("tasks-empty").text())
                .isEqualTo("Trang này không có việc nào; danh sách chỉ có 3 trang.");
        Document whole = pages.page("/viec", inbox.officer());
        assertThat(whole.select("#task-table tbody tr")).hasSize(5);
        assertThat(whole.getElementById("inbox-pager")).isNull();
        assertThat(whole.select("#task-table caption").text()).isEqualTo("5 việc");
        assertThat(pages.page("/viec?plan=dlk-inbox-v", inbox.officer()).select("#task-table tbody tr")).hasSize(5);
        assertThat(pages.page("/viec?plan=QNG-KH-116", inbox.officer()).getElementById("tasks-empty").text())
                .isEqualTo("Không có việc nào.");

        // a page of two and a page of five (each with the claimed draft) send the same statements: the tasks'
        // variables, plans, bodies and assignees' names read in one statement each, not one per task
        CurrentUser officer = new CurrentUser(inbox.officer(), "Nguyễn Thị Hộp", inbox.body(), Set.of(Role.OFFICER));
        tasks.page(officer, WorkflowTasks.Scope.ALL_MINE, TaskFilter.NONE, 0, 5);
        Statements.Counted<TaskPage> two = Statements.during(() ->
                tasks.page(officer, WorkflowTasks.Scope.ALL_MINE, TaskFilter.NONE, 0, 2));
        Statements.Counted<TaskPage> five = Statements.during(() ->
                tasks.page(officer, WorkflowTasks.Scope.ALL_MINE, TaskFilter.NONE, 0, 5));
        assertThat(two.result().items()).hasSize(2).anyMatch(t -> t.id().equals(inbox.claimed()));
        assertThat(five.result().items()).hasSize(5);
        assertThat(five.result().total()).isEqualTo(5);
        assertThat(five.sql()).hasSameSizeAs(two.sql()).hasSizeLessThanOrEqualTo(8);
        assertThat(five.sql().stream().filter(s -> s.contains("ttdn.person"))).hasSize(1);
        assertThat(five.sql().stream().filter(s -> s.contains("from ttdn.body "))).hasSize(1);
        assertThat(five.sql().stream().filter(s -> s.contains("act_ru_task RES"))).hasSize(2);
        assertThat(five.result().items().stream().filter(t -> t.assignee() != null).map(t -> t.assigneeName()))
                .containsExactly("Nguyễn Thị Hộp");
        assertThat(five.result().items()).allSatisfy(t -> {
            assertThat(t.planCode()).isEqualTo("DLK-INBOX-V");
            assertThat(t.bodyName()).isEqualTo("Sở Ngoại vụ (hộp thư) tỉnh Đắk Lắk");
        });
    }

    /**
     * A body of the test's own ({@code code}, with officers {@code cv.<tag>} and {@code cv2.<tag>})
     * standing in Đắk Lắk's plan for the Sở Ngoại vụ, the plan issued under {@code code}, five rounds
     * on three of its tasks opened, the draft due 15/12 claimed by the first officer.
     */
    private Inbox inbox(String code, String tag) throws Exception {
        BodyView foreign = directory.body("DLK-SNGV").orElseThrow();
        directory.saveBodies(List.of(new BodyView(code, "Sở Ngoại vụ (hộp thư) tỉnh Đắk Lắk", "Sở Ngoại vụ (hộp thư)",
                BodyKind.DEPARTMENT, BodyLevel.PROVINCE, foreign.parent(), "SNGVH", LocalDate.of(2020, 1, 1), null,
                List.of(), List.of())));
        String hash = directory.account(CONSOLIDATING).orElseThrow().passwordHash();
        directory.savePerson("cv." + tag, "Nguyễn Thị Hộp", "Chuyên viên", code, null, hash, Set.of(Role.OFFICER));
        directory.savePerson("cv2." + tag, "Lê Văn Thư", "Chuyên viên", code, null, hash, Set.of(Role.OFFICER));
        String plan = new String(SeedPlans.variant(SeedPlans.DAK_LAK, code, p -> { }), StandardCharsets.UTF_8)
                .replace("DLK-SNGV", code);
        Chain.Answer imported = chain.send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(plan), "admin");
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
        long planId = imported.body().path("id").asLong();
        Chain.ok(chain.start(planId, Chain.Cast.of("dlk").drafter()));
        chain.straightThrough(planId, Chain.Cast.of("dlk"));
        Map<String, Long> byDeadline = new java.util.LinkedHashMap<>();
        for (String deadline : DEADLINES) {
            JsonNode round = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "label", "Kỳ " + deadline,
                    "deadline", deadline, "tasks", List.of("4.1", "5.2", "7.1")));
            byDeadline.put(deadline, round.path("id").asLong());
        }
        String draft = db.jdbc().queryForObject("select t.id_ from public.act_ru_task t join ttdn.process_instance_info i "
                + "on i.instance_id = t.proc_inst_id_ where i.round_id = ? and i.body_code = ?", String.class,
                byDeadline.get("2026-12-15"), code);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", "cv." + tag, null));
        return new Inbox(code, planId, byDeadline, "cv." + tag, "cv2." + tag, draft);
    }

    private JsonNode list(String query, String user) throws Exception {
        return Chain.ok(chain.get("/api/tasks" + (query.isEmpty() ? "" : "?" + query), user)).body();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
