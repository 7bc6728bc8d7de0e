package vn.ttdn.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

/**
 * Administrators set a year's days: all at once (the API), one day at a time (the page; the first
 * edit of a year starts from its defaults and stores them with the change), or back to the
 * defaults. Nothing is written unless every day is valid; the cached year is forgotten once the
 * change is committed.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
class CalendarEditor {

    private final CalendarStore store;
    private final YearCalendars years;

    CalendarEditor(CalendarStore store, YearCalendars years) {
        this.store = store;
        this.years = years;
    }

    /** Sets the year to exactly these days. */
    @Transactional
    public YearCalendar replace(int year, YearInput input, CurrentUser user) {
        YearInputRules.Days days = YearInputRules.check(year, input);
        store.lock(year, user.username());
        return save(year, days, user);
    }

    /** Adds a day off to the year as it is now (its defaults if nobody has set it yet). */
    @Transactional
    public YearCalendar add(int year, YearInput.DayOff dayOff, CurrentUser user) {
        return save(year, YearInputRules.check(year, current(year, user).plus(dayOff)), user);
    }

    /** Adds a Saturday or Sunday made a working day to the year as it is now. */
    @Transactional
    public YearCalendar add(int year, YearInput.WorkingDay workingDay, CurrentUser user) {
        return save(year, YearInputRules.check(year, current(year, user).plus(workingDay)), user);
    }

    /** Takes a day off or an extra working day out of the year as it is now. */
    @Transactional
    public YearCalendar remove(int year, String dayText, CurrentUser user) {
        YearInputRules.checkYear(year);
        LocalDate day = parse(dayText);
        YearInput now = current(year, user);
        YearInput rest = new YearInput(
                now.daysOff().stream().filter(d -> !d.day().equals(day.toString())).toList(),
                now.workingDays().stream().filter(w -> !w.day().equals(day.toString())).toList());
        if (rest.daysOff().size() + rest.workingDays().size() == now.daysOff().size() + now.workingDays().size()) {
            throw new InvalidInputException("Day not listed", List.of(InputProblem.of("day", "calendar.day.notListed",
                    day + " is neither a day off nor an extra working day of " + year,
                    YearInputRules.SHOWN.format(day))));
        }
        return save(year, YearInputRules.check(year, rest), user);
    }

    /** Forgets what was set for the year: its defaults apply again. */
    @Transactional
    public YearCalendar restoreDefaults(int year) {
        YearInputRules.checkYear(year);
        store.delete(year);
        forgetAfterCommit(year);
        return YearCalendar.defaults(year);
    }

    /** The year's days as they are now, the year locked for this transaction. */
    private YearCalendar currentYear(int year, CurrentUser user) {
        YearInputRules.checkYear(year);
        boolean wasSet = store.lock(year, user.username());
        return wasSet ? store.find(year).orElseThrow() : YearCalendar.defaults(year);
    }

    private YearInput current(int year, CurrentUser user) {
        return YearInput.of(currentYear(year, user));
    }

    private YearCalendar save(int year, YearInputRules.Days days, CurrentUser user) {
        store.replace(year, days.daysOff(), days.workingDays(), user.username());
        forgetAfterCommit(year);
        return store.find(year).orElseThrow();
    }

    private void forgetAfterCommit(int year) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                years.forget(year);
            }
        });
    }

    private static LocalDate parse(String text) {
        String day = text == null ? "" : text.trim();
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Invalid date", List.of(InputProblem.of("day", "calendar.day.invalid",
                    "\"" + day + "\" is not a date (yyyy-MM-dd)", day)));
        }
    }
}
