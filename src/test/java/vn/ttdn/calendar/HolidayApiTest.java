package vn.ttdn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** GET, PUT and DELETE /api/holidays/{year}: who may, what is checked, and that deadlines follow. */
@WebTest
class HolidayApiTest {

    /** The year these tests set; every test leaves it at its defaults. */
    static final int YEAR = 2027;

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    Db db;
    @Autowired
    ObjectMapper json;
    @Autowired
    BusinessCalendar calendar;

    @AfterEach
    void backToDefaults() throws Exception {
        send(delete("/api/holidays/" + YEAR), "admin");
    }

    @Test
    void everyoneSignedInReadsAYearsDefaults() throws Exception {
        JsonNode year = api.get("/api/holidays/2025", "cv.stttt.qng");

        assertThat(year.path("custom").asBoolean()).isFalse();
        assertThat(year.path("updatedBy").isNull()).isTrue();
        assertThat(year.path("daysOff")).hasSize(12);
        assertThat(year.path("daysOff").get(2).toString())
                .isEqualTo("{\"day\":\"2025-01-29\",\"name\":\"Tết Nguyên đán (mùng 1)\",\"kind\":\"PUBLIC_HOLIDAY\"}");
        assertThat(year.path("workingDays")).isEmpty();
        assertThat(mvc.perform(get("/api/holidays/2025")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void anAdminSetsAYearAndDeadlinesFollowIt() throws Exception {
        // defaults of 2027: Tết 5/2 (Fri) – 9/2, its Saturday and Sunday made up on 10/2 and 11/2
        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 2, 4), 1)).isEqualTo(LocalDate.of(YEAR, 2, 12));

        MockHttpServletResponse response = send(put("/api/holidays/" + YEAR).contentType(MediaType.APPLICATION_JSON)
                .content(governmentsTet()), "admin");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode year = json.readTree(response.getContentAsByteArray());
        assertThat(year.path("custom").asBoolean()).isTrue();
        assertThat(year.path("updatedBy").asText()).isEqualTo("admin");
        assertThat(year.path("daysOff")).hasSize(6);
        assertThat(year.path("workingDays").get(0).path("day").asText()).isEqualTo("2027-02-20");
        // now 10/2 is a swapped day off, 11/2 a working day, and Saturday 20/2 is worked
        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 2, 4), 1)).isEqualTo(LocalDate.of(YEAR, 2, 11));
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 2, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 4, 16))).isTrue(); // Giỗ Tổ not stored: worked
        assertThat(calendar.holidays(YEAR)).extracting(Holiday::kind).contains(HolidayKind.SWAPPED);
        assertThat(rowsOf(YEAR)).isEqualTo(Map.of("calendar_year", 1, "calendar_day_off", 6, "calendar_working_day", 1));
        assertThat(api.get("/api/holidays/" + YEAR, "gd.stttt.qng").path("custom").asBoolean()).isTrue();
    }

    @Test
    void deletingAYearGoesBackToTheDefaults() throws Exception {
        send(put("/api/holidays/" + YEAR).contentType(MediaType.APPLICATION_JSON).content(governmentsTet()), "admin");

        MockHttpServletResponse response = send(delete("/api/holidays/" + YEAR), "admin");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json.readTree(response.getContentAsByteArray()).path("custom").asBoolean()).isFalse();
        assertThat(rowsOf(YEAR)).isEqualTo(Map.of("calendar_year", 0, "calendar_day_off", 0, "calendar_working_day", 0));
        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 2, 4), 1)).isEqualTo(LocalDate.of(YEAR, 2, 12));
        assertThat(calendar.holidays(YEAR)).isEqualTo(DefaultHolidays.of(YEAR));
    }

    @Test
    void onlyAdminsChangeAYearAndARefusalChangesNothing() throws Exception {
        Map<String, Integer> before = rowsOf(YEAR);
        List<Holiday> holidays = calendar.holidays(YEAR);

        for (String user : List.of("cv.stttt.qng", "gd.stttt.qng", "giamsat", "kiemtoan")) {
            MockHttpServletResponse put = send(put("/api/holidays/" + YEAR).contentType(MediaType.APPLICATION_JSON)
                    .content(governmentsTet()), user);
            assertThat(put.getStatus()).as(user).isEqualTo(403);
            assertThat(send(delete("/api/holidays/" + YEAR), user).getStatus()).as(user).isEqualTo(403);
        }

        assertThat(rowsOf(YEAR)).isEqualTo(before).containsEntry("calendar_year", 0);
        assertThat(calendar.holidays(YEAR)).isEqualTo(holidays);
    }

    @Test
    void badInputIsRefusedWithEveryProblemByItsFieldAndChangesNothing() throws Exception {
        send(put("/api/holidays/" + YEAR).contentType(MediaType.APPLICATION_JSON).content(governmentsTet()), "admin");
        Map<String, Integer> before = rowsOf(YEAR);
        List<Holiday> holidays = calendar.holidays(YEAR);
        String bad = """
                {"daysOff": [
                   {"day": "2026-12-31", "name": "Năm khác"},
                   {"day": "2027-02-30", "name": "Không có ngày này"},
                   {"day": "2027-03-01", "name": "  "},
                   {"day": "2027-03-02", "name": "%s"},
                   {"day": "2027-03-03", "name": "Loại lạ", "kind": "HOLIDAY"},
                   {"day": "2027-03-04", "name": "Lần một"},
                   {"day": "2027-03-04", "name": "Lần hai"},
                   {"day": "2027-03-06", "name": "Thứ Bảy nghỉ"},
                   {"name": "Không ngày"}],
                 "workingDays": [
                   {"day": "2027-03-10", "name": "Thứ Tư"},
                   {"day": "2027-03-06", "name": "Vừa nghỉ vừa làm"}]}
                """.formatted("x".repeat(201));

        MockHttpServletResponse response = send(put("/api/holidays/" + YEAR)
                .contentType(MediaType.APPLICATION_JSON).content(bad), "admin");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(e -> errors.add(e.path("path").asText() + " " + e.path("code").asText()));
        assertThat(errors).containsExactly(
                "daysOff[0].day calendar.day.otherYear",
                "daysOff[1].day calendar.day.invalid",
                "daysOff[2].name calendar.name.missing",
                "daysOff[3].name calendar.name.tooLong",
                "daysOff[4].kind calendar.kind.invalid",
                "daysOff[6].day calendar.day.duplicate",
                "daysOff[8].day calendar.day.missing",
                "workingDays[0].day calendar.workingDay.weekday",
                "workingDays[1].day calendar.day.both");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("2026-12-31 is not in 2027");
        assertThat(rowsOf(YEAR)).isEqualTo(before);
        assertThat(calendar.holidays(YEAR)).isEqualTo(holidays);
    }

    @Test
    void aBodyThatIsNotTheRightJsonIsRefusedTheSameWay() throws Exception {
        for (String[] body : new String[][] {{"{\"daysOff\": [", "daysOff"}, {"Tết", ""}, {"{\"daysOff\": \"1/1\"}", "daysOff"},
                {"{\"daysOff\": [{\"day\": \"2027-01-01\", \"name\": [\"Tết\"]}]}", "daysOff[0].name"}, {"", ""}}) {
            MockHttpServletResponse response = send(put("/api/holidays/" + YEAR)
                    .contentType(MediaType.APPLICATION_JSON).content(body[0]), "admin");

            assertThat(response.getStatus()).as(body[0]).isEqualTo(400);
            JsonNode error = json.readTree(response.getContentAsByteArray()).path("errors").get(0);
            assertThat(error.path("code").asText()).isEqualTo("calendar.body");
            assertThat(error.path("path").asText()).as(body[0]).isEqualTo(body[1]);
        }
        assertThat(rowsOf(YEAR)).containsEntry("calendar_year", 0);
    }

    @Test
    void aYearOutsideTheCalendarIsRefused() throws Exception {
        MockHttpServletResponse response = send(get("/api/holidays/1800"), "cv.stttt.qng");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsByteArray()).path("errors").get(0).path("code").asText())
                .isEqualTo("calendar.year");
        assertThat(send(put("/api/holidays/2200").contentType(MediaType.APPLICATION_JSON).content("{}"), "admin")
                .getStatus()).isEqualTo(400);
    }

    /** A year as the Government might set it: Tết 5/2–9/2, Wednesday 10/2 swapped for Saturday 20/2. */
    private static String governmentsTet() {
        return """
                {"daysOff": [
                   {"day": "2027-01-01", "name": "Tết Dương lịch"},
                   {"day": "2027-02-05", "name": "Tết Nguyên đán (29 tháng Chạp)"},
                   {"day": "2027-02-06", "name": "Tết Nguyên đán (mùng 1)", "kind": "PUBLIC_HOLIDAY"},
                   {"day": "2027-02-08", "name": "Nghỉ bù Tết Nguyên đán", "kind": "COMPENSATORY"},
                   {"day": "2027-02-09", "name": "Nghỉ bù Tết Nguyên đán", "kind": "COMPENSATORY"},
                   {"day": "2027-02-10", "name": "Nghỉ hoán đổi (làm bù thứ Bảy 20/02/2027)", "kind": "SWAPPED"}],
                 "workingDays": [
                   {"day": "2027-02-20", "name": "Làm bù cho ngày 10/02/2027"}]}
                """;
    }

    private Map<String, Integer> rowsOf(int year) {
        return Map.of(
                "calendar_year", count("calendar_year", year),
                "calendar_day_off", count("calendar_day_off", year),
                "calendar_working_day", count("calendar_working_day", year));
    }

    private int count(String table, int year) {
        return db.jdbc().queryForObject("select count(*) from ttdn." + table + " where year = ?", Integer.class, year);
    }

    private MockHttpServletResponse send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                         String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo"))).andReturn().getResponse();
    }
}
