package vn.ttdn.documents;

import java.util.List;
import vn.ttdn.plan.PlanDocument.IssuerLine;

/**
 * A report laid out once, in words, for both the Word and the PDF file: the heading's lines, the
 * body's sections, the signing block and the appendix. Every text in it is NFC-normalised; the
 * renderers only choose sizes, weights and rules.
 *
 * @param party       Guidance 36-HD/VPTW layout rather than Decree 30/2020's
 * @param draft       not approved yet: blanks for number, day and signer, marked DỰ THẢO
 * @param issuerLines the top left, superior body plain, issuer bold (capitals)
 * @param number      "Số: 12/BC-SVHTTDL" or "Số 12-BC/BTGTU" (with blanks for a draft)
 * @param placeDate   "Quảng Ngãi, ngày 05 tháng 12 năm 2026"
 * @param opening     the paragraphs before the first section
 * @param sections    the numbered parts present ("I. KẾT QUẢ ĐẠT ĐƯỢC", …)
 * @param recipients  the "Nơi nhận:" lines as printed ("- UBND tỉnh Quảng Ngãi;", …, "- Lưu: VT, TTĐN.")
 * @param signerTitle "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" (empty for a draft)
 * @param signerName  the name, or empty for a draft
 */
record ReportLayout(boolean party, boolean draft, List<IssuerLine> issuerLines, String number, String placeDate,
                    String subject, List<String> opening, List<Section> sections, List<String> recipients,
                    List<String> signerTitle, String signerName, Appendix appendix) {

    /** A numbered part: its heading and what it says. */
    record Section(String heading, List<Block> blocks) {
    }

    /** What a section holds, in order. */
    sealed interface Block permits Subheading, Paragraph, Table {
    }

    /** "1. Tồn tại, hạn chế" inside a section. */
    record Subheading(String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Table(Grid grid) implements Block {
    }

    /** The appendix: its title, the caption naming the report, its tables; landscape when they are wide. */
    record Appendix(String title, String caption, boolean landscape, List<Grid> grids) {
    }

    /**
     * A table with a header row, rows (a group row prints its number and its title across the other
     * columns), an optional title above and note below. Tables are set in 13 pt ({@link #POINTS}),
     * the body size Decree 30/2020 allows at its lower end, landscape pages giving them the room.
     */
    record Grid(String title, List<Column> columns, List<Row> rows, String note) {

        static final int POINTS = 13;

        int width() {
            return columns.stream().mapToInt(Column::millimetres).sum();
        }
    }

    /** A column: its head, its width, whether its cells are centred (numbers, marks) or left (text). */
    record Column(String header, int millimetres, boolean centred) {
    }

    /** A row of cells; a group row has two: its number and its title. */
    record Row(boolean group, List<String> cells) {

        static Row group(String number, String title) {
            return new Row(true, List.of(Texts.nfc(number), Texts.nfc(title)));
        }

        static Row of(List<String> cells) {
            return new Row(false, cells.stream().map(Texts::nfc).toList());
        }
    }
}
