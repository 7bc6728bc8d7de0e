package vn.ttdn.calendar;

import java.util.ArrayList;
import java.util.List;

/**
 * The days of a year as a caller sends them ({@code PUT /api/holidays/{year}}, the page's form).
 * Dates and kinds are text, so that each bad one is reported by its path instead of failing the
 * whole body. Missing lists are empty.
 */
record YearInput(List<DayOff> daysOff, List<WorkingDay> workingDays) {

    /** A day off: {@code day} as yyyy-MM-dd, {@code kind} one of {@link HolidayKind} (PUBLIC_HOLIDAY if left out). */
    record DayOff(String day, String name, String kind) {
    }

    /** A Saturday or Sunday made a working day. */
    record WorkingDay(String day, String name) {
    }

    YearInput {
        daysOff = daysOff == null ? List.of() : new ArrayList<>(daysOff);
        workingDays = workingDays == null ? List.of() : new ArrayList<>(workingDays);
    }

    /** A year's days as they are, to edit. */
    static YearInput of(YearCalendar year) {
        return new YearInput(
                year.daysOff().stream().map(h -> new DayOff(h.day().toString(), h.name(), h.kind().name())).toList(),
                year.workingDays().stream().map(w -> new WorkingDay(w.day().toString(), w.name())).toList());
    }

    YearInput plus(DayOff dayOff) {
        List<DayOff> more = new ArrayList<>(daysOff);
        more.add(dayOff);
        return new YearInput(more, workingDays);
    }

    YearInput plus(WorkingDay workingDay) {
        List<WorkingDay> more = new ArrayList<>(workingDays);
        more.add(workingDay);
        return new YearInput(daysOff, more);
    }
}
