package vn.ttdn.documents;

import vn.ttdn.documents.ReportLayout.Block;
import vn.ttdn.documents.ReportLayout.Column;
import vn.ttdn.documents.ReportLayout.Grid;
import vn.ttdn.documents.ReportLayout.Paragraph;
import vn.ttdn.documents.ReportLayout.Row;
import vn.ttdn.documents.ReportLayout.Section;
import vn.ttdn.documents.ReportLayout.Subheading;
import vn.ttdn.documents.ReportLayout.Table;
import vn.ttdn.plan.PlanDocument.IssuerLine;

/**
 * The report as XHTML for the PDF renderer: the Word file's layout in CSS (A4 with the same margins,
 * page numbers at the top from page 2 through a page-margin box, the appendix on landscape pages
 * when wide). Every text is escaped; the font is the embedded one ({@link ConsolidationPdf#FAMILY}).
 */
final class ReportHtml {

    private static final String CSS = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm;
              @top-center { content: counter(page); font-family: '%1$s'; font-size: 13pt; } }
            @page :first { @top-center { content: none; } }
            @page wide { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: '%1$s'; font-size: 14pt; line-height: 1.2; margin: 0; }
            table.head, table.sign { width: 165mm; border-collapse: collapse; }
            table.head td, table.sign td { vertical-align: top; padding: 0; }
            .c { text-align: center; margin: 0; }
            .b { font-weight: bold; } .i { font-style: italic; } .u { text-decoration: underline; }
            .rule { border-top: 0.75pt solid black; margin: 1pt auto 0 auto; height: 0; }
            .draft { border: 0.75pt solid black; width: 30mm; margin: 6pt auto 0 auto; font-weight: bold; }
            .type { margin-top: 18pt; }
            .body, .heading { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt 0; }
            .heading { font-weight: bold; page-break-after: avoid; }
            .recipients p { margin: 0; text-align: left; }
            .appendix { page-break-before: always; }
            .wide { page: wide; width: %2$dmm; }
            table.grid { border-collapse: collapse; margin: 0 0 6pt 0; -fs-table-paginate: paginate; }
            table.grid th, table.grid td { border: 0.5pt solid black; padding: 2pt 3pt; vertical-align: middle; }
            table.grid th { text-align: center; }
            table.grid thead { display: table-header-group; }
            table.grid tr { page-break-inside: avoid; }
            .grid-title { text-align: center; font-weight: bold; font-size: 13pt; margin: 6pt 0; page-break-after: avoid; }
            .note { font-style: italic; text-align: justify; margin: 0 0 6pt 0; }
            """;

    private final StringBuilder html = new StringBuilder();
    private final ReportLayout layout;

    private ReportHtml(ReportLayout layout) {
        this.layout = layout;
    }

    static String of(ReportLayout layout, String family) {
        return new ReportHtml(layout).document(family);
    }

    private String document(String family) {
        html.append("<html lang=\"vi\"><head><meta charset=\"UTF-8\"/><title>").append(escape(layout.subject()))
                .append("</title><style>").append(String.format(CSS, family, ReportLayouts.LANDSCAPE_WIDTH)).append("</style></head><body>");
        heading();
        p("c b type", Words.TYPE, layout.party() ? 16 : 14);
        p("c b", layout.subject(), 14);
        html.append("<div class=\"rule\" style=\"width: 40mm; margin-bottom: 12pt\"></div>");
        layout.opening().forEach(text -> p("body", text, 14));
        layout.sections().forEach(this::section);
        signing();
        appendix();
        return html.append("</body></html>").toString();
    }

    private void heading() {
        html.append("<table class=\"head\"><tr><td style=\"width: 63mm\">");
        int issuer = layout.party() ? 14 : 13;
        for (IssuerLine line : layout.issuerLines()) {
            p(line.bold() ? "c b" : "c", line.text(), issuer);
        }
        if (layout.party()) {
            p("c", "*", 14);
        } else {
            html.append("<div class=\"rule\" style=\"width: 25mm\"></div>");
        }
        html.append("<p class=\"c\" style=\"margin-top: 3pt; font-size: ").append(issuer).append("pt\">")
                .append(escape(layout.number())).append("</p>");
        if (layout.draft()) {
            p("c draft", Words.DRAFT, 14);
        }
        html.append("</td><td style=\"width: 102mm\">");
        if (layout.party()) {
            p("c b u", Words.PARTY, 15);
        } else {
            p("c b", Words.NATION, 13);
            p("c b u", Words.MOTTO, 14);
        }
        html.append("<p class=\"c i\" style=\"margin-top: ").append(layout.party() ? 24 : 18).append("pt\">")
                .append(escape(layout.placeDate())).append("</p></td></tr></table>");
    }

    private void section(Section section) {
        p("heading", section.heading(), 14);
        for (Block block : section.blocks()) {
            if (block instanceof Paragraph paragraph) {
                p("body", paragraph.text(), 14);
            } else if (block instanceof Subheading subheading) {
                p("heading", subheading.text(), 14);
            } else if (block instanceof Table table) {
                grid(table.grid());
            }
        }
    }

    private void signing() {
        html.append("<table class=\"sign\" style=\"margin-top: 6pt; page-break-inside: avoid\"><tr>")
                .append("<td class=\"recipients\" style=\"width: 85mm\">");
        if (layout.party()) {
            p("u", Words.RECIPIENTS, 14);
        } else {
            p("b i", Words.RECIPIENTS, 12);
        }
        layout.recipients().forEach(line -> p("", line, layout.party() ? 12 : 11));
        html.append("</td><td style=\"width: 80mm\">");
        layout.signerTitle().forEach(line -> p("c b", line, 14));
        html.append("<div style=\"height: 30mm\"></div>");
        p("c b", layout.signerName(), 14);
        html.append("</td></tr></table>");
    }

    private void appendix() {
        ReportLayout.Appendix appendix = layout.appendix();
        html.append("<div class=\"appendix").append(appendix.landscape() ? " wide" : "").append("\">");
        p("c b", appendix.title(), 14);
        html.append("<p class=\"c i\" style=\"margin-bottom: 6pt\">").append(escape(appendix.caption())).append("</p>");
        appendix.grids().forEach(this::grid);
        html.append("</div>");
    }

    private void grid(Grid grid) {
        if (grid.title() != null) {
            html.append("<p class=\"grid-title\">").append(escape(grid.title())).append("</p>");
        }
        html.append("<table class=\"grid\" style=\"width: ").append(grid.width()).append("mm; font-size: ")
                .append(Grid.POINTS).append("pt\"><thead><tr>");
        for (Column column : grid.columns()) {
            html.append("<th style=\"width: ").append(column.millimetres()).append("mm\">")
                    .append(escape(column.header())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        grid.rows().forEach(row -> row(grid, row));
        html.append("</tbody></table>");
        if (grid.note() != null) {
            html.append("<p class=\"note\" style=\"font-size: ").append(Grid.POINTS).append("pt\">")
                    .append(escape(grid.note())).append("</p>");
        }
    }

    private void row(Grid grid, Row row) {
        html.append("<tr>");
        if (row.group()) {
            html.append("<td class=\"c b\">").append(escape(row.cells().get(0))).append("</td><td class=\"b\" colspan=\"")
                    .append(grid.columns().size() - 1).append("\">").append(escape(row.cells().get(1))).append("</td>");
        } else {
            for (int i = 0; i < row.cells().size(); i++) {
                html.append("<td").append(grid.columns().get(i).centred() ? " class=\"c\"" : "").append(">")
                        .append(lines(row.cells().get(i))).append("</td>");
            }
        }
        html.append("</tr>");
    }

    private void p(String classes, String text, int points) {
        html.append("<p class=\"").append(classes).append("\" style=\"font-size: ").append(points).append("pt\">")
                .append(escape(text)).append("</p>");
    }

    private static String lines(String text) {
        return escape(text).replace("\n", "<br/>");
    }

    /** The five characters XML reserves, and nothing else (the text is UTF-8, NFC). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : Texts.nfc(text).toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
