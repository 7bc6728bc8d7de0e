package vn.ttdn.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Service;

/**
 * A PDF drawn from XHTML by openhtmltopdf with the fonts every document of the application uses
 * (DejaVu Serif Condensed, embedded as subsets: see {@link ConsolidationPdf} for why). The XHTML
 * names the family {@value #FAMILY}.
 */
@Service
public class HtmlPdf {

    public static final String FAMILY = "DejaVu Serif Condensed";

    public byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSerifCondensed.ttf", 400, FontStyle.NORMAL);
            font(builder, "DejaVuSerifCondensed-Bold.ttf", 700, FontStyle.NORMAL);
            font(builder, "DejaVuSerifCondensed-Italic.ttf", 400, FontStyle.ITALIC);
            font(builder, "DejaVuSerifCondensed-BoldItalic.ttf", 700, FontStyle.ITALIC);
            builder.withHtmlContent(xhtml, null);
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
        InputStream in = HtmlPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("Font missing from the class path: fonts/" + file);
        }
        return in;
    }
}
