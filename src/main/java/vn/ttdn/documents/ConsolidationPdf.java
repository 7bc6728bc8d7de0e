package vn.ttdn.documents;

import vn.ttdn.reporting.Consolidation;

/**
 * The PDF of a report: the Word file's content ({@link ReportLayout}) drawn from XHTML by
 * openhtmltopdf, in DejaVu Serif Condensed embedded as subsets. DejaVu rather than the Liberation
 * Serif that stands in for Times New Roman, because the Liberation fonts at hand (1.07) lack
 * Vietnamese letters such as "Ứ" and are not under the SIL OFL; the condensed cut because its width
 * is near Times New Roman's, so the national heading keeps to one line as in the Word file. Its
 * licence (Bitstream Vera, DejaVu changes in the public domain) is in {@code fonts/LICENSE-DejaVu.txt}.
 */
final class ConsolidationPdf {

    static final String FAMILY = HtmlPdf.FAMILY;

    private final HtmlPdf pdf = new HtmlPdf();

    byte[] draw(Consolidation consolidation) {
        return pdf.pdf(ReportHtml.of(ReportLayouts.of(consolidation), FAMILY));
    }
}
