package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** POST /api/plans: what it accepts, what it refuses, and that a refusal writes nothing. */
@WebTest
class PlanImportTest {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final java.util.List<String> SEEDS = SeedPlans.ALL;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Api api;
    @Autowired
    Db db;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void exportedPlanImportsAgainAsTheSamePlan(String seed) throws Exception {
        // given the export of a seed plan's draft (an import is a draft), under a new code
        PlanFile original = SeedPlans.read(seed);
        String draftCode = original.code() + "-DT";
        long id = api.idOf(draftCode);
        byte[] exported = api.bytes("/api/plans/" + id + "/export", "admin");
        String copyCode = original.code() + "-RT";
        byte[] copy = new String(exported, StandardCharsets.UTF_8)
                .replaceFirst("code: \"?" + draftCode + "\"?", "code: " + copyCode)
                .getBytes(StandardCharsets.UTF_8);

        // when it is imported
        JsonNode created = json.readTree(importAs("admin", copy)
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString());

        // then it is the same plan: same details but for id and code, and the same file again
        JsonNode before = api.get("/api/plans/" + id, "admin");
        JsonNode after = api.get("/api/plans/" + created.path("id").asLong(), "admin");
        ((ObjectNode) before).remove(java.util.List.of("id", "code"));
        ((ObjectNode) after).remove(java.util.List.of("id", "code"));
        assertThat(after).isEqualTo(before);
        byte[] reExported = api.bytes("/api/plans/" + created.path("id").asLong() + "/export", "admin");
        assertThat(SeedPlans.YAML.readValue(reExported, PlanFile.class))
                .usingRecursiveComparison().ignoringFields("code").isEqualTo(original);
        assertThat(created.path("status").asText()).isEqualTo("DRAFT");
        assertThat(db.jdbc().queryForObject("select created_by from ttdn.plan where code = ?", String.class, copyCode))
                .isEqualTo("admin");
    }

    @Test
    void unknownBodyIsReportedByItsPathAndNothingIsWritten() throws Exception {
        byte[] file = variant("T-UNKNOWN-BODY", plan ->
                ((ArrayNode) SeedPlans.task(plan, 2, 4).path("lead")).set(0, "SO-XYZ"));

        refused(file, 400)
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].path").value("groups[2].tasks[4].lead[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown body \"SO-XYZ\""))
                .andExpect(jsonPath("$.errors[0].code").value("plan.unknownBody"));
    }

    @Test
    void duplicateTaskNumberIsRefused() throws Exception {
        byte[] file = variant("T-DUPLICATE", plan -> SeedPlans.task(plan, 1, 2).put("number", "1.1"));

        refused(file, 400)
                .andExpect(jsonPath("$.errors[0].path").value("groups[1].tasks[2].number"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("duplicate task number \"1.1\" (first at groups[0].tasks[0].number)"));
    }

    @Test
    void unparsableTimelineIsRefused() throws Exception {
        byte[] file = variant("T-TIMELINE", plan -> SeedPlans.task(plan, 0, 1).put("timeline", "cuối năm"));

        refused(file, 400)
                .andExpect(jsonPath("$.errors[0].path").value("groups[0].tasks[1].timeline"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "unparsable timeline \"cuối năm\"")));
    }

    @Test
    void timelineThatLooksRightButIsNoDateIsRefused() throws Exception {
        byte[] file = variant("T-TIMELINE2", plan -> {
            SeedPlans.task(plan, 0, 0).put("timeline", "2024-02-30");
            SeedPlans.task(plan, 0, 1).put("timeline", "2030-2024");
        });

        refused(file, 400)
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].path").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "groups[0].tasks[0].timeline", "groups[0].tasks[1].timeline")));
    }

    @Test
    void missingRequiredFieldsAreEachListed() throws Exception {
        byte[] file = variant("T-MISSING", plan -> {
            plan.remove("issuer");
            SeedPlans.task(plan, 3, 0).remove("lead");
        });

        refused(file, 400)
                .andExpect(jsonPath("$.errors[*].path", hasItem("issuer")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("groups[3].tasks[0].lead")))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].code").value("jsv.required"));
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce() throws Exception {
        byte[] file = variant("T-MANY", plan -> {
            ((ArrayNode) SeedPlans.task(plan, 0, 0).path("lead")).set(0, "SO-ABC");
            SeedPlans.task(plan, 4, 0).put("number", "1.1");
            ((ObjectNode) plan.path("reporting")).put("receiver", "SO-DEF");
        });

        refused(file, 400).andExpect(jsonPath("$.errors", hasSize(3)));
    }

    @Test
    void aFileThatIsNotYamlIsRefused() throws Exception {
        refused("code: [unclosed\n  - : : ]]".getBytes(StandardCharsets.UTF_8), 400)
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "not a YAML or JSON document")));
        refused("chỉ là một dòng chữ".getBytes(StandardCharsets.UTF_8), 400)
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "a plan file is a YAML mapping")));
    }

    @Test
    void aFifteenMegabyteFileIsRefusedWith413() throws Exception {
        byte[] big = new byte[15 * 1024 * 1024];
        Arrays.fill(big, (byte) '#');

        refused(big, 413).andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                "a plan file may have at most")));
    }

    @Test
    void aPlanCodeAlreadyInUseIsRefusedWith409() throws Exception {
        refused(SeedPlans.bytes(SeedPlans.QUANG_NGAI), 409)
                .andExpect(jsonPath("$.errors[0].path").value("code"));
    }

    @Test
    void anOfficerOfTheConsolidatingBodyImportsItsOwnPlan() throws Exception {
        importAs("cv.stttt.qng", variant("T-OFFICER", plan -> { }))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.consolidatingBody.code").value("QNG-STTTT"));
        assertThat(db.jdbc().queryForObject("select created_by from ttdn.plan where code = 'T-OFFICER'", String.class))
                .isEqualTo("cv.stttt.qng");
    }

    @Test
    void othersMayNotImportAndNothingIsWritten() throws Exception {
        byte[] file = variant("T-FORBIDDEN", plan -> { });
        Map<String, Integer> before = db.planTableCounts();

        for (String user : new String[] {"cv.stttt.ndh", "gd.stttt.qng", "vt.ubnd.qng", "giamsat", "kiemtoan"}) {
            importAs(user, file).andExpect(status().isForbidden());
        }

        assertThat(db.planTableCounts()).isEqualTo(before);
    }

    private ResultActions refused(byte[] file, int status) throws Exception {
        Map<String, Integer> before = db.planTableCounts();
        ResultActions result = importAs("admin", file)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors").isArray());
        assertThat(db.planTableCounts()).isEqualTo(before);
        return result;
    }

    private ResultActions importAs(String user, byte[] file) throws Exception {
        return mvc.perform(post("/api/plans").with(httpBasic(user, "demo")).contentType(YAML).content(file));
    }

    private static byte[] variant(String code, Consumer<ObjectNode> change) {
        return SeedPlans.variant(SeedPlans.QUANG_NGAI, code, change);
    }
}
