package vn.ttdn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import vn.ttdn.reporting.Consolidation;

/** The Word file read back with POI, and through docx_check.py, for the state, Party, agency and draft reports. */
class ConsolidationDocxTest {

    private static final String W = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";
    private final ConsolidationDocx docx = new ConsolidationDocx();

    @Test
    void theStateReportKeepsDecree30sPage() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            CTSectPr first = sections(doc).get(0);
            assertThat(first.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(first.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar margins = first.getPgMar();
            assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
                    .containsExactly(BigInteger.valueOf(1134), BigInteger.valueOf(1134), BigInteger.valueOf(1701),
                            BigInteger.valueOf(850));
            assertThat(List.of(margins.getHeader(), margins.getFooter(), margins.getGutter()))
                    .containsExactly(BigInteger.valueOf(567), BigInteger.valueOf(567), BigInteger.ZERO);
            assertThat(first.isSetTitlePg()).as("first page without a number").isTrue();
            CTSectPr appendix = doc.getDocument().getBody().getSectPr();
            assertThat(appendix.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
            assertThat(appendix.getPgSz().getW()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(appendix.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1701));
        }
    }

    @Test
    void everyRunIsInTimesNewRomanForEveryRange() throws IOException {
        for (Consolidation c : List.of(ReportFixtures.state(), ReportFixtures.party(), ReportFixtures.agency())) {
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.draw(c)))) {
                List<XmlObject> runs = new ArrayList<>(List.of(doc.getDocument().selectPath(W + ".//w:r")));
                doc.getHeaderList().forEach(h -> runs.addAll(List.of(h._getHdrFtr().selectPath(W + ".//w:r"))));
                assertThat(runs).hasSizeGreaterThan(50);
                for (XmlObject run : runs) {
                    CTFonts fonts = ((CTR) run).getRPr().getRFontsArray(0);
                    assertThat(List.of(fonts.getAscii(), fonts.getHAnsi(), fonts.getCs(), fonts.getEastAsia()))
                            .as(run.xmlText()).containsOnly("Times New Roman");
                }
            }
        }
    }

    @Test
    void theHeadingHasTheIssuerTheNumberTheNationAndTheDay() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            XWPFTableCell left = doc.getTables().get(0).getRow(0).getCell(0);
            XWPFTableCell right = doc.getTables().get(0).getRow(0).getCell(1);
            assertThat(texts(left)).containsSubsequence("UBND TỈNH QUẢNG NGÃI", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                    "Số: 12/BC-SVHTTDL").doesNotContain(Words.DRAFT);
            XWPFRun issuer = left.getParagraphs().get(1).getRuns().get(0);
            assertThat(issuer.isBold()).isTrue();
            assertThat(issuer.getFontSizeAsDouble()).isEqualTo(13.0);
            assertThat(left.getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
            assertThat(left.getParagraphs().get(2).getCTP().getPPr().getPBdr().getTop()).as("the rule").isNotNull();
            assertThat(texts(right)).containsExactly("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Quảng Ngãi, ngày 05 tháng 12 năm 2026");
            XWPFRun motto = right.getParagraphs().get(1).getRuns().get(0);
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline().name()).isEqualTo("SINGLE");
            assertThat(right.getParagraphs().get(2).getRuns().get(0).isItalic()).isTrue();
            XWPFParagraph type = paragraph(doc, Words.TYPE);
            assertThat(type.getRuns().get(0).isBold()).isTrue();
            assertThat(type.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
        }
    }

    @Test
    void theBodyHasTheNarrativePartsNumberedAndJustified() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            String text = text(doc);
            assertThat(text).containsSubsequence("I. KẾT QUẢ ĐẠT ĐƯỢC", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                    "1. Tồn tại, hạn chế", "2. Nguyên nhân", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ", "IV. KIẾN NGHỊ, ĐỀ XUẤT");
            assertThat(text).contains("22/24 cơ quan, đơn vị đã gửi báo cáo (21 đúng hạn, 1 quá hạn)");
            XWPFParagraph body = paragraph(doc, "Công tác thông tin đối ngoại năm 2026");
            assertThat(body.getAlignment().name()).isEqualTo("BOTH");
            assertThat(body.getIndentationFirstLine()).isEqualTo(720);
            assertThat(body.getSpacingAfter()).isGreaterThanOrEqualTo(120);
            assertThat(body.getSpacingBetween()).isBetween(1.0, 1.5);
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            XWPFTable indicators = doc.getTables().get(1);
            assertThat(texts(indicators.getRow(0))).containsExactly("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", "Năm 2025");
            assertThat(texts(indicators.getRow(1))).containsExactly("1", "Số tin, bài thông tin đối ngoại", "tin, bài",
                    "1.250", "1.104");
            assertThat(texts(indicators.getRow(3))).endsWith("18", "-");
        }
    }

    @Test
    void recipientsAndSignerStandSideBySide() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            XWPFTable signing = doc.getTables().get(2);
            List<String> recipients = texts(signing.getRow(0).getCell(0));
            assertThat(recipients).containsExactly("Nơi nhận:", "- Bộ Văn hóa, Thể thao và Du lịch (Cục Hợp tác quốc tế);",
                    "- UBND tỉnh Quảng Ngãi;", "- Ban Tuyên giáo và Dân vận Tỉnh ủy;", "- Giám đốc, các Phó Giám đốc Sở;",
                    "- Lưu: VT, TTĐN.");
            XWPFRun title = signing.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
            assertThat(List.of(title.isBold(), title.isItalic(), title.getFontSizeAsDouble())).containsExactly(true, true, 12.0);
            assertThat(signing.getRow(0).getCell(0).getParagraphs().get(1).getRuns().get(0).getFontSizeAsDouble())
                    .isEqualTo(11.0);
            assertThat(texts(signing.getRow(0).getCell(1))).containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ReportFixtures.SIGNER);
        }
    }

    @Test
    void theAppendixHasAGroupRowAndATaskRowsPerTaskWithARepeatedHeader() throws IOException {
        Consolidation c = ReportFixtures.state();
        try (XWPFDocument doc = read("state.docx", c)) {
            assertThat(text(doc)).contains("PHỤ LỤC",
                    "(Kèm theo Báo cáo số 12/BC-SVHTTDL ngày 05/12/2026 của " + ReportFixtures.CONSOLIDATING + ")");
            List<XWPFTable> matrices = doc.getTables().subList(3, 5);
            for (XWPFTable matrix : matrices) {
                assertThat(matrix.getNumberOfRows()).isEqualTo(1 + ReportFixtures.taskCount(c) + c.groups().size());
                assertThat(matrix.getRow(0).isRepeatHeader()).isTrue();
                assertThat(texts(matrix.getRow(1))).containsExactly("I", c.groups().get(0).title());
                assertThat(matrix.getRow(1).getCell(1).getCTTc().getTcPr().getGridSpan().getVal())
                        .isEqualTo(BigInteger.valueOf(2 + 12));
            }
            assertThat(texts(matrices.get(0).getRow(0))).startsWith("STT", "Nội dung nhiệm vụ", "Tình trạng chung", "1", "2")
                    .endsWith("12");
            assertThat(texts(matrices.get(1).getRow(0))).endsWith("24");
            List<String> first = texts(matrices.get(0).getRow(2));
            assertThat(first.subList(0, 3)).containsExactly("1", c.groups().get(0).tasks().get(0).content(),
                    "Hoàn thành đúng hạn");
            XWPFTable bodies = doc.getTables().get(5);
            assertThat(bodies.getNumberOfRows()).isEqualTo(1 + c.bodies().size());
            assertThat(texts(bodies.getRow(7))).containsExactly("7", ReportFixtures.LATE, "Giao", "Quá hạn", "06/BC-SYT",
                    "03/12/2026", "1", "");
            assertThat(texts(bodies.getRow(5)).get(1)).endsWith("(thay cho Sở Thông tin và Truyền thông tỉnh Quảng Ngãi)");
        }
    }

    @Test
    void namesArePrintedPrecomposed() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            String text = text(doc);
            String composed = Normalizer.normalize(ReportFixtures.DECOMPOSED, Normalizer.Form.NFC);
            assertThat(composed).isNotEqualTo(ReportFixtures.DECOMPOSED);
            assertThat(text).contains(composed).doesNotContain(ReportFixtures.DECOMPOSED);
        }
    }

    @Test
    void pagesAreNumberedAtTheTopFromPageTwo() throws IOException {
        try (XWPFDocument doc = read("state.docx", ReportFixtures.state())) {
            CTSectPr first = sections(doc).get(0);
            assertThat(first.getHeaderReferenceList()).hasSize(2);
            String headers = String.join("|", doc.getHeaderList().stream().map(h -> h._getHdrFtr().xmlText()).toList());
            assertThat(headers).contains("w:instr=\" PAGE \"");
            assertThat(doc.getHeaderList()).anySatisfy(h -> assertThat(h.getText()).isBlank());
        }
    }

    @Test
    void thePartyReportFollowsGuidance36() throws IOException {
        try (XWPFDocument doc = read("party.docx", ReportFixtures.party())) {
            XWPFTableCell left = doc.getTables().get(0).getRow(0).getCell(0);
            XWPFTableCell right = doc.getTables().get(0).getRow(0).getCell(1);
            assertThat(texts(left)).containsExactly("TỈNH ỦY NINH THUẬN", "BAN TUYÊN GIÁO", "*", "Số 12-BC/BTGTU");
            assertThat(left.getParagraphs().get(1).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            XWPFRun party = right.getParagraphs().get(0).getRuns().get(0);
            assertThat(party.text()).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(List.of(party.isBold(), party.getFontSizeAsDouble())).containsExactly(true, 15.0);
            assertThat(texts(right)).contains("Phan Rang - Tháp Chàm, ngày 05 tháng 12 năm 2026");
            assertThat(text(doc)).doesNotContain(Words.NATION);
            assertThat(paragraph(doc, Words.TYPE).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(texts(doc.getTables().get(2).getRow(0).getCell(1)))
                    .containsExactly("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", ReportFixtures.PARTY_SIGNER);
        }
    }

    @Test
    void oneBodysReportHasItsOwnPartsAndATaskDetailTable() throws IOException {
        Consolidation c = ReportFixtures.agency();
        try (XWPFDocument doc = read("agency.docx", c)) {
            String text = text(doc);
            assertThat(text).contains("I. KẾT QUẢ ĐẠT ĐƯỢC", "II. KIẾN NGHỊ, ĐỀ XUẤT", "Sở Y tế tỉnh Quảng Ngãi báo cáo")
                    .doesNotContain("TỒN TẠI", "PHƯƠNG HƯỚNG", "III.", "Biểu 2", "cơ quan, đơn vị đã gửi");
            XWPFTable detail = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(texts(detail.getRow(0))).containsExactly("STT", "Nội dung nhiệm vụ", "Tình trạng",
                    "Kết quả thực hiện", "Khó khăn, vướng mắc; đề xuất");
            assertThat(detail.getNumberOfRows()).isEqualTo(1 + ReportFixtures.taskCount(c) + c.groups().size());
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient()).isEqualTo(STPageOrientation.PORTRAIT);
            assertThat(texts(doc.getTables().get(doc.getTables().size() - 2).getRow(0).getCell(0)))
                    .containsExactly("Nơi nhận:", "- " + ReportFixtures.CONSOLIDATING + ";", "- Lưu: VT, NVY.");
        }
    }

    @Test
    void aDraftHasBlanksAndTheMark() throws IOException {
        try (XWPFDocument doc = read("draft.docx", ReportFixtures.draft())) {
            List<String> left = texts(doc.getTables().get(0).getRow(0).getCell(0));
            assertThat(left).contains(Words.DRAFT);
            assertThat(left).anySatisfy(line -> assertThat(line).startsWith("Số: ").contains("/BC-").doesNotContainPattern("\\d"));
            assertThat(texts(doc.getTables().get(0).getRow(0).getCell(1)).get(2))
                    .matches("Quảng Ngãi, ngày \\u00A0+ tháng \\u00A0+ năm 2026");
            assertThat(texts(doc.getTables().get(2).getRow(0).getCell(1))).allSatisfy(line -> assertThat(line).isBlank());
        }
    }

    @Test
    void docxCheckFindsNothingWrong() throws Exception {
        record Case(String file, Consolidation consolidation, String signer) {
        }
        for (Case c : List.of(new Case("state.docx", ReportFixtures.state(), ReportFixtures.SIGNER),
                new Case("party.docx", ReportFixtures.party(), ReportFixtures.PARTY_SIGNER),
                new Case("agency.docx", ReportFixtures.agency(), ReportFixtures.AGENCY_SIGNER))) {
            DocxCheck.Result result = DocxCheck.run(Outputs.write(c.file(), docx.draw(c.consolidation())), c.signer());
            assertThat(result.problems()).as(c.file()).isEmpty();
            assertThat(result.exit()).as(c.file()).isZero();
            assertThat(result.summary()).startsWith("docx: 0 problems");
        }
        assertThat(DocxCheck.run(Outputs.write("party.docx", docx.draw(ReportFixtures.party())), "").summary())
                .contains("Party document");
    }

    @Test
    void docxCheckMissesOnlyWhatADraftLacks() throws Exception {
        DocxCheck.Result result = DocxCheck.run(Outputs.write("draft.docx", docx.draw(ReportFixtures.draft())),
                ReportFixtures.SIGNER);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.problems()).containsExactlyInAnyOrder("no number line \"Số: N/XX-BODY\"",
                "no place-and-date line \"…, ngày dd tháng mm năm yyyy\"",
                "signer \"" + ReportFixtures.SIGNER + "\" not printed");
    }

    private XWPFDocument read(String file, Consolidation c) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(Outputs.writeBytes(file, docx.draw(c))));
    }

    private static List<CTSectPr> sections(XWPFDocument doc) {
        List<CTSectPr> sections = new ArrayList<>();
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
                sections.add(p.getCTP().getPPr().getSectPr());
            }
        }
        sections.add(doc.getDocument().getBody().getSectPr());
        return sections;
    }

    private static String text(XWPFDocument doc) throws IOException {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String start) {
        return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst().orElseThrow();
    }

    private static List<String> texts(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> texts(org.apache.poi.xwpf.usermodel.XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }
}
