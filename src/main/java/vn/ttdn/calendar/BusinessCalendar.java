package vn.ttdn.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Working days for deadlines: every day but Saturdays, Sundays and the days off of the year
 * (public holidays, compensating and swapped days), plus the Saturdays and Sundays the Government
 * makes working days. A year an administrator has set is used as stored; any other year has the
 * Labor Code's defaults ({@link DefaultHolidays}). Years are cached, so these calls are cheap.
 */
@Service
public class BusinessCalendar {

    private final YearCalendars years;

    BusinessCalendar(YearCalendars years) {
        this.years = years;
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return years.of(day.getYear()).isWorkingDay(day);
    }

    /**
     * The day that is {@code days} working days after {@code start}, start itself not counted: one
     * working day after a Friday is the next Monday (if that is a working day). With 0, start if it is
     * a working day, otherwise the next working day.
     */
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more, not " + days);
        }
        YearCalendar year = years.of(start.getYear());
        LocalDate day = start;
        if (days == 0) {
            while (!year.isWorkingDay(day)) {
                day = day.plusDays(1);
                year = yearOf(day, year);
            }
            return day;
        }
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            year = yearOf(day, year);
            if (year.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The day that is {@code days} working days before {@code end}, end itself not counted: one
     * working day before a Monday is the Friday before (if that is a working day).
     */
    public LocalDate minusWorkingDays(LocalDate end, int days) {
        Objects.requireNonNull(end, "end");
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more, not " + days);
        }
        YearCalendar year = years.of(end.getYear());
        LocalDate day = end;
        int counted = 0;
        while (counted < days) {
            day = day.minusDays(1);
            year = yearOf(day, year);
            if (year.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days after {@code fromExclusive} up to and including {@code toInclusive}:
     * from a Friday to the next Monday is 1. Negative when {@code toInclusive} is before
     * {@code fromExclusive} (the working days from {@code toInclusive}, exclusive, to
     * {@code fromExclusive}, inclusive, counted as negative), so an overdue deadline reads as less than 0.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        YearCalendar year = years.of(fromExclusive.getYear());
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            year = yearOf(day, year);
            if (year.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The days off of a year besides the weekly Saturdays and Sundays, by date: as an administrator
     * set them, or the defaults. A holiday that falls on a weekend day is listed, with its
     * compensating day.
     */
    public List<Holiday> holidays(int year) {
        return years.of(year).daysOff();
    }

    private YearCalendar yearOf(LocalDate day, YearCalendar current) {
        return day.getYear() == current.year() ? current : years.of(day.getYear());
    }
}
