package vn.ttdn.documents;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * The Word primitives the report is drawn with: runs in Times New Roman for every character range
 * (ascii, hAnsi where Vietnamese letters fall, cs, eastAsia), the A4 page with all its margins, body
 * paragraphs, short rules drawn as paragraph borders, and fixed-width tables.
 */
final class Word {

    static final String FONT = "Times New Roman";
    /** 1.27 cm, the first-line indent of a body paragraph. */
    static final int FIRST_LINE = 720;
    /** 6 pt after each body paragraph. */
    static final int AFTER = 120;

    private Word() {
    }

    static int twips(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    /** Times New Roman as the document default, so even an empty paragraph mark is in it. */
    static void defaults(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
    }

    /** A4, portrait or landscape, margins top and bottom 20 mm, left 30 mm, right 15 mm, header and footer 10 mm. */
    static void page(CTSectPr section, boolean landscape) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
        size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
        size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(20)));
        margins.setBottom(BigInteger.valueOf(twips(20)));
        margins.setLeft(BigInteger.valueOf(twips(30)));
        margins.setRight(BigInteger.valueOf(twips(15)));
        margins.setHeader(BigInteger.valueOf(twips(10)));
        margins.setFooter(BigInteger.valueOf(twips(10)));
        margins.setGutter(BigInteger.ZERO);
    }

    /** A run of text in Times New Roman; line breaks in the text become breaks in the run. */
    static XWPFRun run(XWPFParagraph paragraph, String text, int points, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        for (XWPFRun.FontCharRange range : XWPFRun.FontCharRange.values()) {
            run.setFontFamily(FONT, range);
        }
        run.setFontSize(points);
        run.setBold(bold);
        run.setItalic(italic);
        String[] lines = Texts.nfc(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return run;
    }

    static XWPFRun underlined(XWPFRun run) {
        run.setUnderline(UnderlinePatterns.SINGLE);
        return run;
    }

    /** A centred line with no space around it, as the heading's lines are set. */
    static XWPFParagraph centred(XWPFParagraph paragraph) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        tight(paragraph);
        return paragraph;
    }

    static XWPFParagraph tight(XWPFParagraph paragraph) {
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        return paragraph;
    }

    /** Justified, first line indented 1.27 cm, 6 pt after, line spacing 1.15. */
    static XWPFParagraph body(XWPFParagraph paragraph) {
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(FIRST_LINE);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(AFTER);
        paragraph.setSpacingBetween(1.15);
        return paragraph;
    }

    /** A short centred rule: an empty paragraph, indented to the rule's length, with a top border. */
    static void rule(XWPFParagraph paragraph, int columnTwips, int ruleTwips) {
        int indent = Math.max(0, (columnTwips - ruleTwips) / 2);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationRight(indent);
        paragraph.setBorderTop(Borders.SINGLE);
        line(paragraph.getCTP().getPPr().getPBdr().getTop());
        paragraph.setSpacingBefore(80);
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(4, LineSpacingRule.EXACT);
    }

    /** A border of 0.75 pt in black, set in full (a bare w:val leaves the width to the reader). */
    static void line(CTBorder border) {
        border.setSz(BigInteger.valueOf(6));
        border.setSpace(BigInteger.ZERO);
        border.setColor("000000");
    }

    /**
     * A table without cell margins, moved {@code indent} twips into the left margin: the heading and
     * signing blocks, whose lines (the national heading) need the width.
     */
    static void flush(XWPFTable table, int indent) {
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblWidth offset = properties.addNewTblInd();
        offset.setW(BigInteger.valueOf(-indent));
        offset.setType(STTblWidth.DXA);
        CTTblCellMar margins = properties.addNewTblCellMar();
        for (CTTblWidth side : new CTTblWidth[] {margins.addNewLeft(), margins.addNewRight()}) {
            side.setW(BigInteger.ZERO);
            side.setType(STTblWidth.DXA);
        }
    }

    /**
     * A table of fixed column widths (twips), with a grid that matches them, lines or none. The
     * first row is there already, with one cell.
     */
    static XWPFTable table(XWPFDocument doc, int[] widths, boolean lines) {
        XWPFTable table = doc.createTable();
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        table.setWidth(Integer.toString(total));
        table.setWidthType(TableWidthType.DXA);
        CTTblPr properties = table.getCTTbl().getTblPr();
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
                .setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTable.XWPFBorderType type = lines ? XWPFTable.XWPFBorderType.SINGLE : XWPFTable.XWPFBorderType.NONE;
        table.setTopBorder(type, 4, 0, "000000");
        table.setBottomBorder(type, 4, 0, "000000");
        table.setLeftBorder(type, 4, 0, "000000");
        table.setRightBorder(type, 4, 0, "000000");
        table.setInsideHBorder(type, 4, 0, "000000");
        table.setInsideVBorder(type, 4, 0, "000000");
        return table;
    }

    /** The row's cells, as many as {@code widths}, each that wide (twips) and spanning that many grid columns. */
    static void cells(XWPFTableRow row, int[] widths, int[] spans) {
        while (row.getTableCells().size() < widths.length) {
            row.addNewTableCell();
        }
        while (row.getTableCells().size() > widths.length) {
            row.removeCell(row.getTableCells().size() - 1);
        }
        for (int i = 0; i < widths.length; i++) {
            XWPFTableCell cell = row.getCell(i);
            CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            (properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW()).setW(BigInteger.valueOf(widths[i]));
            properties.getTcW().setType(STTblWidth.DXA);
            if (spans[i] > 1) {
                properties.addNewGridSpan().setVal(BigInteger.valueOf(spans[i]));
            }
        }
    }

    /** The cell's first paragraph (every cell has one), then new ones. */
    static XWPFParagraph paragraph(XWPFTableCell cell, boolean first) {
        return first && !cell.getParagraphs().isEmpty() ? cell.getParagraphs().get(0) : cell.addParagraph();
    }
}
