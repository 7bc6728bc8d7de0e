package vn.ttdn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ttdn.calendar.LunarCalendar.LunarDate;

/** The lunar calendar against dates Vietnam kept, including the years UTC+7 parts it from China's. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            "1968, 1968-01-29", // Tết Mậu Thân: the North had moved to UTC+7, China kept 30/1
            "1985, 1985-01-21", // a month before China's New Year (20/2)
            "1990, 1990-01-27", "1991, 1991-02-15", "1992, 1992-02-04", "1993, 1993-01-23",
            "1994, 1994-02-10", "1995, 1995-01-31", "1996, 1996-02-19", "1997, 1997-02-07",
            "1998, 1998-01-28", "1999, 1999-02-16", "2000, 2000-02-05", "2001, 2001-01-24",
            "2002, 2002-02-12", "2003, 2003-02-01", "2004, 2004-01-22", "2005, 2005-02-09",
            "2006, 2006-01-29",
            "2007, 2007-02-17", // China: 18/2
            "2008, 2008-02-07", "2009, 2009-01-26", "2010, 2010-02-14", "2011, 2011-02-03",
            "2012, 2012-01-23", "2013, 2013-02-10", "2014, 2014-01-31", "2015, 2015-02-19",
            "2016, 2016-02-08", "2017, 2017-01-28", "2018, 2018-02-16", "2019, 2019-02-05",
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22",
            "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
            "2028, 2028-01-26", "2029, 2029-02-13",
            "2030, 2030-02-02", // the new moon is at 23:07 in Hà Nội, 00:07 on 3/2 in Beijing
    })
    void tetFallsOnTheDayVietnamKeptIt(int year, LocalDate tet) {
        assertThat(LunarCalendar.tet(year)).isEqualTo(tet);
        assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} = {1}")
    @CsvSource({"2019, 2019-04-14", "2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10",
            "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate day) {
        assertThat(LunarCalendar.toSolar(year, 3, 10)).isEqualTo(day);
    }

    @Test
    void leapMonthsAreCountedWhereTheyFall() {
        // 2020: tháng 4 nhuận; 2023: tháng 2 nhuận; 2025: tháng 6 nhuận
        assertThat(LunarCalendar.toSolar(2020, 4, 1, true)).isEqualTo(LocalDate.of(2020, 5, 23));
        assertThat(LunarCalendar.toSolar(2023, 2, 1, true)).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(LunarCalendar.toSolar(2025, 6, 1, false)).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(LunarCalendar.toSolar(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 8, 22))).isEqualTo(new LunarDate(2025, 6, 29, true));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 8, 23))).isEqualTo(new LunarDate(2025, 7, 1, false));
        // the leap month pushes the Hùng Kings' day of 2023 to the end of April
        assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 4, 29))).isEqualTo(new LunarDate(2023, 3, 10, false));
    }

    @Test
    void theDaysBeforeTetBelongToThePreviousLunarYear() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(new LunarDate(2023, 12, 30, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(new LunarDate(2024, 12, 29, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 1, 1))).isEqualTo(new LunarDate(2024, 12, 2, false));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 12, 31))).isEqualTo(new LunarDate(2024, 12, 1, false));
        // Trung thu 2025 (15/8 lunar)
        assertThat(LunarCalendar.toSolar(2025, 8, 15)).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void everyDayFrom1901To2199GoesToTheLunarCalendarAndBack() {
        LunarDate previous = null;
        for (LocalDate day = LocalDate.of(1901, 1, 1); day.getYear() < 2200; day = day.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(day);
            assertThat(LunarCalendar.toSolar(lunar.year(), lunar.month(), lunar.day(), lunar.leap()))
                    .as("%s is %s", day, lunar).isEqualTo(day);
            if (previous != null && lunar.day() != 1) {
                assertThat(lunar).as("the day after %s", previous)
                        .isEqualTo(new LunarDate(previous.year(), previous.month(), previous.day() + 1, previous.leap()));
            }
            assertThat(lunar.day()).isBetween(1, 30);
            previous = lunar;
        }
    }

    @Test
    void daysAndLeapMonthsThatDoNotExistAreRefused() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(2024, 2, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(2025, 5, 1, true)).isInstanceOf(IllegalArgumentException.class);
        // tháng Chạp of Ất Tỵ (2025) has 29 days
        assertThatThrownBy(() -> LunarCalendar.toSolar(2025, 12, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(2025, 13, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
