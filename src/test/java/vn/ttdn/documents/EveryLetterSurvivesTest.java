package vn.ttdn.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.ttdn.reporting.Consolidation;

/**
 * Issue 11 §4: every letter of Vietnamese (each vowel with each of its tones, đ, in both cases), put
 * in a report's subject, comes back letter for letter from the Word, Excel and PDF files.
 */
public class EveryLetterSurvivesTest {

    /** Each vowel with its five tones and without, then đ; lower case, then upper case (NFC). */
    public static final String LETTERS;

    static {
        String lower = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đ";
        LETTERS = Normalizer.normalize(lower + " " + lower.toUpperCase(Texts.VI), Normalizer.Form.NFC);
    }

    private final Consolidation report = ReportFixtures.withSubject(ReportFixtures.state(), "Chữ: " + LETTERS);

    @Test
    void theWordFileKeepsEveryLetter() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                Outputs.writeBytes("letters.docx", new ConsolidationDocx().draw(report))));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(squeezed(text.getText())).contains(squeezed(LETTERS));
        }
    }

    @Test
    void theExcelFileKeepsEveryLetter() throws IOException {
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                Outputs.writeBytes("letters.xlsx", new ConsolidationXlsx().draw(report))))) {
            StringBuilder all = new StringBuilder();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        all.append(formatter.formatCellValue(cell)).append('\n');
                    }
                }
            }
            assertThat(squeezed(all.toString())).contains(squeezed(LETTERS));
        }
    }

    @Test
    void thePdfFileKeepsEveryLetter() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Outputs.writeBytes("letters.pdf", new ConsolidationPdf().draw(report)))) {
            assertThat(squeezed(new PDFTextStripper().getText(doc))).contains(squeezed(LETTERS));
        }
    }

    /** The text in NFC without its white space (a long line may wrap anywhere). */
    private static String squeezed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().filter(c -> !Character.isWhitespace(c))
                .mapToObj(Character::toString).collect(Collectors.joining());
    }
}
