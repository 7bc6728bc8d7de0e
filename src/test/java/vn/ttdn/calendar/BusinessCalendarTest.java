package vn.ttdn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic over weekends, Tết and year ends, on the default years and on a stored one. */
class BusinessCalendarTest {

    private final Map<Integer, YearCalendar> stored = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final YearCalendars years = new YearCalendars(year -> {
        loads.incrementAndGet();
        return Optional.ofNullable(stored.get(year));
    });
    private final BusinessCalendar calendar = new BusinessCalendar(years);

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(day("2025-01-27"))).isTrue(); // Monday before Tết
        assertThat(calendar.isWorkingDay(day("2025-01-28"))).isFalse(); // 29 tháng Chạp
        assertThat(calendar.isWorkingDay(day("2025-02-01"))).isFalse(); // Saturday, mùng 4
        assertThat(calendar.isWorkingDay(day("2025-02-03"))).isFalse(); // its compensating Monday
        assertThat(calendar.isWorkingDay(day("2025-02-04"))).isTrue();
        assertThat(calendar.isWorkingDay(day("2026-04-27"))).isFalse(); // nghỉ bù Giỗ Tổ
        assertThat(calendar.isWorkingDay(day("2026-04-28"))).isTrue();
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeTetLandAfterTheHolidays() {
        // 2025: Mon 27/1 is day 1; 28/1–1/2 Tết, 2/2 Sunday, 3/2 nghỉ bù; then 4/2 … 7/2
        assertThat(calendar.plusWorkingDays(day("2025-01-24"), 5)).isEqualTo(day("2025-02-07"));
        // 2026: Tết 16/2–20/2 is a whole week: Mon 23/2 is day 1
        assertThat(calendar.plusWorkingDays(day("2026-02-13"), 5)).isEqualTo(day("2026-02-27"));
        // 2024: 5–8/2 are days 1–4; 9/2–13/2 Tết, 14/2 and 15/2 made up for its weekend; Fri 16/2 is day 5
        assertThat(calendar.plusWorkingDays(day("2024-02-02"), 5)).isEqualTo(day("2024-02-16"));
    }

    @Test
    void theStartIsNotCountedAndZeroDaysFindsTheNextWorkingDay() {
        assertThat(calendar.plusWorkingDays(day("2025-03-07"), 1)).isEqualTo(day("2025-03-10")); // Fri → Mon
        assertThat(calendar.plusWorkingDays(day("2025-03-08"), 1)).isEqualTo(day("2025-03-10")); // Sat → Mon
        assertThat(calendar.plusWorkingDays(day("2025-03-10"), 0)).isEqualTo(day("2025-03-10"));
        assertThat(calendar.plusWorkingDays(day("2025-03-08"), 0)).isEqualTo(day("2025-03-10"));
        assertThat(calendar.plusWorkingDays(day("2025-01-28"), 0)).isEqualTo(day("2025-02-04"));
    }

    @Test
    void countingCrossesTheYearEnd() {
        // Wed 31/12/2025, 1/1/2026 off, Fri 2/1 is day 1, Mon 5/1 day 2
        assertThat(calendar.plusWorkingDays(day("2025-12-31"), 2)).isEqualTo(day("2026-01-05"));
        assertThat(calendar.workingDaysBetween(day("2025-12-30"), day("2026-01-05"))).isEqualTo(3);
    }

    @Test
    void workingDaysBetweenCountsAfterTheFirstDayUpToTheLast() {
        assertThat(calendar.workingDaysBetween(day("2025-03-07"), day("2025-03-10"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(day("2025-03-10"), day("2025-03-10"))).isZero();
        assertThat(calendar.workingDaysBetween(day("2025-01-24"), day("2025-02-07"))).isEqualTo(5);
        // overdue: counted back, negative
        assertThat(calendar.workingDaysBetween(day("2025-02-07"), day("2025-01-24"))).isEqualTo(-5);
        // 2025 has 365 - 104 weekend days - 11 holidays on weekdays (the 12th, mùng 4, is a Saturday, made up on 3/2)
        assertThat(calendar.workingDaysBetween(day("2024-12-31"), day("2025-12-31"))).isEqualTo(365 - 104 - 11);
    }

    @Test
    void plusWorkingDaysAndWorkingDaysBetweenAgree() {
        for (LocalDate start = day("2024-01-01"); start.isBefore(day("2027-01-01")); start = start.plusDays(1)) {
            for (int n = 1; n <= 30; n++) {
                LocalDate end = calendar.plusWorkingDays(start, n);
                assertThat(calendar.isWorkingDay(end)).isTrue();
                assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d = %s", start, n, end).isEqualTo(n);
                assertThat(calendar.workingDaysBetween(start, end.minusDays(1))).isEqualTo(n - 1);
            }
        }
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(day("2025-01-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredYearReplacesTheDefaultsEntirely() {
        // 2025 as the Government set it: Tết 25/1 (Sat) – 2/2 (Sun), 27/1 swapped for Saturday 8/2
        stored.put(2025, YearCalendar.stored(2025, List.of(
                        new Holiday(day("2025-01-01"), "Tết Dương lịch", HolidayKind.PUBLIC_HOLIDAY),
                        new Holiday(day("2025-01-27"), "Nghỉ hoán đổi", HolidayKind.SWAPPED),
                        new Holiday(day("2025-01-28"), "Tết Nguyên đán", HolidayKind.PUBLIC_HOLIDAY),
                        new Holiday(day("2025-01-29"), "Tết Nguyên đán", HolidayKind.PUBLIC_HOLIDAY),
                        new Holiday(day("2025-01-30"), "Tết Nguyên đán", HolidayKind.PUBLIC_HOLIDAY),
                        new Holiday(day("2025-01-31"), "Tết Nguyên đán", HolidayKind.PUBLIC_HOLIDAY)),
                List.of(new ExtraWorkingDay(day("2025-02-08"), "Làm bù cho ngày 27/01/2025")), null));

        assertThat(calendar.isWorkingDay(day("2025-02-03"))).isTrue(); // no default compensation
        assertThat(calendar.isWorkingDay(day("2025-02-08"))).isTrue(); // a Saturday worked
        assertThat(calendar.isWorkingDay(day("2025-04-07"))).isTrue(); // only what is stored is off
        assertThat(calendar.plusWorkingDays(day("2025-01-24"), 1)).isEqualTo(day("2025-02-03"));
        assertThat(calendar.holidays(2025)).hasSize(6);
        assertThat(calendar.holidays(2026)).hasSize(12); // other years keep their defaults
    }

    @Test
    void aYearIsLoadedOnceUntilItIsForgotten() {
        for (int i = 0; i < 100; i++) {
            calendar.isWorkingDay(day("2025-06-0" + (1 + i % 9)));
        }
        calendar.workingDaysBetween(day("2025-01-01"), day("2025-12-31"));
        assertThat(loads).hasValue(1);

        stored.put(2025, YearCalendar.stored(2025, List.of(), List.of(), null));
        assertThat(calendar.isWorkingDay(day("2025-01-01"))).isFalse(); // still the cached defaults
        years.forget(2025);
        assertThat(calendar.isWorkingDay(day("2025-01-01"))).isTrue();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aYearEditedWhileItLoadsIsLoadedAgain() {
        AtomicInteger reads = new AtomicInteger();
        YearCalendars[] cache = new YearCalendars[1];
        cache[0] = new YearCalendars(year -> {
            if (reads.incrementAndGet() == 1) {
                cache[0].forget(year); // an edit commits while the first read is under way
            }
            return Optional.empty();
        });

        cache[0].of(2025);
        cache[0].of(2025);
        cache[0].of(2025);

        assertThat(reads).hasValue(2);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
