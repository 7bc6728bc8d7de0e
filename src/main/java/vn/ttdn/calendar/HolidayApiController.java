package vn.ttdn.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

@RestController
@RequestMapping("/api/holidays")
@Tag(name = "Holidays", description = "The business calendar: days off and extra working days per year")
class HolidayApiController {

    private final YearCalendars years;
    private final CalendarEditor editor;
    private final ObjectMapper json;

    HolidayApiController(YearCalendars years, CalendarEditor editor, ObjectMapper json) {
        this.years = years;
        this.editor = editor;
        this.json = json;
    }

    @GetMapping("/{year}")
    @Operation(summary = "The year's days off and extra working days: as an administrator set them, or the defaults")
    YearView get(@PathVariable int year) {
        YearInputRules.checkYear(year);
        return YearView.of(years.of(year));
    }

    /** The body is read here, so that a body that is not JSON is refused like any other bad input. */
    @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Sets the year to exactly these days off and extra working days")
    YearView put(@PathVariable int year, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = YearInput.class))) @RequestBody(required = false) String body,
                 CurrentUser user) {
        return YearView.of(editor.replace(year, read(body), user));
    }

    @DeleteMapping("/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Forgets what was set for the year: the defaults of the Labor Code apply again")
    YearView delete(@PathVariable int year) {
        return YearView.of(editor.restoreDefaults(year));
    }

    private YearInput read(String body) {
        try {
            YearInput input = json.readValue(body == null ? "" : body, YearInput.class);
            if (input == null) {
                throw new JsonMappingException(null, "no body");
            }
            return input;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("Invalid calendar", List.of(InputProblem.of(pathOf(e), "calendar.body",
                    "the body must be JSON: {\"daysOff\": [{\"day\", \"name\", \"kind\"}], "
                            + "\"workingDays\": [{\"day\", \"name\"}]}")));
        }
    }

    /** Where in the body the JSON went wrong, as "daysOff[2].name" (empty when it is not JSON at all). */
    private static String pathOf(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getIndex() >= 0) {
                    path.append('[').append(step.getIndex()).append(']');
                } else if (step.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
                }
            }
        }
        return path.toString();
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
