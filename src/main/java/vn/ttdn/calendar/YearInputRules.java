package vn.ttdn.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

/**
 * What a year's days must satisfy before anything is stored: real dates of that year, each listed
 * once, a name of at most {@value #NAME_MAX} characters, a known kind, extra working days on a
 * Saturday or Sunday, and no day both off and working. Every problem is reported, by its path.
 */
final class YearInputRules {

    static final int NAME_MAX = 200;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The checked days, by date. */
    record Days(List<Holiday> daysOff, List<ExtraWorkingDay> workingDays) {
    }

    private YearInputRules() {
    }

    static void checkYear(int year) {
        if (!YearCalendar.isSettable(year)) {
            throw new InvalidInputException("Invalid calendar year", List.of(InputProblem.of("year", "calendar.year",
                    "the year must be between " + YearCalendar.FIRST_YEAR + " and " + YearCalendar.LAST_YEAR,
                    year, YearCalendar.FIRST_YEAR, YearCalendar.LAST_YEAR)));
        }
    }

    static Days check(int year, YearInput input) {
        checkYear(year);
        List<InputProblem> problems = new ArrayList<>();
        Map<LocalDate, String> seen = new HashMap<>();
        List<Holiday> daysOff = new ArrayList<>();
        for (int i = 0; i < input.daysOff().size(); i++) {
            String path = "daysOff[" + i + "]";
            YearInput.DayOff entry = input.daysOff().get(i);
            if (entry == null) {
                problems.add(InputProblem.of(path, "calendar.entry.missing", "an empty entry"));
                continue;
            }
            LocalDate day = day(year, entry.day(), path + ".day", seen, problems);
            String name = name(entry.name(), path + ".name", problems);
            HolidayKind kind = kind(entry.kind(), path + ".kind", problems);
            if (day != null && name != null && kind != null) {
                daysOff.add(new Holiday(day, name, kind));
            }
        }
        List<ExtraWorkingDay> workingDays = new ArrayList<>();
        for (int i = 0; i < input.workingDays().size(); i++) {
            String path = "workingDays[" + i + "]";
            YearInput.WorkingDay entry = input.workingDays().get(i);
            if (entry == null) {
                problems.add(InputProblem.of(path, "calendar.entry.missing", "an empty entry"));
                continue;
            }
            LocalDate day = day(year, entry.day(), path + ".day", seen, problems);
            if (day != null && !DefaultHolidays.isWeekend(day)) {
                problems.add(InputProblem.of(path + ".day", "calendar.workingDay.weekday",
                        day + " is a weekday, a working day already; extra working days are Saturdays or Sundays",
                        SHOWN.format(day)));
                day = null;
            }
            String name = name(entry.name(), path + ".name", problems);
            if (day != null && name != null) {
                workingDays.add(new ExtraWorkingDay(day, name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid calendar", problems);
        }
        daysOff.sort(Comparator.comparing(Holiday::day));
        workingDays.sort(Comparator.comparing(ExtraWorkingDay::day));
        return new Days(daysOff, workingDays);
    }

    /** The date of an entry, or null after adding its problem. A date listed before is a duplicate, or "both". */
    private static LocalDate day(int year, String text, String path, Map<LocalDate, String> seen,
                                 List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(InputProblem.of(path, "calendar.day.missing", "a date is required"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(path, "calendar.day.invalid",
                    "\"" + text + "\" is not a date (yyyy-MM-dd)", text));
            return null;
        }
        if (day.getYear() != year) {
            problems.add(InputProblem.of(path, "calendar.day.otherYear", day + " is not in " + year,
                    SHOWN.format(day), year));
            return null;
        }
        String earlier = seen.putIfAbsent(day, path);
        if (earlier != null) {
            boolean both = earlier.startsWith("daysOff") != path.startsWith("daysOff");
            problems.add(both
                    ? InputProblem.of(path, "calendar.day.both",
                            day + " cannot be both a day off and a working day (see " + earlier + ")", SHOWN.format(day))
                    : InputProblem.of(path, "calendar.day.duplicate",
                            day + " is listed twice (see " + earlier + ")", SHOWN.format(day)));
            return null;
        }
        return day;
    }

    private static String name(String text, String path, List<InputProblem> problems) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            problems.add(InputProblem.of(path, "calendar.name.missing", "a name is required"));
            return null;
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            problems.add(InputProblem.of(path, "calendar.name.tooLong",
                    "a name may have at most " + NAME_MAX + " characters", NAME_MAX));
            return null;
        }
        return name;
    }

    private static HolidayKind kind(String text, String path, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return HolidayKind.PUBLIC_HOLIDAY;
        }
        try {
            return HolidayKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of(path, "calendar.kind.invalid",
                    "\"" + text + "\" is not one of PUBLIC_HOLIDAY, COMPENSATORY, SWAPPED, OTHER", text));
            return null;
        }
    }
}
