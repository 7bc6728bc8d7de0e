package vn.ttdn.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a task is to be done, as plans print it: "Hàng năm", "Thường xuyên", "2024",
 * "2024 – 2030", "Tháng 10/2023", "Trước ngày 31/10/2023". The file form is the {@link #code()}.
 */
public record Timeline(Kind kind, int fromYear, int toYear, int month, LocalDate date) {

    public enum Kind { YEARLY, ONGOING, YEAR, YEARS, MONTH, DATE }

    public static final String EXPECTED =
            "expected yearly, ongoing, a year (2024), years (2024-2030), a month (2023-10) or a date (2023-10-31)";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Reads a timeline code; empty when it is not one, {@link #problem(String)} says why. */
    public static Optional<Timeline> parse(String code) {
        return Optional.ofNullable(code).map(String::trim).flatMap(Timeline::read);
    }

    /** Why a code is not a timeline, or empty when it is one. */
    public static Optional<String> problem(String code) {
        if (parse(code).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("unparsable timeline \"" + code + "\": " + EXPECTED);
    }

    private static Optional<Timeline> read(String code) {
        try {
            switch (code) {
                case "yearly": return Optional.of(new Timeline(Kind.YEARLY, 0, 0, 0, null));
                case "ongoing": return Optional.of(new Timeline(Kind.ONGOING, 0, 0, 0, null));
                default: break;
            }
            Matcher m;
            if ((m = YEAR.matcher(code)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return Optional.of(new Timeline(Kind.YEAR, year, year, 0, null));
            }
            if ((m = YEARS.matcher(code)).matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                return from < to ? Optional.of(new Timeline(Kind.YEARS, from, to, 0, null)) : Optional.empty();
            }
            if ((m = MONTH.matcher(code)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new Timeline(Kind.MONTH, ym.getYear(), ym.getYear(), ym.getMonthValue(), null));
            }
            if (DATE.matcher(code).matches()) {
                LocalDate date = LocalDate.parse(code);
                return Optional.of(new Timeline(Kind.DATE, date.getYear(), date.getYear(), 0, date));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The form the plan file uses. */
    public String code() {
        return switch (kind) {
            case YEARLY -> "yearly";
            case ONGOING -> "ongoing";
            case YEAR -> Integer.toString(fromYear);
            case YEARS -> fromYear + "-" + toYear;
            case MONTH -> String.format("%d-%02d", fromYear, month);
            case DATE -> date.toString();
        };
    }

    /** Key of the Vietnamese wording in the message bundle, with {@link #labelArguments()}. */
    public String labelKey() {
        return "timeline." + kind.name().toLowerCase();
    }

    public List<Object> labelArguments() {
        return switch (kind) {
            case YEARLY, ONGOING -> List.of();
            case YEAR -> List.of(Integer.toString(fromYear));
            case YEARS -> List.of(Integer.toString(fromYear), Integer.toString(toYear));
            case MONTH -> List.of(Integer.toString(month), Integer.toString(fromYear));
            case DATE -> List.of(PrintedDate.of(date));
        };
    }
}
