package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Db;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** "Nhập kế hoạch": uploading a plan file from the page, and what a refused file shows. */
@WebTest
class PlanImportPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Pages pages;
    @Autowired
    Db db;

    @Test
    void anOfficerOfTheConsolidatingBodyUploadsAPlanAndSeesIt() throws Exception {
        byte[] file = SeedPlans.variant(SeedPlans.DAK_LAK, "UI-DLK", plan -> { });

        MvcResult result = upload("cv.stttt.dlk", "dak-lak.yaml", file);

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        Long id = db.jdbc().queryForObject("select id from ttdn.plan where code = 'UI-DLK'", Long.class);
        assertThat(location).isEqualTo("/ke-hoach/" + id);
        assertThat(result.getFlashMap().get("imported")).isEqualTo("UI-DLK");
    }

    @Test
    void aRefusedFileShowsEveryProblemInVietnameseAndWritesNothing() throws Exception {
        byte[] file = SeedPlans.variant(SeedPlans.QUANG_NGAI, "UI-BAD", plan -> {
            ((ArrayNode) SeedPlans.task(plan, 2, 4).path("lead")).set(0, "SO-XYZ");
            SeedPlans.task(plan, 0, 1).put("timeline", "cuối năm");
            SeedPlans.task(plan, 3, 0).remove("lead");
        });
        Map<String, Integer> before = db.planTableCounts();

        MvcResult result = upload("cv.stttt.qng", "sai.yaml", file);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#import-problems li")).hasSize(2);
        // the schema is checked first: the missing lead is reported before the rules run
        assertThat(page.getElementById("import-problems").text())
                .contains("groups[3].tasks[0]", "không tìm thấy thuộc tính bắt buộc 'lead'", "sai.yaml");
        assertThat(db.planTableCounts()).isEqualTo(before);
    }

    @Test
    void theRulesOfAPlanAreExplainedInVietnamese() throws Exception {
        byte[] file = SeedPlans.variant(SeedPlans.QUANG_NGAI, "UI-RULES", plan -> {
            ((ArrayNode) SeedPlans.task(plan, 2, 4).path("lead")).set(0, "SO-XYZ");
            SeedPlans.task(plan, 1, 2).put("number", "1.1");
        });

        Document page = Jsoup.parse(upload("cv.stttt.qng", "sai.yaml", file).getResponse().getContentAsString());

        assertThat(page.select("#import-problems li").eachText()).containsExactlyInAnyOrder(
                "groups[1].tasks[2].number Trùng số nhiệm vụ \"1.1\" (đã có ở groups[0].tasks[0].number).",
                "groups[2].tasks[4].lead[0] Không có cơ quan mã \"SO-XYZ\" trong danh bạ.");
    }

    @Test
    void aFileThatIsNotYamlIsSaidSoWithItsLine() throws Exception {
        byte[] file = "format: 1\ncode: [không đóng\n".getBytes(StandardCharsets.UTF_8);

        Document page = Jsoup.parse(upload("admin", "hong.yaml", file).getResponse().getContentAsString());

        assertThat(page.getElementById("import-problems").text()).contains("không phải là YAML hay JSON hợp lệ", "dòng");
    }

    @Test
    void officersOfOtherBodiesAreRefusedAndLeadersDoNotSeeTheForm() throws Exception {
        byte[] file = SeedPlans.variant(SeedPlans.QUANG_NGAI, "UI-FORBIDDEN", plan -> { });
        Map<String, Integer> before = db.planTableCounts();

        assertThat(upload("cv.stttt.ndh", "qng.yaml", file).getResponse().getStatus()).isEqualTo(403);
        assertThat(upload("gd.stttt.qng", "qng.yaml", file).getResponse().getStatus()).isEqualTo(403);
        MockHttpServletResponse form = pages.open("/ke-hoach/nhap", "ct.ubnd.qng");
        assertThat(form.getStatus()).isEqualTo(403);
        assertThat(db.planTableCounts()).isEqualTo(before);
        assertThat(pages.page("/ke-hoach", "ct.ubnd.qng").getElementById("plan-import")).isNull();
        assertThat(pages.page("/ke-hoach", "cv.stttt.qng").getElementById("plan-import")).isNotNull();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithItsSize() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '#');

        Document page = Jsoup.parse(upload("admin", "lon.yaml", big).getResponse().getContentAsString());

        assertThat(page.getElementById("import-problems").text()).contains("không được lớn hơn 1048576 byte");
    }

    @Test
    void anEmptyUploadAsksForAFile() throws Exception {
        MvcResult result = mvc.perform(multipart("/ke-hoach/nhap").session(pages.login("admin")).with(csrf()))
                .andReturn();

        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).getElementById("import-problems").text())
                .contains("Chưa chọn tệp kế hoạch");
    }

    @Test
    void theFormIsInVietnamese() throws Exception {
        Document page = pages.page("/ke-hoach/nhap", "admin");

        assertThat(page.select("h1").text()).isEqualTo("Nhập kế hoạch từ tệp");
        assertThat(page.getElementById("import-submit").text()).isEqualTo("Nhập kế hoạch");
        assertThat(mvc.perform(get("/ke-hoach/nhap")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    private MvcResult upload(String user, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/ke-hoach/nhap")
                        .file(new MockMultipartFile("file", name, "application/yaml", content))
                        .session(pages.login(user)).with(csrf()))
                .andReturn();
    }
}
