package vn.ttdn.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * One year of the business calendar: its days off and extra working days, either the defaults
 * (nobody has set the year) or as an administrator stored them. Answers "is this a working day"
 * from a bit per day, so the hot path does no work beyond an array lookup.
 */
final class YearCalendar {

    /** The years the calendar can be set for (the lunar calendar is good for 1800–2199). */
    static final int FIRST_YEAR = 1901;
    static final int LAST_YEAR = 2199;

    /** Who stored the year last, and when. */
    record Edited(String by, OffsetDateTime at) {
    }

    private final int year;
    private final List<Holiday> daysOff;
    private final List<ExtraWorkingDay> workingDays;
    private final Edited edited;
    /** Bit (day of year - 1) set: not a working day. */
    private final BitSet off = new BitSet(366);

    private YearCalendar(int year, List<Holiday> daysOff, List<ExtraWorkingDay> workingDays, Edited edited) {
        this.year = year;
        this.daysOff = List.copyOf(daysOff);
        this.workingDays = List.copyOf(workingDays);
        this.edited = edited;
        LocalDate day = LocalDate.of(year, 1, 1);
        while (day.getYear() == year) {
            off.set(day.getDayOfYear() - 1, DefaultHolidays.isWeekend(day));
            day = day.plusDays(1);
        }
        daysOff.forEach(h -> off.set(indexOf(h.day())));
        workingDays.forEach(w -> off.clear(indexOf(w.day())));
    }

    static YearCalendar defaults(int year) {
        return new YearCalendar(year, DefaultHolidays.of(year), List.of(), null);
    }

    static YearCalendar stored(int year, List<Holiday> daysOff, List<ExtraWorkingDay> workingDays, Edited edited) {
        return new YearCalendar(year, daysOff, workingDays, edited);
    }

    static boolean isSettable(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    int year() {
        return year;
    }

    /** The days off besides Saturdays and Sundays (a holiday on a weekend day is listed too), by date. */
    List<Holiday> daysOff() {
        return daysOff;
    }

    List<ExtraWorkingDay> workingDays() {
        return workingDays;
    }

    /** Set by an administrator (stored), or empty for the defaults. */
    Optional<Edited> edited() {
        return Optional.ofNullable(edited);
    }

    boolean isWorkingDay(LocalDate day) {
        return !off.get(indexOf(day));
    }

    Optional<Holiday> dayOff(LocalDate day) {
        return daysOff.stream().filter(h -> h.day().equals(day)).findFirst();
    }

    Optional<ExtraWorkingDay> workingDay(LocalDate day) {
        return workingDays.stream().filter(w -> w.day().equals(day)).findFirst();
    }

    private int indexOf(LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
        return day.getDayOfYear() - 1;
    }
}
