package vn.ttdn.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the page "Lịch nghỉ lễ" shows of a year: twelve month grids (weeks from Monday, each day
 * with its lunar day and marked off or working), and the list of days off and extra working days.
 * Words are keys of the bundle; names of days are data.
 */
record YearPage(int year, boolean custom, String updatedBy, String updatedAt, List<Month> months, List<Line> lines,
                int workingDayCount, int dayOffCount) {

    static final String WORKING_DAY = "WORKING_DAY";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** A month: its weeks, Monday first; days of the neighbouring months are null. */
    record Month(int month, List<List<Cell>> weeks) {
    }

    /**
     * A day of the grid. {@code marks}: CSS classes (weekend, off, compensatory, working, today);
     * {@code lunar}: the lunar day, with its month on the first day of a lunar month or of the solar
     * month ("1/12"); {@code leapMonth}: that month is the leap month (tháng nhuận).
     */
    record Cell(LocalDate day, String lunar, boolean leapMonth, String marks, String title) {
    }

    /** A line of the list: a day off (kind one of {@link HolidayKind}) or an extra working day ({@link #WORKING_DAY}). */
    record Line(LocalDate day, String shown, DayOfWeek weekday, String name, String kind) {
    }

    static YearPage of(YearCalendar calendar, LocalDate today) {
        int year = calendar.year();
        List<Month> months = new ArrayList<>();
        int working = 0;
        for (int m = 1; m <= 12; m++) {
            months.add(month(calendar, YearMonth.of(year, m), today));
        }
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            working += calendar.isWorkingDay(day) ? 1 : 0;
        }
        List<Line> lines = new ArrayList<>();
        calendar.daysOff().forEach(h -> lines.add(line(h.day(), h.name(), h.kind().name())));
        calendar.workingDays().forEach(w -> lines.add(line(w.day(), w.name(), WORKING_DAY)));
        lines.sort(Comparator.comparing(Line::day));
        return new YearPage(year, calendar.edited().isPresent(),
                calendar.edited().map(YearCalendar.Edited::by).orElse(null),
                calendar.edited().map(e -> STAMP.format(e.at().atZoneSameInstant(VIETNAM))).orElse(null),
                months, lines, working, calendar.daysOff().size());
    }

    /** The days of a week as the grid shows them, Monday first. */
    public List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.values());
    }

    /** The kinds the form offers: the kinds of day off, then an extra working day. */
    static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (HolidayKind kind : HolidayKind.values()) {
            kinds.add(kind.name());
        }
        kinds.add(WORKING_DAY);
        return kinds;
    }

    private static Month month(YearCalendar calendar, YearMonth month, LocalDate today) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        int lead = month.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < lead; i++) {
            week.add(null);
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            week.add(cell(calendar, month.atDay(d), today));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return new Month(month.getMonthValue(), weeks);
    }

    private static Cell cell(YearCalendar calendar, LocalDate day, LocalDate today) {
        List<String> marks = new ArrayList<>();
        String title = null;
        if (DefaultHolidays.isWeekend(day)) {
            marks.add("weekend");
        }
        Holiday off = calendar.dayOff(day).orElse(null);
        ExtraWorkingDay working = calendar.workingDay(day).orElse(null);
        if (off != null) {
            marks.add(off.kind() == HolidayKind.PUBLIC_HOLIDAY ? "off" : "off compensatory");
            title = off.name();
        } else if (working != null) {
            marks.add("working");
            title = working.name();
        }
        if (day.equals(today)) {
            marks.add("today");
        }
        LunarCalendar.LunarDate lunar = LunarCalendar.toLunar(day);
        boolean withMonth = lunar.day() == 1 || day.getDayOfMonth() == 1;
        String lunarText = withMonth ? lunar.day() + "/" + lunar.month() : String.valueOf(lunar.day());
        return new Cell(day, lunarText, withMonth && lunar.leap(), String.join(" ", marks), title);
    }

    private static Line line(LocalDate day, String name, String kind) {
        return new Line(day, YearInputRules.SHOWN.format(day), day.getDayOfWeek(), name, kind);
    }
}
