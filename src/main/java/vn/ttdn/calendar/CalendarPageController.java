package vn.ttdn.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.system.Wording;

/**
 * "Lịch nghỉ lễ": a year's calendar with its days off, for everyone signed in; administrators add
 * and remove days off and extra working days, or go back to the defaults. A refused change shows
 * its problems in Vietnamese and writes nothing.
 */
@Controller
@RequestMapping("/ngay-nghi")
class CalendarPageController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final YearCalendars years;
    private final CalendarEditor editor;
    private final ProblemMessages problemMessages;

    CalendarPageController(YearCalendars years, CalendarEditor editor, ProblemMessages problemMessages) {
        this.years = years;
        this.editor = editor;
        this.problemMessages = problemMessages;
    }

    /** This year, or the year asked for by the page's "go to year" form ({@code ?nam=2027}). */
    @GetMapping
    String thisYear(@RequestParam(name = "nam", required = false) Integer year, Model model) {
        return page(year == null ? LocalDate.now(VIETNAM).getYear() : year, model);
    }

    @GetMapping("/{year}")
    String year(@PathVariable int year, Model model) {
        return page(year, model);
    }

    /** Adds a day off ({@code kind} one of {@link HolidayKind}) or, with kind WORKING_DAY, an extra working day. */
    @PostMapping("/{year}/them")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@PathVariable int year, @RequestParam(required = false) String day,
               @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
               CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        requireShown(year);
        try {
            if (YearPage.WORKING_DAY.equals(kind)) {
                editor.add(year, new YearInput.WorkingDay(day, name), user);
                redirect.addFlashAttribute("done", Wording.of("calendar.done.addedWorkingDay", shown(day)));
            } else {
                editor.add(year, new YearInput.DayOff(day, name, kind), user);
                redirect.addFlashAttribute("done", Wording.of("calendar.done.addedDayOff", shown(day)));
            }
            return redirectTo(year);
        } catch (InvalidInputException e) {
            model.addAttribute("form", new AddForm(day, name, kind));
            return refused(year, e, locale, model);
        }
    }

    @PostMapping("/{year}/xoa")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable int year, @RequestParam(required = false) String day, CurrentUser user,
                  Locale locale, Model model, RedirectAttributes redirect) {
        requireShown(year);
        try {
            editor.remove(year, day, user);
            redirect.addFlashAttribute("done", Wording.of("calendar.done.removed", shown(day)));
            return redirectTo(year);
        } catch (InvalidInputException e) {
            return refused(year, e, locale, model);
        }
    }

    @PostMapping("/{year}/mac-dinh")
    @PreAuthorize("hasRole('ADMIN')")
    String restoreDefaults(@PathVariable int year, RedirectAttributes redirect) {
        requireShown(year);
        editor.restoreDefaults(year);
        redirect.addFlashAttribute("done", Wording.of("calendar.done.defaults", String.valueOf(year)));
        return redirectTo(year);
    }

    /** A year the calendar cannot show: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private String page(int year, Model model) {
        requireShown(year);
        model.addAttribute("page", YearPage.of(years.of(year), LocalDate.now(VIETNAM)));
        model.addAttribute("kinds", YearPage.kinds());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddForm(null, null, HolidayKind.PUBLIC_HOLIDAY.name()));
        }
        return "calendar/year";
    }

    private static void requireShown(int year) {
        if (!YearCalendar.isSettable(year)) {
            throw new NotFoundException("No calendar for " + year);
        }
    }

    private String refused(int year, InvalidInputException e, Locale locale, Model model) {
        model.addAttribute("problems", e.problems().stream().map(p -> problemMessages.describe(p, locale)).toList());
        return page(year, model);
    }

    private static String redirectTo(int year) {
        return "redirect:/ngay-nghi/" + year;
    }

    /** The date as the page says it (dd/MM/yyyy); the text as sent if it is not a date. */
    private static String shown(String day) {
        try {
            return YearInputRules.SHOWN.format(LocalDate.parse(day));
        } catch (RuntimeException e) {
            return String.valueOf(day);
        }
    }

    /** What the add form shows: empty, or what was sent when it was refused. */
    record AddForm(String day, String name, String kind) {
    }
}
