package vn.ttdn.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Reads the API as a given demo user (password "demo"), for tests that need its answers as JSON. */
public class Api {

    private final MockMvc mvc;
    private final ObjectMapper json;

    public Api(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** GET as the user; fails unless the answer is 200. */
    public JsonNode get(String path, String user) throws Exception {
        return json.readTree(bytes(path, user));
    }

    public byte[] bytes(String path, String user) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Imports a seed plan under a new code, as admin: a DRAFT of one's own to edit. Its id. */
    public long importCopy(String seed, String code) throws Exception {
        byte[] body = mvc.perform(MockMvcRequestBuilders.post("/api/plans").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.parseMediaType("application/yaml"))
                        .content(SeedPlans.variant(seed, code, plan -> { })))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsByteArray();
        return json.readTree(body).path("id").asLong();
    }

    public JsonNode plan(String code) throws Exception {
        return get("/api/plans/" + idOf(code), "admin");
    }

    public long idOf(String code) throws Exception {
        return find(get("/api/plans", "admin"), code).path("id").asLong();
    }

    public List<String> planCodesSeenBy(String user) throws Exception {
        List<String> codes = new ArrayList<>();
        get("/api/plans", user).forEach(p -> codes.add(p.path("code").asText()));
        return codes;
    }

    public static JsonNode find(JsonNode list, String code) {
        for (JsonNode line : list) {
            if (line.path("code").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("No plan " + code + " in " + list);
    }

    public static JsonNode task(JsonNode plan, String number) {
        for (JsonNode group : plan.path("groups")) {
            for (JsonNode task : group.path("tasks")) {
                if (task.path("number").asText().equals(number)) {
                    return task;
                }
            }
        }
        throw new AssertionError("No task " + number);
    }
}
