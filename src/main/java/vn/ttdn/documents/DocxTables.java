package vn.ttdn.documents;

import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.ttdn.documents.ReportLayout.Column;
import vn.ttdn.documents.ReportLayout.Grid;
import vn.ttdn.documents.ReportLayout.Row;

/**
 * Draws a {@link Grid} as a Word table with lines: its title above, the header row repeated on every
 * page (tblHeader), rows that do not split across pages, a group row's title across the columns after
 * its number, and the note below.
 */
final class DocxTables {

    private DocxTables() {
    }

    static void draw(XWPFDocument doc, Grid grid) {
        if (grid.title() != null) {
            XWPFParagraph title = Word.centred(doc.createParagraph());
            title.setSpacingBefore(Word.AFTER);
            title.setSpacingAfter(Word.AFTER);
            title.setKeepNext(true);
            Word.run(title, grid.title(), 13, true, false);
        }
        int[] widths = grid.columns().stream().mapToInt(c -> Word.twips(c.millimetres())).toArray();
        XWPFTable table = Word.table(doc, widths, true);
        header(table.getRow(0), grid, widths);
        for (Row row : grid.rows()) {
            XWPFTableRow tableRow = table.createRow();
            tableRow.setCantSplitRow(true);
            if (row.group()) {
                group(tableRow, row, widths);
            } else {
                cells(tableRow, row.cells(), grid, widths);
            }
        }
        if (grid.note() != null) {
            XWPFParagraph note = Word.tight(doc.createParagraph());
            note.setAlignment(ParagraphAlignment.BOTH);
            note.setSpacingBefore(Word.AFTER / 2);
            Word.run(note, grid.note(), Grid.POINTS, false, true);
        }
    }

    private static void header(XWPFTableRow row, Grid grid, int[] widths) {
        row.setRepeatHeader(true);
        row.setCantSplitRow(true);
        Word.cells(row, widths, ones(widths.length));
        for (int i = 0; i < widths.length; i++) {
            text(row.getCell(i), grid.columns().get(i).header(), true, ParagraphAlignment.CENTER);
        }
    }

    private static void group(XWPFTableRow row, Row group, int[] widths) {
        int rest = Arrays.stream(widths).skip(1).sum();
        Word.cells(row, new int[] {widths[0], rest}, new int[] {1, widths.length - 1});
        text(row.getCell(0), group.cells().get(0), true, ParagraphAlignment.CENTER);
        text(row.getCell(1), group.cells().get(1), true, ParagraphAlignment.LEFT);
    }

    private static void cells(XWPFTableRow row, List<String> texts, Grid grid, int[] widths) {
        Word.cells(row, widths, ones(widths.length));
        for (int i = 0; i < widths.length; i++) {
            Column column = grid.columns().get(i);
            text(row.getCell(i), texts.get(i), false,
                    column.centred() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        }
    }

    /** A cell's text, one paragraph per line, 2 pt around. */
    private static void text(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFParagraph paragraph = Word.tight(Word.paragraph(cell, i == 0));
            paragraph.setAlignment(align);
            paragraph.setSpacingBefore(40);
            paragraph.setSpacingAfter(40);
            if (!lines[i].isEmpty()) {
                Word.run(paragraph, lines[i], Grid.POINTS, bold, false);
            }
        }
    }

    private static int[] ones(int n) {
        int[] spans = new int[n];
        Arrays.fill(spans, 1);
        return spans;
    }
}
