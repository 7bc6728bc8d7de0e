package vn.ttdn.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    static final String FAMILY = "DejaVu Serif Condensed";

    byte[] draw(Consolidation consolidation) {
        String html = ReportHtml.of(ReportLayouts.of(consolidation), FAMILY);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSerifCondensed.ttf", 400, FontStyle.NORMAL);
            font(builder, "DejaVuSerifCondensed-Bold.ttf", 700, FontStyle.NORMAL);
            font(builder, "DejaVuSerifCondensed-Italic.ttf", 400, FontStyle.ITALIC);
            font(builder, "DejaVuSerifCondensed-BoldItalic.ttf", 700, FontStyle.ITALIC);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
        builder.useFont(() -> open(file), FAMILY, weight, style, true);
    }

    private static InputStream open(String file) {
        InputStream in = ConsolidationPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("Font missing from the class path: fonts/" + file);
        }
        return in;
    }
}
