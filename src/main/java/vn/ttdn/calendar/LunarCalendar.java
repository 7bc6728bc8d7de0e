package vn.ttdn.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's well-known algorithm
 * ("Thuật toán tính âm lịch"): months begin on the day of the new moon, month 11 holds the winter
 * solstice, and in a year of 13 months the leap month is the first one without a major solar term.
 * Days are counted in the time zone UTC+7, which is why Tết can differ from the Chinese New Year
 * (1985, 2007). Good for the years 1800–2199.
 */
final class LunarCalendar {

    /** Hours east of UTC: Vietnam has kept UTC+7 since 1968 in the North, 1975 in the whole country. */
    static final double TIME_ZONE = 7.0;

    /** Julian day of the new moon of 1 January 1900, the origin of the lunation count k. */
    private static final double EPOCH_NEW_MOON = 2415021.076998695;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double DEG = Math.PI / 180;

    private LunarCalendar() {
    }

    /** A day of the lunar calendar: year (of its Tết), month 1–12, day 1–30, and whether the month is the leap one. */
    record LunarDate(int year, int month, int day, boolean leap) {
    }

    /**
     * The solar date of a lunar day. Asking for a leap month that the year does not have, or for day
     * 30 of a 29-day month, is an error.
     */
    static LocalDate toSolar(int lunarYear, int lunarMonth, int lunarDay, boolean leap) {
        if (lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) {
            throw new IllegalArgumentException("No lunar day " + lunarDay + "/" + lunarMonth);
        }
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
        int offset = lunarMonth - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            int leapMonth = Math.floorMod(leapOffset - 2, 12);
            if (leap && lunarMonth != leapMonth) {
                throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month " + lunarMonth);
            }
            if (leap || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leap) {
            throw new IllegalArgumentException("Lunar year " + lunarYear + " has no leap month");
        }
        long monthStart = newMoonDay(k + offset);
        LunarDate check = toLunar(fromJulianDay(monthStart + lunarDay - 1));
        if (check.day() != lunarDay) {
            throw new IllegalArgumentException("Lunar month " + lunarMonth + "/" + lunarYear + " has no day " + lunarDay);
        }
        return fromJulianDay(monthStart + lunarDay - 1);
    }

    static LocalDate toSolar(int lunarYear, int lunarMonth, int lunarDay) {
        return toSolar(lunarYear, lunarMonth, lunarDay, false);
    }

    /** Tết Nguyên đán: the first day of the lunar year that begins in the given solar year. */
    static LocalDate tet(int year) {
        return toSolar(year, 1, 1);
    }

    /** The lunar day of a solar date. */
    static LunarDate toLunar(LocalDate date) {
        long dayNumber = julianDay(date);
        // k counts mean lunations; the true new moon can be up to about 14 hours from the mean one,
        // so the month may start a lunation earlier than the estimate (for example 7 May 2054).
        long k = (long) Math.floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH) + 1;
        long monthStart = newMoonDay(k);
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k);
        }
        int solarYear = date.getYear();
        long a11 = lunarMonth11(solarYear);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = solarYear;
            a11 = lunarMonth11(solarYear - 1);
        } else {
            lunarYear = solarYear + 1;
            b11 = lunarMonth11(solarYear + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, leap);
    }

    /** The day (Julian day number, local time) of the k-th new moon after 1 January 1900. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    }

    /** The k-th new moon after 1 January 1900, as a Julian date (UT); Meeus, "Astronomical Algorithms". */
    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m)
                - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr)
                - 0.0004 * Math.sin(DEG * 3 * mpr)
                + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr))
                - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m))
                - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr))
                + 0.0010 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /** The sun's longitude at a Julian date (UT), in radians within [0, 2π). */
    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m)
                + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.000290 * Math.sin(DEG * 3 * m);
        double l = (l0 + dl) * DEG;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    /** Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of a local day. */
    private static int solarTerm(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
    }

    /** The first day of lunar month 11 (the month of the winter solstice) that falls in the solar year. */
    private static long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (solarTerm(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Months after month 11 (starting at a11) to the leap month: the first with no major solar term. */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = solarTerm(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = solarTerm(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    private static long julianDay(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY);
    }

    private static LocalDate fromJulianDay(long day) {
        return LocalDate.EPOCH.with(JulianFields.JULIAN_DAY, day);
    }
}
