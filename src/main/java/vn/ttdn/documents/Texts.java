package vn.ttdn.documents;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text as the documents print it: NFC-normalised (so a name typed with combining marks prints as the
 * precomposed letters the fonts carry), split into paragraphs, dates and figures the Vietnamese way.
 */
final class Texts {

    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Texts() {
    }

    /** NFC form; null stays null. */
    static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** The non-blank lines of a narrative part, trimmed and normalised: one paragraph each. */
    static List<String> paragraphs(String text) {
        if (!present(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).map(Texts::nfc).toList();
    }

    static String upper(String text) {
        return nfc(text).toUpperCase(VI);
    }

    /** "dd/MM/yyyy" in running text and tables; empty when unknown. */
    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The day in Việt Nam, "dd/MM/yyyy"; empty when unknown. */
    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(VIET_NAM));
    }

    /** "1.250" or "12,5": Vietnamese grouping and decimal marks; "-" when there is no figure. */
    static String figure(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(VI));
        return format.format(value);
    }

    /** The first letter in lower case, for a label used inside a sentence ("hoàn thành đúng hạn"). */
    static String inSentence(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(VI) + label.substring(1);
    }
}
