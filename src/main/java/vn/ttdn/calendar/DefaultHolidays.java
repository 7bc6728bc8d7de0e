package vn.ttdn.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days off of a year as the Labor Code 2019 (Art. 112) gives them, before the Government's
 * yearly announcement: Tết Dương lịch 1/1; Tết Nguyên đán five days, the last day of the lunar
 * year and mùng 1 to mùng 4; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; Quốc khánh 2/9 and one
 * adjacent day, 1/9. Each of these that falls on a Saturday or Sunday gives a compensating day off
 * (nghỉ bù, Art. 112(3)) on the next day that is neither a weekend day nor already off, in date order;
 * so does one that falls on another holiday. Every default year thus has eleven weekdays off.
 */
final class DefaultHolidays {

    static final String TET = "Tết Nguyên đán";

    private DefaultHolidays() {
    }

    static List<Holiday> of(int year) {
        List<Holiday> statutory = new ArrayList<>();
        statutory.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch"));
        LocalDate tet = LunarCalendar.tet(year);
        LocalDate lastDayOfLunarYear = tet.minusDays(1);
        int lastDay = LunarCalendar.toLunar(lastDayOfLunarYear).day();
        statutory.add(holiday(lastDayOfLunarYear, TET + " (" + lastDay + " tháng Chạp)"));
        for (int day = 1; day <= 4; day++) {
            statutory.add(holiday(tet.plusDays(day - 1), TET + " (mùng " + day + ")"));
        }
        statutory.add(holiday(LunarCalendar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        statutory.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)"));
        statutory.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"));
        statutory.add(holiday(LocalDate.of(year, 9, 1), "Quốc khánh (1/9, ngày liền kề)"));
        statutory.add(holiday(LocalDate.of(year, 9, 2), "Quốc khánh (2/9)"));
        statutory.sort(Comparator.comparing(Holiday::day));
        return withCompensations(statutory);
    }

    /**
     * The holidays, one entry per day, and a compensating day for each holiday on a Saturday or
     * Sunday, or on the same day as another holiday (Giỗ Tổ fell on 30/4 in 1947): the worker keeps
     * as many days off as the law counts.
     */
    static List<Holiday> withCompensations(List<Holiday> statutory) {
        Map<LocalDate, List<Holiday>> byDay = new TreeMap<>();
        statutory.forEach(h -> byDay.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h));
        Set<LocalDate> off = new HashSet<>(byDay.keySet());
        List<Holiday> all = new ArrayList<>();
        List<Holiday> toMakeUp = new ArrayList<>();
        byDay.forEach((day, holidays) -> {
            all.add(new Holiday(day, String.join("; ", holidays.stream().map(Holiday::name).toList()),
                    HolidayKind.PUBLIC_HOLIDAY));
            toMakeUp.addAll(isWeekend(day) ? holidays : holidays.subList(1, holidays.size()));
        });
        for (Holiday holiday : toMakeUp) {
            LocalDate day = holiday.day().plusDays(1);
            while (isWeekend(day) || off.contains(day)) {
                day = day.plusDays(1);
            }
            off.add(day);
            all.add(new Holiday(day, "Nghỉ bù " + holiday.name(), HolidayKind.COMPENSATORY));
        }
        all.sort(Comparator.comparing(Holiday::day));
        return List.copyOf(all);
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    private static Holiday holiday(LocalDate day, String name) {
        return new Holiday(day, name, HolidayKind.PUBLIC_HOLIDAY);
    }
}
