package vn.ttdn.plan;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A day of the year written as plans write it: "15/12". */
public final class DayMonth {

    private static final Pattern FORM = Pattern.compile("(\\d{1,2})/(\\d{1,2})");

    private DayMonth() {
    }

    public static Optional<MonthDay> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
