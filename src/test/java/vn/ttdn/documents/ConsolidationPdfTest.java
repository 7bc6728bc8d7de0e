package vn.ttdn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.ttdn.reporting.Consolidation;

/** The PDF read back with PDFBox: its text, its embedded fonts, its pages; and the bundled fonts' Vietnamese letters. */
class ConsolidationPdfTest {

    private final ConsolidationPdf pdf = new ConsolidationPdf();

    @Test
    void theStateReportSaysWhatTheWordFileSays() throws IOException {
        try (PDDocument doc = read("state.pdf", ReportFixtures.state())) {
            String text = text(doc, 1, doc.getNumberOfPages()).replaceAll("\\s+", " ");
            assertThat(text).contains("UBND TỈNH QUẢNG NGÃI", "SỞ VĂN HÓA, THỂ THAO", "Số: 12/BC-SVHTTDL",
                    Words.NATION, Words.MOTTO, "Quảng Ngãi, ngày 05 tháng 12 năm 2026", Words.TYPE,
                    "I. KẾT QUẢ ĐẠT ĐƯỢC", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "Đắk Lắk, Khánh Hòa và Thừa Thiên Huế",
                    Words.RECIPIENTS, "- Lưu: VT, TTĐN.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ReportFixtures.SIGNER,
                    Words.APPENDIX, ReportFixtures.LATE, ReportFixtures.MISSING, ReportFixtures.SILENT,
                    Normalizer.normalize(ReportFixtures.DECOMPOSED, Normalizer.Form.NFC));
        }
    }

    @Test
    void everyFontIsEmbeddedAndIsTheBundledOne() throws IOException {
        try (PDDocument doc = read("state.pdf", ReportFixtures.state())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSerifCondensed");
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("Bold"))
                    .anyMatch(n -> n.endsWith("Italic"));
        }
    }

    @Test
    void pagesAreA4NumberedFromTwoWithTheMatrixInLandscape() throws IOException {
        try (PDDocument doc = read("state.pdf", ReportFixtures.state())) {
            PDPage first = doc.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(text(doc, 1, 1).strip()).startsWith("UBND TỈNH QUẢNG NGÃI");
            assertThat(text(doc, 2, 2).strip()).startsWith("2");
            PDPage last = doc.getPage(doc.getNumberOfPages() - 1);
            assertThat(last.getMediaBox().getWidth()).isGreaterThan(last.getMediaBox().getHeight());
            assertThat(text(doc, doc.getNumberOfPages(), doc.getNumberOfPages()).strip())
                    .startsWith(Integer.toString(doc.getNumberOfPages()));
        }
    }

    @Test
    void thePartyReportAndOneBodysReport() throws IOException {
        try (PDDocument doc = read("party.pdf", ReportFixtures.party())) {
            assertThat(text(doc, 1, doc.getNumberOfPages())).contains(Words.PARTY, "TỈNH ỦY NINH THUẬN", "BAN TUYÊN GIÁO",
                    "Số 12-BC/BTGTU", "K/T TRƯỞNG BAN", ReportFixtures.PARTY_SIGNER).doesNotContain(Words.NATION);
        }
        try (PDDocument doc = read("agency.pdf", ReportFixtures.agency())) {
            String text = text(doc, 1, doc.getNumberOfPages());
            assertThat(text).contains("Số: 05/BC-SYT", "II. KIẾN NGHỊ, ĐỀ XUẤT", "Kết quả thực hiện", ReportFixtures.AGENCY_SIGNER)
                    .doesNotContain("TỒN TẠI", "Biểu 2");
            PDPage last = doc.getPage(doc.getNumberOfPages() - 1);
            assertThat(last.getMediaBox().getWidth()).isLessThan(last.getMediaBox().getHeight());
        }
    }

    @Test
    void markupInTheTextIsPrintedNotParsed() throws IOException {
        Consolidation c = ReportFixtures.withSubject(ReportFixtures.state(), "Kết quả <thí điểm> & \"đánh giá\" của 'Sở'");
        try (PDDocument doc = read("escaped.pdf", c)) {
            assertThat(text(doc, 1, 1)).contains("Kết quả <thí điểm> & \"đánh giá\" của 'Sở'");
        }
    }

    @Test
    void theBundledFontsHaveEveryVietnameseLetter() throws IOException {
        String letters = Normalizer.normalize(ReportFixtures.GLYPHS + "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
                + "ùúủũụưừứửữựỳýỷỹỵđ", Normalizer.Form.NFC);
        String all = letters + letters.toUpperCase(Texts.VI);
        for (String file : List.of("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf",
                "DejaVuSerifCondensed-Italic.ttf", "DejaVuSerifCondensed-BoldItalic.ttf")) {
            try (InputStream in = getClass().getResourceAsStream("/fonts/" + file);
                 TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                all.codePoints().filter(Character::isLetter).forEach(cp -> {
                    try {
                        assertThat(font.getUnicodeCmapLookup().getGlyphId(cp)).as(file + " " + Character.toString(cp))
                                .isPositive();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    private PDDocument read(String file, Consolidation c) throws IOException {
        return Loader.loadPDF(Outputs.writeBytes(file, pdf.draw(c)));
    }

    private static String text(PDDocument doc, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
    }
}
