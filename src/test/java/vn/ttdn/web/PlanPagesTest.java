package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.support.Api;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** The pages show each seed plan in Vietnamese, laid out like the issued document. */
@WebTest
class PlanPagesTest {

    static final List<String> SEEDS = SeedPlans.ALL;

    @Autowired
    Pages pages;
    @Autowired
    Api api;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everySeedPlanPageShowsTheWholeTaskTable(String seed) throws Exception {
        PlanFile file = SeedPlans.read(seed);

        Document page = pages.page("/ke-hoach/" + api.idOf(file.code()), "admin");

        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
        assertThat(page.getElementById("plan-title").text()).isEqualTo(file.title());
        assertThat(page.select("#task-table tr.group-row")).hasSize(file.groups().size());
        List<String> numbers = page.select("#task-table tr.task-row").eachAttr("data-task-number");
        assertThat(numbers).containsExactlyElementsOf(
                file.groups().stream().flatMap(g -> g.tasks().stream()).map(PlanFile.Task::number).toList());
        assertThat(page.getElementById("plan-status").text()).isEqualTo("Đã ban hành");
        assertThat(page.getElementById("plan-draft-mark")).isNull();
        assertThat(page.getElementById("approval-start")).isNull();
        assertThat(page.getElementById("approval-state").attr("data-imported")).isEqualTo("true");
        assertThat(page.getElementById("recipients").select("li")).hasSize(file.recipients().size());
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everySeedPlanHasADraftToWalkThroughTheApproval(String seed) throws Exception {
        PlanFile file = SeedPlans.read(seed);
        String officer = file.consolidatingBody().equals("PRTC-BTG") ? "cv.btg.prtc"
                : "cv.stttt." + file.code().substring(0, 3).toLowerCase(java.util.Locale.ROOT);

        Document page = pages.page("/ke-hoach/" + api.idOf(file.code() + "-DT"), officer);

        assertThat(page.getElementById("plan-status").text()).isEqualTo("Dự thảo");
        assertThat(page.getElementById("plan-draft-mark")).isNotNull();
        assertThat(page.getElementById("approval-start")).isNotNull();
        assertThat(page.select("#task-table tr.task-row")).hasSize(file.groups().stream().mapToInt(g -> g.tasks().size()).sum());
    }

    @Test
    void aSeedWhoseDocumentPrintsNoNumberIsIssuedWithTheNumberAndDateLeftBlank() throws Exception {
        Document page = pages.page("/ke-hoach/" + api.idOf("NTH-KH-NQ47"), "cv.stttt.nth");

        assertThat(page.getElementById("plan-status").attr("data-status")).isEqualTo("ISSUED");
        assertThat(page.getElementById("plan-draft-mark")).isNull();
        assertThat(page.getElementById("plan-number").text()).isEqualTo("Số: /KH-UBND");
        assertThat(page.getElementById("plan-date").text()).doesNotContain("null").doesNotContainPattern("\\d");
        assertThat(page.getElementById("plan-source").text()).contains("không ghi số và ngày ban hành");
        assertThat(page.getElementById("signer").text()).contains("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trịnh Minh Hoàng");
        assertThat(page.getElementById("approval-state").text()).contains("đã ban hành");
        assertThat(page.getElementById("approval-issued")).isNull();
        assertThat(page.text()).doesNotContain("null");
    }

    @Test
    void quangNgaiPlanReadsLikeTheIssuedDocument() throws Exception {
        Document page = pages.page("/ke-hoach/" + api.idOf("QNG-KH-116"), "cv.stttt.qng");

        String header = page.getElementById("plan-header").text();
        assertThat(header).contains("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc");
        assertThat(page.getElementById("plan-number").text()).isEqualTo("Số: 116/KH-UBND");
        assertThat(page.getElementById("plan-date").text()).endsWith("ngày 03 tháng 6 năm 2024");
        assertThat(page.getElementById("appendix-caption").text()).contains("116/KH-UBND", "03/6/2024");
        assertThat(page.getElementById("plan-source").text()).contains("116/KH-UBND", "03/6/2024", "998/TTr-UBND");
        Element task37 = page.getElementById("task-3.7");
        assertThat(task37.select(".task-lead [data-body-code]").eachAttr("data-body-code"))
                .containsExactly("QNG-SCT", "QNG-SNGV", "QNG-SKHDT", "QNG-SVHTTDL");
        assertThat(task37.select(".task-timeline").text()).isEqualTo("Hàng năm");
        assertThat(page.getElementById("task-3.2").select(".task-timeline").text()).isEqualTo("2024 – 2030");
        assertThat(page.getElementById("reporting-rule").text()).contains("15/12");
        assertThat(page.getElementById("signer-name").text()).isEqualTo("Trần Hoàng Tuấn");
        assertThat(page.getElementById("plan-export").attr("href")).endsWith("/export");
    }

    @Test
    void thePartyPlanHasThePartyHeaderAndSigner() throws Exception {
        Document page = pages.page("/ke-hoach/" + api.idOf("PRTC-KH-256"), "cv.btg.prtc");

        assertThat(page.getElementById("plan-header").text()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "THÀNH ỦY")
                .doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA");
        assertThat(page.getElementById("signer").text()).contains("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Bùi Văn Phú");
        assertThat(page.getElementById("task-II.1.1").select(".task-timeline").text()).isEqualTo("Tháng 10/2023");
        assertThat(page.getElementById("task-III.2.2").select(".task-timeline").text())
                .isEqualTo("Trước ngày 31/10/2023");
    }

    @Test
    void requestedTasksAreMarked() throws Exception {
        Document page = pages.page("/ke-hoach/" + api.idOf("DLK-KH-NQ47"), "admin");

        assertThat(page.getElementById("task-1.1").hasClass("requested")).isTrue();
        assertThat(page.getElementById("task-1.1").text()).contains("Đề nghị");
        assertThat(page.getElementById("task-2.1").hasClass("requested")).isFalse();
    }

    @Test
    void thePlanListShowsOnlyThePlansOfTheOfficersBody() throws Exception {
        Document page = pages.page("/ke-hoach", "cv.stttt.qng");

        assertThat(page.getElementById("plan-QNG-KH-116")).isNotNull();
        assertThat(page.getElementById("plan-NDH-KH-NQ47")).isNull();
        assertThat(page.getElementById("signed-in-name").text()).isNotBlank();
    }

    @Test
    void aPlanOfAnotherProvinceIsForbidden() throws Exception {
        // (the Vietnamese error page itself is rendered by the servlet container: PagesIT)
        MockHttpServletResponse response = pages.open("/ke-hoach/" + api.idOf("QNG-KH-116"), "cv.stttt.ndh");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContain("116/KH-UBND");
    }

    @Test
    void theDirectoryShowsFormerBodiesWithTheirSuccessors() throws Exception {
        Document page = pages.page("/danh-ba?tinh=QNG", "cv.stttt.qng");

        Element department = page.getElementById("body-QNG-STTTT");
        assertThat(department.attr("data-former")).isEqualTo("true");
        assertThat(department.text()).contains("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ");
        assertThat(page.getElementById("body-QNG-UBND").attr("data-former")).isEqualTo("false");
        assertThat(page.getElementById("body-NDH-UBND")).isNull();
    }
}
