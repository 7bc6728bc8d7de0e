package vn.ttdn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ttdn.calendar.HolidayKind.COMPENSATORY;
import static vn.ttdn.calendar.HolidayKind.PUBLIC_HOLIDAY;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Labor Code's days off (Art. 112) for years nobody has set, with their compensating days. */
class DefaultHolidaysTest {

    @Test
    void year2024TetFromThe30thAndTwoCompensatingDaysForItsWeekend() {
        assertThat(DefaultHolidays.of(2024)).containsExactly(
                off("2024-01-01", "Tết Dương lịch"),
                off("2024-02-09", "Tết Nguyên đán (30 tháng Chạp)"),
                off("2024-02-10", "Tết Nguyên đán (mùng 1)"), // Saturday
                off("2024-02-11", "Tết Nguyên đán (mùng 2)"), // Sunday
                off("2024-02-12", "Tết Nguyên đán (mùng 3)"),
                off("2024-02-13", "Tết Nguyên đán (mùng 4)"),
                compensation("2024-02-14", "Nghỉ bù Tết Nguyên đán (mùng 1)"),
                compensation("2024-02-15", "Nghỉ bù Tết Nguyên đán (mùng 2)"),
                off("2024-04-18", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                off("2024-04-30", "Ngày Chiến thắng (30/4)"),
                off("2024-05-01", "Ngày Quốc tế Lao động (1/5)"),
                off("2024-09-01", "Quốc khánh (1/9, ngày liền kề)"), // Sunday
                off("2024-09-02", "Quốc khánh (2/9)"),
                compensation("2024-09-03", "Nghỉ bù Quốc khánh (1/9, ngày liền kề)"));
    }

    @Test
    void year2025TetFromThe29thAndMung4OnASaturday() {
        assertThat(DefaultHolidays.of(2025)).containsExactly(
                off("2025-01-01", "Tết Dương lịch"),
                off("2025-01-28", "Tết Nguyên đán (29 tháng Chạp)"),
                off("2025-01-29", "Tết Nguyên đán (mùng 1)"),
                off("2025-01-30", "Tết Nguyên đán (mùng 2)"),
                off("2025-01-31", "Tết Nguyên đán (mùng 3)"),
                off("2025-02-01", "Tết Nguyên đán (mùng 4)"), // Saturday
                compensation("2025-02-03", "Nghỉ bù Tết Nguyên đán (mùng 4)"),
                off("2025-04-07", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                off("2025-04-30", "Ngày Chiến thắng (30/4)"),
                off("2025-05-01", "Ngày Quốc tế Lao động (1/5)"),
                off("2025-09-01", "Quốc khánh (1/9, ngày liền kề)"),
                off("2025-09-02", "Quốc khánh (2/9)"));
    }

    @Test
    void year2026HungKingsOnASundayIsMadeUpOnMonday() {
        assertThat(DefaultHolidays.of(2026)).containsExactly(
                off("2026-01-01", "Tết Dương lịch"),
                off("2026-02-16", "Tết Nguyên đán (29 tháng Chạp)"),
                off("2026-02-17", "Tết Nguyên đán (mùng 1)"),
                off("2026-02-18", "Tết Nguyên đán (mùng 2)"),
                off("2026-02-19", "Tết Nguyên đán (mùng 3)"),
                off("2026-02-20", "Tết Nguyên đán (mùng 4)"),
                off("2026-04-26", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"), // Sunday
                compensation("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
                off("2026-04-30", "Ngày Chiến thắng (30/4)"),
                off("2026-05-01", "Ngày Quốc tế Lao động (1/5)"),
                off("2026-09-01", "Quốc khánh (1/9, ngày liền kề)"),
                off("2026-09-02", "Quốc khánh (2/9)"));
    }

    @Test
    void compensatingDaysSkipOtherHolidaysAndEachOther() {
        // 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday, 1/5 Monday: made up on Tuesday 2/5 and Wednesday 3/5
        // (the days the Government gave that year); Quốc khánh Saturday 2/9 made up on Monday 4/9
        List<Holiday> year2023 = DefaultHolidays.of(2023);
        assertThat(compensations(year2023)).containsExactly(LocalDate.parse("2023-01-02"),
                LocalDate.parse("2023-01-26"), LocalDate.parse("2023-01-27"), LocalDate.parse("2023-05-02"),
                LocalDate.parse("2023-05-03"), LocalDate.parse("2023-09-04"));
        // 2022: Tết Dương lịch on a Saturday, made up on Monday 3/1
        assertThat(compensations(DefaultHolidays.of(2022))).startsWith(LocalDate.parse("2022-01-03"));
    }

    @Test
    void aHolidayOnAnotherHolidayIsMadeUpToo() {
        // 1947: Giỗ Tổ Hùng Vương fell on 30/4, a Wednesday
        List<Holiday> year1947 = DefaultHolidays.of(1947);
        assertThat(year1947).contains(
                off("1947-04-30", "Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)"),
                compensation("1947-05-02", "Nghỉ bù Ngày Chiến thắng (30/4)"));
    }

    @Test
    void everyYearHasElevenWeekdaysOffEachListedOnce() {
        for (int y = 1901; y <= 2199; y++) {
            int year = y;
            List<Holiday> days = DefaultHolidays.of(year);
            assertThat(days.stream().map(Holiday::day).filter(d -> !DefaultHolidays.isWeekend(d)))
                    .as("%d", year).hasSize(11).allMatch(d -> d.getYear() == year);
            assertThat(days.stream().filter(h -> h.kind() == COMPENSATORY).map(Holiday::day))
                    .as("%d", year).noneMatch(DefaultHolidays::isWeekend);
            assertThat(days.stream().map(Holiday::day).distinct()).as("%d", year).hasSize(days.size());
            assertThat(days).as("%d", year).allMatch(h -> h.name().length() <= 200); // the column's size
        }
    }

    private static List<LocalDate> compensations(List<Holiday> days) {
        return days.stream().filter(h -> h.kind() == COMPENSATORY).map(Holiday::day).toList();
    }

    private static Holiday off(String day, String name) {
        return new Holiday(LocalDate.parse(day), name, PUBLIC_HOLIDAY);
    }

    private static Holiday compensation(String day, String name) {
        return new Holiday(LocalDate.parse(day), name, COMPENSATORY);
    }
}
