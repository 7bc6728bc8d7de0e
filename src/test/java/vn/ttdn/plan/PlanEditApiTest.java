package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Editing a draft plan's groups and tasks through the API: each operation, each rule, and that a
 * refused edit changes nothing. Every test edits a copy of the Quảng Ngãi seed plan of its own
 * (groups 1–5 with 2, 3, 9, 3 and 4 tasks), consolidated by QNG-STTTT.
 */
@WebTest
class PlanEditApiTest {

    static final String OFFICER = "cv.stttt.qng";
    private static final AtomicInteger COPIES = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Api api;
    @Autowired
    Db db;

    long id;

    @BeforeEach
    void aDraftOfOurOwn() throws Exception {
        id = api.importCopy(SeedPlans.QUANG_NGAI, "ED-API-" + COPIES.incrementAndGet());
    }

    @Test
    void theOfficerOfTheConsolidatingBodyChangesATask() throws Exception {
        JsonNode plan = send(put(url("/tasks/3.7")), OFFICER, task(0, "Tổ chức hội nghị xúc tiến đầu tư tại Nhật Bản",
                List.of("QNG-SNGV", "QNG-SCT"), List.of("QNG-SVHTTDL"), "2025", "Năm 2025", "assigned"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.taskCount").value(21))
                .body();

        JsonNode task = Api.task(plan, "3.7");
        assertThat(task.path("content").asText()).isEqualTo("Tổ chức hội nghị xúc tiến đầu tư tại Nhật Bản");
        assertThat(task.path("lead").findValuesAsText("code")).containsExactly("QNG-SNGV", "QNG-SCT");
        assertThat(task.path("lead").path(0).path("name").asText()).isEqualTo("Sở Ngoại vụ tỉnh Quảng Ngãi");
        assertThat(task.path("cooperating").findValuesAsText("code")).containsExactly("QNG-SVHTTDL");
        assertThat(task.path("timeline").asText()).isEqualTo("2025");
        assertThat(task.path("timelineText").asText()).isEqualTo("Năm 2025");
        assertThat(api.get("/api/plans/" + id + "/tasks/3.7", OFFICER)).isEqualTo(task);
        assertThat(db.jdbc().queryForObject("select edited_by from ttdn.plan where id = ?", String.class, id))
                .isEqualTo(OFFICER);
    }

    @Test
    void anAdministratorMayEditToo() throws Exception {
        send(put(url("/tasks/1.1")), "admin", task(0, "Nội dung mới", List.of("QNG-STTTT"), List.of(), null, null, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[0].tasks[0].content").value("Nội dung mới"))
                .andExpect(jsonPath("$.groups[0].tasks[0].kind").value("assigned"));
    }

    @Test
    void aNewTaskIsNumberedByItsPlaceAndTheTasksAfterItMoveOn() throws Exception {
        String second = Api.task(plan(), "3.2").path("content").asText();
        Map<String, Object> body = task(0, "Nhiệm vụ mới", List.of("QNG-SNGV"), List.of(), "yearly", null, null);
        body.put("position", 2);

        JsonNode plan = send(post(url("/groups/3/tasks")), OFFICER, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/plans/" + id + "/tasks/3.2")))
                .andExpect(jsonPath("$.taskCount").value(22))
                .andExpect(jsonPath("$.version").value(1))
                .body();

        assertThat(numbers(plan, 2)).containsExactly("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10");
        assertThat(Api.task(plan, "3.2").path("content").asText()).isEqualTo("Nhiệm vụ mới");
        assertThat(Api.task(plan, "3.3").path("content").asText()).isEqualTo(second);
        assertThat(Api.find(api.get("/api/plans", OFFICER), plan.path("code").asText()).path("taskCount").asInt())
                .isEqualTo(22);
    }

    @Test
    void aNewTaskGoesToTheEndOfItsGroupUnlessToldOtherwise() throws Exception {
        JsonNode plan = send(post(url("/groups/1/tasks")), OFFICER,
                task(0, "Nhiệm vụ cuối", List.of("QNG-SNGV"), List.of(), null, null, "requested"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/tasks/1.3")))
                .body();

        assertThat(Api.task(plan, "1.3").path("kind").asText()).isEqualTo("requested");
        assertThat(numbers(plan, 0)).containsExactly("1.1", "1.2", "1.3");
    }

    @Test
    void removingATaskMovesTheTasksAfterItUpANumber() throws Exception {
        String third = Api.task(plan(), "3.3").path("content").asText();

        JsonNode plan = send(delete(url("/tasks/3.2?version=0")), OFFICER, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taskCount").value(20))
                .body();

        assertThat(numbers(plan, 2)).containsExactly("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8");
        assertThat(Api.task(plan, "3.2").path("content").asText()).isEqualTo(third);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan_task where plan_id = ?", Integer.class, id))
                .isEqualTo(20);
    }

    @Test
    void aTaskMovesWithinItsGroupAndToAnotherGroup() throws Exception {
        JsonNode before = plan();
        String first = Api.task(before, "3.1").path("content").asText();
        String fourth = Api.task(before, "3.4").path("content").asText();

        JsonNode plan = send(post(url("/tasks/3.1/move")), OFFICER, Map.of("version", 0, "position", 3))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", endsWith("/tasks/3.3")))
                .body();
        assertThat(Api.task(plan, "3.3").path("content").asText()).isEqualTo(first);

        plan = send(post(url("/tasks/3.4/move")), OFFICER, Map.of("version", 1, "group", "1", "position", 1))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", endsWith("/tasks/1.1")))
                .andExpect(jsonPath("$.taskCount").value(21))
                .body();
        assertThat(numbers(plan, 0)).containsExactly("1.1", "1.2", "1.3");
        assertThat(numbers(plan, 2)).hasSize(8).last().isEqualTo("3.8");
        assertThat(Api.task(plan, "1.1").path("content").asText()).isEqualTo(fourth);
        assertThat(plan.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aNewGroupComesWithItsFirstTaskAndTheGroupsAfterItMoveOn() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("version", 0, "position", 2, "title", "Nhóm mới",
                "description", "Giới thiệu nhóm"));
        body.put("firstTask", task(null, "Nhiệm vụ đầu", List.of("QNG-SNGV"), List.of(), "2026", null, null));

        JsonNode plan = send(post(url("/groups")), OFFICER, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/plans/" + id + "/groups/2")))
                .body();

        assertThat(groups(plan, "number")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(plan.path("groups").path(1).path("title").asText()).isEqualTo("Nhóm mới");
        assertThat(numbers(plan, 1)).containsExactly("2.1");
        assertThat(numbers(plan, 2)).containsExactly("3.1", "3.2", "3.3");
        assertThat(numbers(plan, 5)).containsExactly("6.1", "6.2", "6.3", "6.4");
        assertThat(plan.path("taskCount").asInt()).isEqualTo(22);
    }

    @Test
    void aGroupIsRenamedMovedAndRemovedWithItsTasks() throws Exception {
        send(put(url("/groups/2")), OFFICER, Map.of("version", 0, "title", "Tên mới của nhóm 2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[1].title").value("Tên mới của nhóm 2"))
                .andExpect(jsonPath("$.groups[1].description").doesNotExist());

        JsonNode plan = send(post(url("/groups/2/move")), OFFICER, Map.of("version", 1, "position", 5))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", endsWith("/groups/5")))
                .body();
        assertThat(plan.path("groups").path(4).path("title").asText()).isEqualTo("Tên mới của nhóm 2");
        assertThat(numbers(plan, 4)).containsExactly("5.1", "5.2", "5.3");
        assertThat(numbers(plan, 1)).hasSize(9).first().isEqualTo("2.1");

        plan = send(delete(url("/groups/5?version=2")), OFFICER, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taskCount").value(18))
                .body();
        assertThat(groups(plan, "title")).doesNotContain("Tên mới của nhóm 2").hasSize(4);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.task_group where plan_id = ?", Integer.class, id))
                .isEqualTo(4);
    }

    @Test
    void othersMayNotEditAndNothingChanges() throws Exception {
        JsonNode before = plan();
        for (String user : List.of("gd.stttt.qng", "cv.vpub.qng", "cv.stttt.ndh", "vt.ubnd.qng", "giamsat", "kiemtoan")) {
            send(put(url("/tasks/1.1")), user, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                    .andExpect(status().isForbidden());
            send(post(url("/groups/1/tasks")), user, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                    .andExpect(status().isForbidden());
            send(delete(url("/tasks/1.1?version=0")), user, null).andExpect(status().isForbidden());
            send(post(url("/tasks/1.1/move")), user, Map.of("version", 0, "position", 2)).andExpect(status().isForbidden());
            send(put(url("/groups/1")), user, Map.of("version", 0, "title", "x")).andExpect(status().isForbidden());
            send(delete(url("/groups/1?version=0")), user, null).andExpect(status().isForbidden());
            send(post(url("/groups/1/move")), user, Map.of("version", 0, "position", 2)).andExpect(status().isForbidden());
        }
        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void aPlanThatIsNoLongerADraftIsNotEdited() throws Exception {
        db.jdbc().update("update ttdn.plan set status = 'IN_APPROVAL' where id = ?", id);
        JsonNode before = plan();

        send(put(url("/tasks/1.1")), OFFICER, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("plan.notDraft"));
        send(post(url("/groups/1/tasks")), "admin", task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isConflict());
        send(delete(url("/groups/1?version=0")), OFFICER, null).andExpect(status().isConflict());

        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingChanges() throws Exception {
        JsonNode before = plan();

        send(put(url("/tasks/3.7")), OFFICER, task(0, "   ", List.of("SO-XYZ", "sở ngoại vụ"), List.of("QNG-SNGV",
                "QNG-KHONG-CO"), "cuối năm", "x".repeat(201), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(6)))
                .andExpect(jsonPath("$.errors[*].path").value(containsInAnyOrder("content", "lead[0]", "lead[1]",
                        "cooperating[1]", "timeline", "timelineText")))
                .andExpect(jsonPath("$.errors[*].code").value(containsInAnyOrder("task.content", "plan.unknownBody",
                        "plan.bodyCode", "plan.unknownBody", "plan.timeline", "text.tooLong")))
                .andExpect(jsonPath("$.errors[?(@.path == 'lead[0]')].message").value("unknown body \"SO-XYZ\""));

        send(post(url("/groups/1/tasks")), OFFICER, task(0, "Nội dung", List.of(), List.of(), "2024-02-30", null, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].path").value(containsInAnyOrder("lead", "timeline")))
                .andExpect(jsonPath("$.errors[?(@.path == 'lead')].code").value("task.lead"));

        Map<String, Object> group = new HashMap<>(Map.of("version", 0, "title", ""));
        group.put("firstTask", Map.of("content", "Nhiệm vụ", "lead", List.of("XYZ")));
        send(post(url("/groups")), OFFICER, group)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].path").value(containsInAnyOrder("title", "firstTask.lead[0]")));
        send(post(url("/groups")), OFFICER, Map.of("version", 0, "title", "Nhóm"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].path").value(containsInAnyOrder("firstTask.content", "firstTask.lead")));
        send(put(url("/groups/1")), OFFICER, Map.of("version", 0, "title", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("group.title"));
        send(post(url("/tasks/1.1/move")), OFFICER, Map.of("version", 0, "position", 3))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("position"))
                .andExpect(jsonPath("$.errors[0].code").value("edit.position"));
        send(put(url("/tasks/1.1")), OFFICER, Map.of("content", "Nội dung", "lead", List.of("QNG-SNGV")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("version"));

        assertThat(plan()).isEqualTo(before);
    }

    @Test
    void anEditOnAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
        send(put(url("/tasks/1.1")), OFFICER, task(0, "Lần sửa thứ nhất", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isOk());
        JsonNode before = plan();

        send(put(url("/tasks/1.1")), OFFICER, task(0, "Lần sửa dựa trên bản cũ", List.of("QNG-SNGV"), List.of(), null,
                null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].path").value("version"))
                .andExpect(jsonPath("$.errors[0].code").value("plan.stale"));
        send(delete(url("/tasks/1.2?version=0")), OFFICER, null).andExpect(status().isConflict());
        send(post(url("/groups/2/move")), OFFICER, Map.of("version", 0, "position", 1)).andExpect(status().isConflict());

        assertThat(plan()).isEqualTo(before);
        assertThat(Api.task(before, "1.1").path("content").asText()).isEqualTo("Lần sửa thứ nhất");
    }

    @Test
    void aGroupKeepsATaskAndAPlanKeepsAGroup() throws Exception {
        send(delete(url("/tasks/1.2?version=0")), OFFICER, null).andExpect(status().isOk());

        send(delete(url("/tasks/1.1?version=1")), OFFICER, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("task.last"));
        send(post(url("/tasks/1.1/move")), OFFICER, Map.of("version", 1, "group", "2"))
                .andExpect(status().isConflict());
        for (int version = 1; version <= 4; version++) {
            send(delete(url("/groups/1?version=" + version)), OFFICER, null).andExpect(status().isOk());
        }
        send(delete(url("/groups/1?version=5")), OFFICER, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("group.last"));
        assertThat(plan().path("groups")).hasSize(1);
    }

    @Test
    void anUnknownPlanTaskOrGroupIs404() throws Exception {
        send(put("/api/plans/987654/tasks/1.1"), OFFICER, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isNotFound());
        send(put(url("/tasks/9.9")), OFFICER, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isNotFound());
        send(post(url("/groups/9/tasks")), OFFICER, task(0, "x", List.of("QNG-SNGV"), List.of(), null, null, null))
                .andExpect(status().isNotFound());
        send(delete(url("/groups/9?version=0")), OFFICER, null).andExpect(status().isNotFound());
        mvc.perform(get(url("/tasks/9.9")).with(httpBasic(OFFICER, "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void theExportCarriesTheEditsAndImportsAgainAsTheSamePlan() throws Exception {
        send(put(url("/tasks/2.1")), OFFICER, task(0, "Nội dung đã sửa", List.of("QNG-SNGV"), List.of("QNG-SCT"),
                "2024-2026", null, "requested")).andExpect(status().isOk());
        send(delete(url("/tasks/5.1?version=1")), OFFICER, null).andExpect(status().isOk());

        byte[] exported = api.bytes("/api/plans/" + id + "/export", OFFICER);
        PlanFile file = SeedPlans.YAML.readValue(exported, PlanFile.class);
        PlanFile.Task task = file.groups().get(1).tasks().get(0);
        assertThat(task).isEqualTo(new PlanFile.Task("2.1", "Nội dung đã sửa", List.of("QNG-SNGV"), List.of("QNG-SCT"),
                "2024-2026", null, TaskKind.REQUESTED));
        assertThat(file.groups().get(4).tasks()).extracting(PlanFile.Task::number).containsExactly("5.1", "5.2", "5.3");

        String copy = new String(exported, StandardCharsets.UTF_8)
                .replaceFirst("code: \"?" + file.code() + "\"?", "code: " + file.code() + "-RT");
        JsonNode imported = json.readTree(mvc.perform(post("/api/plans").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.parseMediaType("application/yaml")).content(copy))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(imported.path("groups")).isEqualTo(plan().path("groups"));
    }

    @Test
    void theOpenApiDescriptionListsTheEditingCalls() throws Exception {
        JsonNode paths = api.get("/v3/api-docs", OFFICER).path("paths");

        assertThat(paths.path("/api/plans/{id}/tasks/{taskNumber}").has("put")).isTrue();
        assertThat(paths.path("/api/plans/{id}/tasks/{taskNumber}").has("delete")).isTrue();
        assertThat(paths.path("/api/plans/{id}/groups/{groupNumber}/tasks").has("post")).isTrue();
        assertThat(paths.path("/api/plans/{id}/groups").has("post")).isTrue();
        assertThat(paths.path("/api/plans/{id}/tasks/{taskNumber}/move").has("post")).isTrue();
    }

    private String url(String rest) {
        return "/api/plans/" + id + rest;
    }

    private JsonNode plan() throws Exception {
        return api.get("/api/plans/" + id, "admin");
    }

    private static List<String> groups(JsonNode plan, String field) {
        List<String> values = new ArrayList<>();
        plan.path("groups").forEach(g -> values.add(g.path(field).asText()));
        return values;
    }

    private static List<String> numbers(JsonNode plan, int group) {
        return plan.path("groups").path(group).path("tasks").findValuesAsText("number");
    }

    /** A task as the API takes it; version null leaves it out. */
    private static Map<String, Object> task(Integer version, String content, List<String> lead, List<String> cooperating,
                                            String timeline, String timelineText, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("content", content);
        body.put("lead", new ArrayList<>(lead));
        body.put("cooperating", new ArrayList<>(cooperating));
        body.put("timeline", timeline);
        body.put("timelineText", timelineText);
        body.put("kind", kind);
        return body;
    }

    private Sent send(MockHttpServletRequestBuilder request, String user, Object body) throws Exception {
        request.with(httpBasic(user, "demo"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
        }
        return new Sent(mvc.perform(request), json);
    }

    /** An answer, with its body as JSON at hand. */
    private record Sent(ResultActions result, ObjectMapper json) {

        Sent andExpect(ResultMatcher matcher) throws Exception {
            result.andExpect(matcher);
            return this;
        }

        JsonNode body() throws Exception {
            return json.readTree(result.andReturn().getResponse().getContentAsString());
        }
    }
}
