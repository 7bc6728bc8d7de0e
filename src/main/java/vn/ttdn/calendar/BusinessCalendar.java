package vn.ttdn.calendar;

import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** PLACEHOLDER until the calendar branch is merged (weekends only). */
@Component
public class BusinessCalendar {
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate d = start;
        int n = 0;
        while (n < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }
}
