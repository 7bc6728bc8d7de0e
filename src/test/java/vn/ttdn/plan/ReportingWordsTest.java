package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.system.Wording;

class ReportingWordsTest {

    private static final BodyRef STTTT = new BodyRef("QNG-STTTT", "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
    private static final BodyRef UBND = new BodyRef("QNG-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi");
    private static final BodyRef BTTTT = new BodyRef("BTTTT", "Bộ Thông tin và Truyền thông");

    @Test
    void yearlyRuleNamesReceiverDeadlineAndWhereTheConsolidationGoes() {
        // given Kế hoạch 116/KH-UBND: yearly before 15/12, consolidated to UBND tỉnh and the ministry
        PlanDetails.Reporting rule = new PlanDetails.Reporting(STTTT, List.of(UBND, BTTTT), true, "15/12", List.of(),
                "15/12", false, null, List.of());

        // when / then
        assertThat(ReportingWords.of(rule)).containsExactly(
                Wording.of("reporting.receiver", STTTT.name()),
                Wording.of("reporting.yearlyDeadline", "15/12"),
                Wording.of("reporting.consolidationYearly", STTTT.name(),
                        "Ủy ban nhân dân tỉnh Quảng Ngãi, Bộ Thông tin và Truyền thông", "15/12"));
    }

    @Test
    void oneOffRuleWritesItsDatesAsDocumentsDo() {
        // given Kế hoạch 256-KH/TU: units before 21/10/2023, consolidation before 31/10/2023
        BodyRef btg = new BodyRef("PRTC-BTG", "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm");
        BodyRef tu = new BodyRef("PRTC-TU", "Thành ủy Phan Rang - Tháp Chàm");
        PlanDetails.Reporting rule = new PlanDetails.Reporting(btg, List.of(tu), false, null,
                List.of(LocalDate.of(2023, 10, 21)), "2023-10-31", true, "…", List.of());

        // when / then
        assertThat(ReportingWords.of(rule)).extracting(Wording::key).containsExactly("reporting.receiver",
                "reporting.fixedDeadline", "reporting.consolidationDate", "reporting.adHoc");
        assertThat(ReportingWords.of(rule).get(1).arguments()).containsExactly("21/10/2023");
        assertThat(ReportingWords.of(rule).get(2).arguments()).containsExactly(btg.name(), tu.name(), "31/10/2023");
    }

    @Test
    void consolidationWithoutTargetsOrDeadlineSaysOnlyWhatIsKnown() {
        PlanDetails.Reporting rule = new PlanDetails.Reporting(STTTT, List.of(), true, null, List.of(), "10/12",
                false, null, List.of());

        assertThat(ReportingWords.of(rule)).extracting(Wording::key).containsExactly("reporting.receiver",
                "reporting.yearly", "reporting.consolidationYearlyNoTarget");
    }
}
