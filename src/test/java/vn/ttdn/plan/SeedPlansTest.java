package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** The five seed plans, loaded as demo data (issued, under their own codes), say what the real documents say. */
@WebTest
class SeedPlansTest {

    static final List<String> SEEDS = SeedPlans.ALL;

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    Db db;

    @Test
    void adminListsTheFiveSeedPlansWithEveryTask() throws Exception {
        JsonNode list = api.get("/api/plans", "admin");

        for (String seed : SEEDS) {
            PlanFile file = SeedPlans.read(seed);
            JsonNode line = Api.find(list, file.code());
            int tasks = file.groups().stream().mapToInt(g -> g.tasks().size()).sum();
            assertThat(line.path("taskCount").asInt()).as(seed).isEqualTo(tasks);
            assertThat(line.path("status").asText()).as(seed).isEqualTo("ISSUED");
            JsonNode plan = api.get("/api/plans/" + line.path("id").asLong(), "admin");
            assertThat(plan.path("groups").findValues("tasks").stream().mapToInt(JsonNode::size).sum()).isEqualTo(tasks);
            Integer stored = db.jdbc().queryForObject(
                    "select count(*) from ttdn.plan_task t join ttdn.plan p on p.id = t.plan_id where p.code = ?",
                    Integer.class, file.code());
            assertThat(stored).isEqualTo(tasks);
        }
    }

    @Test
    void quangNgaiHas21TasksIn5GroupsAnd37LedByFourDepartments() throws Exception {
        long id = api.idOf("QNG-KH-116");
        mvc.perform(get("/api/plans/" + id).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer.code").value("QNG-UBND"))
                .andExpect(jsonPath("$.issuer.name").value("Ủy ban nhân dân tỉnh Quảng Ngãi"))
                .andExpect(jsonPath("$.consolidatingBody.code").value("QNG-STTTT"))
                .andExpect(jsonPath("$.source.number").value("116/KH-UBND"))
                .andExpect(jsonPath("$.source.date").value("2024-06-03"))
                .andExpect(jsonPath("$.source.submission.number").value("998/TTr-UBND"))
                .andExpect(jsonPath("$.source.submission.date").value("2024-05-21"))
                .andExpect(jsonPath("$.source.signer.name").value("Trần Hoàng Tuấn"))
                .andExpect(jsonPath("$.groups", hasSize(5)))
                .andExpect(jsonPath("$.taskCount").value(21))
                .andExpect(jsonPath("$.groups[2].tasks[6].number").value("3.7"))
                .andExpect(jsonPath("$.groups[2].tasks[6].lead[*].code",
                        containsInAnyOrder("QNG-SCT", "QNG-SNGV", "QNG-SKHDT", "QNG-SVHTTDL")))
                .andExpect(jsonPath("$.groups[2].tasks[6].timeline").value("yearly"))
                .andExpect(jsonPath("$.groups[2].tasks[1].timeline").value("2024-2030"))
                .andExpect(jsonPath("$.reporting.receiver.code").value("QNG-STTTT"))
                .andExpect(jsonPath("$.reporting.yearly").value(true))
                .andExpect(jsonPath("$.reporting.yearlyDeadline").value("15/12"));
    }

    @Test
    void namDinhAgenciesReportBefore10December() throws Exception {
        mvc.perform(get("/api/plans/" + api.idOf("NDH-KH-NQ47")).with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.reporting.yearlyDeadline").value("10/12"))
                .andExpect(jsonPath("$.reporting.consolidatedTo[*].code", containsInAnyOrder("NDH-UBND", "BTTTT")))
                .andExpect(jsonPath("$.groups", hasSize(13)))
                .andExpect(jsonPath("$.groups[1].tasks[0].kind").value("requested"))
                .andExpect(jsonPath("$.groups[1].tasks[0].lead[0].code").value("NDH-BTGTU"));
    }

    @Test
    void phanRangPartyPlanKeepsItsOctober2023Dates() throws Exception {
        mvc.perform(get("/api/plans/" + api.idOf("PRTC-KH-256")).with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$.issuer.code").value("PRTC-TU"))
                .andExpect(jsonPath("$.source.number").value("256-KH/TU"))
                .andExpect(jsonPath("$.source.date").value("2023-09-19"))
                .andExpect(jsonPath("$.source.signer.title").value("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"))
                .andExpect(jsonPath("$.source.signer.name").value("Bùi Văn Phú"))
                .andExpect(jsonPath("$.reporting.receiver.code").value("PRTC-BTG"))
                .andExpect(jsonPath("$.reporting.fixedDeadlines[0]").value("2023-10-21"))
                .andExpect(jsonPath("$.reporting.consolidationDeadline").value("2023-10-31"))
                .andExpect(jsonPath("$.groups[0].tasks[0].timeline").value("2023-10"));
        JsonNode plan = api.plan("PRTC-KH-256");
        assertThat(plan.findValues("timeline").stream().map(JsonNode::asText)).contains("2023-10-31", "2023-11");
    }

    @Test
    void ninhThuanSharedLeadLinesAreCarriedByEveryTask() throws Exception {
        JsonNode plan = api.plan("NTH-KH-NQ47");
        JsonNode t21 = Api.task(plan, "2.1");
        JsonNode t22 = Api.task(plan, "2.2");
        JsonNode t41 = Api.task(plan, "4.1");
        JsonNode t42 = Api.task(plan, "4.2");
        assertThat(t21.path("lead")).isNotEmpty().isEqualTo(t22.path("lead"));
        assertThat(t21.path("cooperating")).isEqualTo(t22.path("cooperating"));
        assertThat(t41.path("lead")).isNotEmpty().isEqualTo(t42.path("lead"));
        assertThat(plan.path("reporting").path("yearlyDeadline").asText()).isEqualTo("15/12");
        assertThat(plan.path("taskCount").asInt()).isEqualTo(15);
    }

    @Test
    void dakLakAssignsDutiesPerBody() throws Exception {
        JsonNode plan = api.plan("DLK-KH-NQ47");
        assertThat(plan.path("groups")).hasSize(16);
        JsonNode first = plan.path("groups").path(0);
        first.path("tasks").forEach(task -> {
            assertThat(task.path("kind").asText()).isEqualTo("requested");
            assertThat(task.path("lead").path(0).path("code").asText()).isEqualTo("DLK-BTGTU");
        });
        assertThat(plan.path("reporting").path("adHoc").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void exportGivesBackTheSeedFile(String seed) throws Exception {
        PlanFile file = SeedPlans.read(seed);
        byte[] exported = api.bytes("/api/plans/" + api.idOf(file.code()) + "/export", "admin");

        assertThat(SeedPlans.YAML.readValue(exported, PlanFile.class)).isEqualTo(file);
    }
}
