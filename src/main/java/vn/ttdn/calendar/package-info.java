/**
 * The business calendar: which days are working days (Saturdays, Sundays and Vietnamese public
 * holidays off), so that deadlines count working days. Holidays are data per year: an
 * administrator sets a year as the Government announces it; a year nobody has set uses the
 * defaults of the Labor Code 2019, Art. 112, with Tết and the Hùng Kings' day from the lunar
 * calendar (docs/adr/0003-business-calendar.md). {@link vn.ttdn.calendar.BusinessCalendar} is the door.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar")
package vn.ttdn.calendar;
