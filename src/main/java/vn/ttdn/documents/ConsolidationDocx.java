package vn.ttdn.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import vn.ttdn.documents.ReportLayout.Block;
import vn.ttdn.documents.ReportLayout.Grid;
import vn.ttdn.documents.ReportLayout.Paragraph;
import vn.ttdn.documents.ReportLayout.Section;
import vn.ttdn.documents.ReportLayout.Subheading;
import vn.ttdn.documents.ReportLayout.Table;
import vn.ttdn.plan.PlanDocument.IssuerLine;
import vn.ttdn.reporting.Consolidation;

/**
 * The Word file of a report, laid out as Decree 30/2020/NĐ-CP Appendix I sets a state body's
 * document (or Guidance 36-HD/VPTW a Party body's): the two-column heading, BÁO CÁO and the
 * subject, the numbered parts, the "Nơi nhận:" and signing block side by side, page numbers at the
 * top from page 2, and the appendix in a section of its own (landscape for the matrix).
 */
final class ConsolidationDocx {

    private static final int TEXT_WIDTH = Word.twips(ReportLayouts.PORTRAIT_WIDTH);
    /** The heading reaches 5 mm into either margin, so the national heading keeps to one line. */
    private static final int OUTSET = Word.twips(5);
    private static final int LEFT_HEAD = Word.twips(72);
    private static final int RIGHT_HEAD = TEXT_WIDTH + 2 * OUTSET - LEFT_HEAD;
    private static final int LEFT_SIGN = Word.twips(85);
    private static final int RIGHT_SIGN = TEXT_WIDTH - LEFT_SIGN;
    private static final int BODY = 14;

    byte[] draw(Consolidation consolidation) {
        ReportLayout layout = ReportLayouts.of(consolidation);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Word.defaults(doc);
            CTSectPr section = doc.getDocument().getBody().addNewSectPr();
            Word.page(section, false);
            pageNumbers(doc, section);
            heading(doc, layout);
            title(doc, layout);
            layout.opening().forEach(text -> Word.run(Word.body(doc.createParagraph()), text, BODY, false, false));
            layout.sections().forEach(s -> section(doc, s));
            signing(doc, layout);
            appendix(doc, layout, section);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page numbers centred in the top margin; the first page's header is empty (titlePg). */
    private static void pageNumbers(XWPFDocument doc, CTSectPr section) {
        XWPFHeader first = doc.createHeader(HeaderFooterType.FIRST);
        Word.centred(first.createParagraph());
        XWPFHeader other = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = Word.centred(other.createParagraph());
        Word.run(paragraph, "2", 14, false, false);
        CTSimpleField field = paragraph.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().set(paragraph.getRuns().get(0).getCTR());
        paragraph.removeRun(0);
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    private static void heading(XWPFDocument doc, ReportLayout layout) {
        XWPFTable table = Word.table(doc, new int[] {LEFT_HEAD, RIGHT_HEAD}, false);
        Word.flush(table, OUTSET);
        XWPFTableRow row = table.getRow(0);
        Word.cells(row, new int[] {LEFT_HEAD, RIGHT_HEAD}, new int[] {1, 1});
        if (layout.party()) {
            partyIssuer(row.getCell(0), layout);
            partyNation(row.getCell(1), layout);
        } else {
            stateIssuer(row.getCell(0), layout);
            stateNation(row.getCell(1), layout);
        }
    }

    private static void stateIssuer(XWPFTableCell cell, ReportLayout layout) {
        boolean first = true;
        for (IssuerLine line : layout.issuerLines()) {
            Word.run(Word.centred(Word.paragraph(cell, first)), line.text(), 13, line.bold(), false);
            first = false;
        }
        Word.rule(Word.paragraph(cell, false), LEFT_HEAD, Word.twips(25));
        XWPFParagraph number = Word.centred(Word.paragraph(cell, false));
        number.setSpacingBefore(60);
        Word.run(number, layout.number(), 13, false, false);
        draftMark(cell, layout);
    }

    private static void partyIssuer(XWPFTableCell cell, ReportLayout layout) {
        boolean first = true;
        for (IssuerLine line : layout.issuerLines()) {
            Word.run(Word.centred(Word.paragraph(cell, first)), line.text(), 14, line.bold(), false);
            first = false;
        }
        Word.run(Word.centred(Word.paragraph(cell, false)), "*", 14, false, false);
        Word.run(Word.centred(Word.paragraph(cell, false)), layout.number(), 14, false, false);
        draftMark(cell, layout);
    }

    private static void draftMark(XWPFTableCell cell, ReportLayout layout) {
        if (!layout.draft()) {
            return;
        }
        XWPFParagraph mark = Word.centred(Word.paragraph(cell, false));
        mark.setSpacingBefore(120);
        int indent = (LEFT_HEAD - Word.twips(30)) / 2;
        mark.setIndentationLeft(indent);
        mark.setIndentationRight(indent);
        mark.setBorderTop(Borders.SINGLE);
        mark.setBorderBottom(Borders.SINGLE);
        mark.setBorderLeft(Borders.SINGLE);
        mark.setBorderRight(Borders.SINGLE);
        CTPBdr box = mark.getCTP().getPPr().getPBdr();
        for (CTBorder side : new CTBorder[] {box.getTop(), box.getBottom(), box.getLeft(), box.getRight()}) {
            Word.line(side);
        }
        Word.run(mark, Words.DRAFT, 14, true, false);
    }

    private static void stateNation(XWPFTableCell cell, ReportLayout layout) {
        Word.run(Word.centred(Word.paragraph(cell, true)), Words.NATION, 13, true, false);
        Word.underlined(Word.run(Word.centred(Word.paragraph(cell, false)), Words.MOTTO, 14, true, false));
        XWPFParagraph date = Word.centred(Word.paragraph(cell, false));
        date.setSpacingBefore(360);
        Word.run(date, layout.placeDate(), 14, false, true);
    }

    private static void partyNation(XWPFTableCell cell, ReportLayout layout) {
        Word.underlined(Word.run(Word.centred(Word.paragraph(cell, true)), Words.PARTY, 15, true, false));
        XWPFParagraph date = Word.centred(Word.paragraph(cell, false));
        date.setSpacingBefore(480);
        Word.run(date, layout.placeDate(), 14, false, true);
    }

    /** BÁO CÁO, the subject, a short rule. */
    private static void title(XWPFDocument doc, ReportLayout layout) {
        XWPFParagraph type = Word.centred(doc.createParagraph());
        type.setSpacingBefore(360);
        Word.run(type, Words.TYPE, layout.party() ? 16 : 14, true, false);
        XWPFParagraph subject = Word.centred(doc.createParagraph());
        subject.setIndentationLeft(Word.twips(10));
        subject.setIndentationRight(Word.twips(10));
        Word.run(subject, layout.subject(), 14, true, false);
        XWPFParagraph rule = doc.createParagraph();
        Word.rule(rule, TEXT_WIDTH, Word.twips(40));
        rule.setSpacingAfter(240);
    }

    private static void section(XWPFDocument doc, Section section) {
        XWPFParagraph heading = Word.body(doc.createParagraph());
        heading.setKeepNext(true);
        Word.run(heading, section.heading(), BODY, true, false);
        for (Block block : section.blocks()) {
            if (block instanceof Paragraph p) {
                Word.run(Word.body(doc.createParagraph()), p.text(), BODY, false, false);
            } else if (block instanceof Subheading s) {
                XWPFParagraph sub = Word.body(doc.createParagraph());
                sub.setKeepNext(true);
                Word.run(sub, s.text(), BODY, true, false);
            } else if (block instanceof Table t) {
                DocxTables.draw(doc, t.grid());
                Word.body(doc.createParagraph());
            }
        }
    }

    /** "Nơi nhận:" on the left, the signer on the right, in a table without lines. */
    private static void signing(XWPFDocument doc, ReportLayout layout) {
        XWPFTable table = Word.table(doc, new int[] {LEFT_SIGN, RIGHT_SIGN}, false);
        XWPFTableRow row = table.getRow(0);
        row.setCantSplitRow(true);
        Word.cells(row, new int[] {LEFT_SIGN, RIGHT_SIGN}, new int[] {1, 1});
        recipients(row.getCell(0), layout);
        signer(row.getCell(1), layout);
    }

    /** State: "Nơi nhận:" 12 pt bold italic, lines 11 pt. Party: "Nơi nhận:" 14 pt underlined, lines 12 pt. */
    private static void recipients(XWPFTableCell cell, ReportLayout layout) {
        XWPFParagraph title = Word.tight(Word.paragraph(cell, true));
        title.setSpacingBefore(120);
        if (layout.party()) {
            Word.underlined(Word.run(title, Words.RECIPIENTS, 14, false, false));
        } else {
            Word.run(title, Words.RECIPIENTS, 12, true, true);
        }
        for (String line : layout.recipients()) {
            Word.run(Word.tight(Word.paragraph(cell, false)), line, layout.party() ? 12 : 11, false, false);
        }
    }

    /** The authority and position in bold capitals, room for the signature and seal, the name in bold. */
    private static void signer(XWPFTableCell cell, ReportLayout layout) {
        boolean first = true;
        for (String line : layout.signerTitle()) {
            XWPFParagraph paragraph = Word.centred(Word.paragraph(cell, first));
            paragraph.setSpacingBefore(first ? 120 : 0);
            Word.run(paragraph, line, 14, true, false);
            first = false;
        }
        for (int i = 0; i < 4; i++) {
            Word.centred(Word.paragraph(cell, first && i == 0)).setSpacingAfter(240);
        }
        XWPFParagraph name = Word.centred(Word.paragraph(cell, false));
        if (!layout.signerName().isEmpty()) {
            Word.run(name, layout.signerName(), 14, true, false);
        }
    }

    /**
     * The appendix on a page of its own: a section break ends the report's section (which keeps its
     * page numbers and empty first header), the last section is the appendix's, landscape when its
     * tables are wide, and inherits the page-number header.
     */
    private static void appendix(XWPFDocument doc, ReportLayout layout, CTSectPr last) {
        XWPFParagraph end = doc.createParagraph();
        CTPPr properties = end.getCTP().isSetPPr() ? end.getCTP().getPPr() : end.getCTP().addNewPPr();
        properties.setSectPr((CTSectPr) last.copy());
        while (last.sizeOfHeaderReferenceArray() > 0) {
            last.removeHeaderReference(0);
        }
        last.unsetTitlePg();
        Word.page(last, layout.appendix().landscape());
        Word.run(Word.centred(doc.createParagraph()), layout.appendix().title(), 14, true, false);
        XWPFParagraph caption = Word.centred(doc.createParagraph());
        caption.setSpacingAfter(Word.AFTER);
        Word.run(caption, layout.appendix().caption(), 14, false, true);
        for (Grid grid : layout.appendix().grids()) {
            DocxTables.draw(doc, grid);
        }
    }
}
