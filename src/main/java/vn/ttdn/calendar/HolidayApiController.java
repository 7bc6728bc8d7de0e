package vn.ttdn.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;

@RestController
@RequestMapping("/api/holidays")
@Tag(name = "Holidays", description = "The business calendar: days off and extra working days per year")
class HolidayApiController {

    private final YearCalendars years;
    private final CalendarEditor editor;

    HolidayApiController(YearCalendars years, CalendarEditor editor) {
        this.years = years;
        this.editor = editor;
    }

    @GetMapping("/{year}")
    @Operation(summary = "The year's days off and extra working days: as an administrator set them, or the defaults")
    YearView get(@PathVariable int year) {
        YearInputRules.checkYear(year);
        return YearView.of(years.of(year));
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Sets the year to exactly these days off and extra working days")
    YearView put(@PathVariable int year, @RequestBody YearInput days, CurrentUser user) {
        return YearView.of(editor.replace(year, days, user));
    }

    @DeleteMapping("/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Forgets what was set for the year: the defaults of the Labor Code apply again")
    YearView delete(@PathVariable int year) {
        return YearView.of(editor.restoreDefaults(year));
    }

    /** A year as the API shows it; {@code custom} is false for the defaults (then no updatedBy, updatedAt). */
    record YearView(int year, boolean custom, String updatedBy, OffsetDateTime updatedAt, List<Holiday> daysOff,
                    List<ExtraWorkingDay> workingDays) {

        static YearView of(YearCalendar calendar) {
            return new YearView(calendar.year(), calendar.edited().isPresent(),
                    calendar.edited().map(YearCalendar.Edited::by).orElse(null),
                    calendar.edited().map(YearCalendar.Edited::at).orElse(null),
                    calendar.daysOff(), calendar.workingDays());
        }
    }
}
