package vn.ttdn.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Drives a plan's approval through the API as the demo users, the way the pages do: each request
 * runs through the real security chain as that person (signed in from the directory, without
 * paying BCrypt on every call), so every rule of the task API applies.
 */
public class Chain {

    /** Who plays each part for a plan: drafter, director, the office's reviewer, the deciding leader, the clerk. */
    public record Cast(String drafter, String director, String reviewer, String leader, String clerk) {

        public static Cast of(String province) {
            return switch (province) {
                case "prtc" -> new Cast("cv.btg.prtc", "tb.btg.prtc", "cv.vptu.prtc", "pbt.tu.prtc", "vt.tu.prtc");
                default -> new Cast("cv.stttt." + province, "gd.stttt." + province, "cv.vpub." + province,
                        "pct.ubnd." + province, "vt.ubnd." + province);
            };
        }
    }

    /** An answer: status and body. */
    public record Answer(int status, JsonNode body) {
    }

    public static final Map<String, Object> TO_TRINH = Map.of("number", "45/TTr-STTTT", "dated", "2026-11-02",
            "summary", "Dự thảo Kế hoạch thực hiện Nghị quyết 47/NQ-CP về công tác thông tin đối ngoại.",
            "proposal", "Kính trình Ủy ban nhân dân tỉnh xem xét, ban hành Kế hoạch.");

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final UserDetailsService users;

    public Chain(MockMvc mvc, ObjectMapper json, UserDetailsService users) {
        this.mvc = mvc;
        this.json = json;
        this.users = users;
    }

    /** Imports a seed plan under a new code (so tests do not share plans) and returns its id. */
    public long importSeed(String seedFile, String code) throws Exception {
        Answer answer = send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(SeedPlans.variant(seedFile, code, p -> { })), "admin");
        if (answer.status() != 201) {
            throw new AssertionError("Import of " + code + " failed: " + answer);
        }
        return answer.body().path("id").asLong();
    }

    public Answer get(String path, String username) throws Exception {
        return send(MockMvcRequestBuilders.get(path), username);
    }

    public Answer post(String path, String username, Object body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
        }
        return send(request, username);
    }

    public Answer send(MockHttpServletRequestBuilder request, String username) throws Exception {
        MvcResult result = mvc.perform(request.with(user(users.loadUserByUsername(username))).with(csrf()))
                .andReturn();
        String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String type = result.getResponse().getContentType();
        boolean isJson = type == null || type.contains("json");
        return new Answer(result.getResponse().getStatus(), text.isBlank() || !isJson ? null : json.readTree(text));
    }

    public Answer start(long planId, String drafter) throws Exception {
        return post("/api/plans/" + planId + "/approval", drafter, null);
    }

    /** The id of the open task with this key on the plan, as the user's inbox lists it. */
    public String task(long planId, String taskKey, String username) throws Exception {
        List<String> ids = tasks(planId, taskKey, username);
        if (ids.size() != 1) {
            throw new AssertionError(username + " sees " + ids.size() + " tasks " + taskKey + " on plan " + planId);
        }
        return ids.get(0);
    }

    public List<String> tasks(long planId, String taskKey, String username) throws Exception {
        Answer answer = get("/api/tasks?plan=" + planId + "&size=200", username);
        ok(answer);
        java.util.ArrayList<String> ids = new java.util.ArrayList<>();
        for (JsonNode t : answer.body().path("items")) {
            if (t.path("planId").asLong() == planId && t.path("taskKey").asText().equals(taskKey)) {
                ids.add(t.path("id").asText());
            }
        }
        return ids;
    }

    /** Claims (when not held yet) and completes the task as the user; fails unless both succeed. */
    public void act(long planId, String taskKey, String username, Map<String, Object> values) throws Exception {
        String id = task(planId, taskKey, username);
        Answer claim = post("/api/tasks/" + id + "/claim", username, null);
        ok(claim);
        ok(post("/api/tasks/" + id + "/complete", username, values));
    }

    /** From a running approval's first task to the issued plan, with no consultation and no return. */
    public void straightThrough(long planId, Cast cast) throws Exception {
        upToIssue(planId, cast);
        act(planId, "userTask_issue", cast.clerk(), Map.of("issueDate", "2026-11-20"));
    }

    /** From a running approval's first task to the approved plan waiting for the clerk's issuance. */
    public void upToIssue(long planId, Cast cast) throws Exception {
        act(planId, "userTask_draftSubmission", cast.drafter(), TO_TRINH);
        act(planId, "userTask_directorApproval", cast.director(), Map.of("decision", "approve"));
        act(planId, "userTask_officeReview", cast.reviewer(), Map.of("reviewOpinion",
                "Hồ sơ đầy đủ, đúng thẩm quyền; đề nghị ban hành."));
        act(planId, "userTask_issuerDecision", cast.leader(), Map.of("decision", "approve"));
    }

    public static Answer ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("Expected success, got " + answer);
        }
        return answer;
    }

    /** A file the API gives (a document export): its status, content type, file name header and bytes. */
    public record Download(int status, String contentType, String disposition, byte[] content) {
    }

    public Download download(String path, String username) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path)
                .with(user(users.loadUserByUsername(username)))).andReturn();
        return new Download(result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getHeader("Content-Disposition"), result.getResponse().getContentAsByteArray());
    }
}
