package vn.ttdn.calendar;

/** Why a day is off. */
public enum HolidayKind {
    /** Nghỉ lễ, Tết: a day the Labor Code (Art. 112(1)) gives off. */
    PUBLIC_HOLIDAY,
    /** Nghỉ bù: the working day after a holiday that fell on a Saturday or Sunday (Art. 112(3)). */
    COMPENSATORY,
    /** Nghỉ hoán đổi: a working day given off in exchange for a Saturday or Sunday worked instead. */
    SWAPPED,
    /** Any other day off the Government or the province announces. */
    OTHER
}
