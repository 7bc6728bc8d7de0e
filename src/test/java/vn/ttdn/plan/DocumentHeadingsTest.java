package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ttdn.support.DirectoryFixtures.BTTTT;
import static vn.ttdn.support.DirectoryFixtures.NTH_TU;
import static vn.ttdn.support.DirectoryFixtures.PRTC_BTG;
import static vn.ttdn.support.DirectoryFixtures.PRTC_TU;
import static vn.ttdn.support.DirectoryFixtures.PRTC_VPTU;
import static vn.ttdn.support.DirectoryFixtures.QNG_STTTT;
import static vn.ttdn.support.DirectoryFixtures.QNG_UBND;
import static vn.ttdn.support.DirectoryFixtures.QNG_UBND_HUYEN;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ttdn.plan.PlanDocument.IssuerLine;
import vn.ttdn.system.Wording;

class DocumentHeadingsTest {

    @Test
    void peoplesCommitteeIsPrintedOnTwoBoldLines() {
        assertThat(DocumentHeadings.issuerLines(QNG_UBND, null, "x"))
                .containsExactly(new IssuerLine("ỦY BAN NHÂN DÂN", true), new IssuerLine("TỈNH QUẢNG NGÃI", true));
    }

    @Test
    void departmentIsPrintedUnderItsPeoplesCommittee() {
        assertThat(DocumentHeadings.issuerLines(QNG_STTTT, QNG_UBND, "x")).containsExactly(
                new IssuerLine("UBND TỈNH QUẢNG NGÃI", false), new IssuerLine("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", true));
    }

    @Test
    void cityPartyCommitteeIsPrintedUnderTheProvincialPartyOrganisation() {
        assertThat(DocumentHeadings.isParty(PRTC_TU, NTH_TU)).isTrue();
        assertThat(DocumentHeadings.issuerLines(PRTC_TU, NTH_TU, "x")).containsExactly(
                new IssuerLine("ĐẢNG BỘ TỈNH NINH THUẬN", false),
                new IssuerLine("THÀNH ỦY PHAN RANG - THÁP CHÀM", true));
    }

    @Test
    void partyBoardAndPartyOfficeArePrintedUnderTheirCommittee() {
        assertThat(DocumentHeadings.issuerLines(PRTC_BTG, PRTC_TU, "x")).containsExactly(
                new IssuerLine("THÀNH ỦY PHAN RANG - THÁP CHÀM", false), new IssuerLine("BAN TUYÊN GIÁO", true));
        assertThat(DocumentHeadings.isParty(PRTC_VPTU, PRTC_TU)).isTrue();
        assertThat(DocumentHeadings.issuerLines(PRTC_VPTU, PRTC_TU, "x")).extracting(IssuerLine::text)
                .containsExactly("THÀNH ỦY PHAN RANG - THÁP CHÀM", "VĂN PHÒNG");
    }

    @Test
    void provincialPartyCommitteeAndMinistryStandAlone() {
        assertThat(DocumentHeadings.issuerLines(NTH_TU, null, "x"))
                .containsExactly(new IssuerLine("TỈNH ỦY NINH THUẬN", true));
        assertThat(DocumentHeadings.isParty(BTTTT, null)).isFalse();
        assertThat(DocumentHeadings.issuerLines(BTTTT, null, "x"))
                .containsExactly(new IssuerLine("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", true));
    }

    @Test
    void unknownIssuerIsPrintedByTheNameThePlanGives() {
        assertThat(DocumentHeadings.issuerLines(null, null, "Ủy ban nhân dân tỉnh X"))
                .containsExactly(new IssuerLine("ỦY BAN NHÂN DÂN TỈNH X", true));
    }

    @Test
    void placeIsTakenFromTheIssuersName() {
        assertThat(DocumentHeadings.place(QNG_UBND, null)).isEqualTo("Quảng Ngãi");
        assertThat(DocumentHeadings.place(QNG_STTTT, QNG_UBND)).isEqualTo("Quảng Ngãi");
        assertThat(DocumentHeadings.place(QNG_UBND_HUYEN, null)).isEqualTo("Quảng Ngãi");
        assertThat(DocumentHeadings.place(PRTC_TU, NTH_TU)).isEqualTo("Phan Rang - Tháp Chàm");
        assertThat(DocumentHeadings.place(BTTTT, null)).isEqualTo("Hà Nội"); // a central body sits in the capital
    }

    @Test
    void numberIsLeftBlankUntilIssuedAndWrittenByTheBodysRules() {
        assertThat(DocumentHeadings.number(false, "116/KH-UBND", "KH", "UBND"))
                .isEqualTo(Wording.of("document.number.state", "116/KH-UBND"));
        assertThat(DocumentHeadings.number(false, null, "KH", "UBND"))
                .isEqualTo(Wording.of("document.number.stateBlank", "KH-UBND"));
        assertThat(DocumentHeadings.number(true, "256-KH/TU", "KH", "TU"))
                .isEqualTo(Wording.of("document.number.party", "256-KH/TU"));
        assertThat(DocumentHeadings.number(true, null, "KH", "TU"))
                .isEqualTo(Wording.of("document.number.partyBlank", "KH/TU"));
    }

    @Test
    void dateLineWritesDayAndMonthAsDocumentsDo() {
        assertThat(DocumentHeadings.placeDate("Quảng Ngãi", LocalDate.of(2024, 6, 3), 2030).arguments())
                .isEqualTo(List.of("Quảng Ngãi", "03", "6", "2024"));
        assertThat(DocumentHeadings.placeDate(null, LocalDate.of(2024, 2, 15), 2030))
                .isEqualTo(Wording.of("document.date", "15", "02", "2024"));
        assertThat(DocumentHeadings.placeDate("Quảng Ngãi", null, 2025))
                .isEqualTo(Wording.of("document.placeDateBlank", "Quảng Ngãi", "2025"));
    }

    @Test
    void anIssuedDocumentThatPrintsNoDateLeavesTheYearBlankToo() {
        assertThat(DocumentHeadings.placeDate("Ninh Thuận", null, null))
                .isEqualTo(Wording.of("document.placeDateUnknown", "Ninh Thuận"));
        assertThat(DocumentHeadings.placeDate(null, null, null)).isEqualTo(Wording.of("document.dateUnknown"));
    }

    // --- A new issuer: the Government, a ministry and its departments, a commune (issue 9 §3) -----

    private static final vn.ttdn.directory.BodyView CP = central("CP", "Chính phủ", vn.ttdn.directory.BodyKind.GOVERNMENT,
            null);
    private static final vn.ttdn.directory.BodyView BNG = central("BNG", "Bộ Ngoại giao",
            vn.ttdn.directory.BodyKind.GOVERNMENT, "CP");
    private static final vn.ttdn.directory.BodyView CUC = central("BNG-CNV", "Cục Ngoại vụ",
            vn.ttdn.directory.BodyKind.GOVERNMENT, "BNG");
    private static final vn.ttdn.directory.BodyView CUC_NAMED_WITH_MINISTRY = central("CTTDN",
            "Cục Thông tin đối ngoại - Bộ Thông tin và Truyền thông", vn.ttdn.directory.BodyKind.GOVERNMENT, "BTTTT");
    private static final vn.ttdn.directory.BodyView DNG_UBND = new vn.ttdn.directory.BodyView("DNG-UBND",
            "Ủy ban nhân dân thành phố Đà Nẵng", "UBND thành phố", vn.ttdn.directory.BodyKind.PEOPLES_COMMITTEE,
            vn.ttdn.directory.BodyLevel.PROVINCE, null, "UBND", null, null, List.of(), List.of());
    private static final vn.ttdn.directory.BodyView PHUONG = new vn.ttdn.directory.BodyView("DNG-PHC",
            "Ủy ban nhân dân phường Hải Châu", "UBND phường Hải Châu", vn.ttdn.directory.BodyKind.PEOPLES_COMMITTEE,
            vn.ttdn.directory.BodyLevel.COMMUNE, "DNG-UBND", "UBND", null, null, List.of(), List.of());
    private static final vn.ttdn.directory.BodyView XA = new vn.ttdn.directory.BodyView("QNG-XBS",
            "Ủy ban nhân dân xã Bình Sơn", "UBND xã Bình Sơn", vn.ttdn.directory.BodyKind.PEOPLES_COMMITTEE,
            vn.ttdn.directory.BodyLevel.COMMUNE, "QNG-UBND", "UBND", null, null, List.of(), List.of());

    @Test
    void governmentIsPrintedOnOneBoldLineDatedInHanoi() {
        assertThat(DocumentHeadings.isParty(CP, null)).isFalse();
        assertThat(DocumentHeadings.issuerLines(CP, null, "x")).containsExactly(new IssuerLine("CHÍNH PHỦ", true));
        assertThat(DocumentHeadings.place(CP, null)).isEqualTo("Hà Nội");
    }

    @Test
    void ministryPrintsNoSuperiorLine() {
        assertThat(DocumentHeadings.issuerLines(BNG, CP, "x")).containsExactly(new IssuerLine("BỘ NGOẠI GIAO", true));
        assertThat(DocumentHeadings.place(BNG, CP)).isEqualTo("Hà Nội");
    }

    @Test
    void ministrysDepartmentIsPrintedUnderTheMinistry() {
        assertThat(DocumentHeadings.issuerLines(CUC, BNG, "x")).containsExactly(
                new IssuerLine("BỘ NGOẠI GIAO", false), new IssuerLine("CỤC NGOẠI VỤ", true));
        assertThat(DocumentHeadings.issuerLines(CUC_NAMED_WITH_MINISTRY, BTTTT, "x")).containsExactly(
                new IssuerLine("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", false), new IssuerLine("CỤC THÔNG TIN ĐỐI NGOẠI", true));
        assertThat(DocumentHeadings.place(CUC, BNG)).isEqualTo("Hà Nội");
    }

    @Test
    void communePeoplesCommitteeIsPrintedOnTwoBoldLinesDatedInTheCommune() {
        assertThat(DocumentHeadings.issuerLines(PHUONG, DNG_UBND, "x")).containsExactly(
                new IssuerLine("ỦY BAN NHÂN DÂN", true), new IssuerLine("PHƯỜNG HẢI CHÂU", true));
        assertThat(DocumentHeadings.place(PHUONG, DNG_UBND)).isEqualTo("Hải Châu");
        assertThat(DocumentHeadings.issuerLines(XA, QNG_UBND, "x")).containsExactly(
                new IssuerLine("ỦY BAN NHÂN DÂN", true), new IssuerLine("XÃ BÌNH SƠN", true));
        assertThat(DocumentHeadings.place(XA, QNG_UBND)).isEqualTo("Bình Sơn");
        assertThat(DocumentHeadings.place(DNG_UBND, null)).isEqualTo("Đà Nẵng");
    }

    @Test
    void programmeIsNumberedUnderItsOwnSymbol() {
        assertThat(DocumentHeadings.number(false, null, "CTr", "BNG"))
                .isEqualTo(Wording.of("document.number.stateBlank", "CTr-BNG"));
        assertThat(DocumentType.of("CTr").word()).isEqualTo("Chương trình");
        assertThat(DocumentType.of(null)).isEqualTo(DocumentType.PLAN);
    }

    private static vn.ttdn.directory.BodyView central(String code, String name, vn.ttdn.directory.BodyKind kind,
                                                     String parent) {
        return new vn.ttdn.directory.BodyView(code, name, name, kind, vn.ttdn.directory.BodyLevel.CENTRAL, parent,
                code, null, null, List.of(), List.of());
    }
}
