package vn.ttdn.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Db;
import vn.ttdn.support.Pages;
import vn.ttdn.support.WebTest;

/** "Lịch nghỉ lễ": the year's calendar for everyone, and the administrators' form. */
@WebTest
class CalendarPageTest {

    /** The year these tests edit; every test leaves it at its defaults. */
    static final int YEAR = 2028;

    @Autowired
    MockMvc mvc;
    @Autowired
    Pages pages;
    @Autowired
    Db db;
    @Autowired
    BusinessCalendar calendar;

    @AfterEach
    void backToDefaults() throws Exception {
        mvc.perform(post("/ngay-nghi/" + YEAR + "/mac-dinh").session(pages.login("admin")).with(csrf()));
    }

    @Test
    void aSignedInPersonSeesTheYearWithItsDaysOffMarked() throws Exception {
        Document page = pages.page("/ngay-nghi/2026", "cv.stttt.qng");

        assertThat(page.select("h1").text()).isEqualTo("Lịch nghỉ lễ, Tết năm 2026");
        assertThat(page.select(".calendar-month")).hasSize(12);
        assertThat(page.select("#month-2 h2").text()).isEqualTo("Tháng 2");
        assertThat(page.select("#month-2 thead th").eachText()).containsExactly("T2", "T3", "T4", "T5", "T6", "T7", "CN");
        Element tet = cell(page, "2026-02-17");
        assertThat(tet.classNames()).contains("off");
        assertThat(tet.attr("title")).isEqualTo("Tết Nguyên đán (mùng 1)");
        assertThat(tet.select(".lunar").text()).isEqualTo("1/1");
        assertThat(cell(page, "2026-04-27").classNames()).contains("off", "compensatory");
        assertThat(cell(page, "2026-02-21").classNames()).containsExactly("weekend");
        assertThat(cell(page, "2026-02-23").classNames()).isEmpty();
        assertThat(page.select("#days-table tbody tr")).hasSize(12);
        assertThat(page.select("#days-table tr[data-day=2026-04-27]").text())
                .isEqualTo("27/04/2026 Thứ Hai Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) Nghỉ bù");
        assertThat(page.getElementById("calendar-source").attr("data-custom")).isEqualTo("false");
        assertThat(page.getElementById("calendar-summary").text()).startsWith("Cả năm có 250 ngày làm việc");
        assertThat(page.getElementById("year-previous").attr("href")).isEqualTo("/ngay-nghi/2025");
        assertThat(page.getElementById("year-next").attr("href")).isEqualTo("/ngay-nghi/2027");
        assertThat(page.getElementById("nav-calendar").classNames()).contains("active");
        // only administrators edit
        assertThat(page.getElementById("calendar-edit")).isNull();
        assertThat(page.select("#days-table form")).isEmpty();
    }

    @Test
    void theCalendarOpensOnThisYearOrTheYearAskedFor() throws Exception {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();

        assertThat(pages.page("/ngay-nghi", "gd.stttt.qng").select("h1").text()).endsWith(" " + thisYear);
        assertThat(pages.page("/ngay-nghi?nam=2030", "gd.stttt.qng").select("h1").text()).endsWith(" 2030");
        assertThat(pages.page("/ke-hoach", "gd.stttt.qng").getElementById("nav-calendar").attr("href"))
                .isEqualTo("/ngay-nghi");
        assertThat(pages.open("/ngay-nghi/1800", "gd.stttt.qng").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/ngay-nghi")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void anAdminAddsAndRemovesDaysAndDeadlinesFollow() throws Exception {
        // Friday 5/5/2028 off, worked on Saturday 13/5 instead
        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 5, 4), 1)).isEqualTo(LocalDate.of(YEAR, 5, 5));

        MvcResult added = add("2028-05-05", "Nghỉ hoán đổi dịp 30/4 – 1/5", "SWAPPED");
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/ngay-nghi/" + YEAR);
        add("2028-05-13", "Làm bù cho ngày 05/05/2028", "WORKING_DAY");

        assertThat(calendar.plusWorkingDays(LocalDate.of(YEAR, 5, 4), 1)).isEqualTo(LocalDate.of(YEAR, 5, 8));
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 5, 13))).isTrue();
        // the first edit stored the defaults with the change
        assertThat(count("calendar_day_off")).isEqualTo(DefaultHolidays.of(YEAR).size() + 1);
        assertThat(count("calendar_working_day")).isEqualTo(1);
        Document page = pages.page("/ngay-nghi/" + YEAR, "admin");
        assertThat(page.getElementById("calendar-done")).isNull();
        assertThat(cell(page, "2028-05-05").classNames()).contains("off", "compensatory");
        assertThat(cell(page, "2028-05-13").classNames()).contains("weekend", "working");
        assertThat(page.getElementById("calendar-source").attr("data-custom")).isEqualTo("true");
        assertThat(page.getElementById("calendar-source").text()).contains("admin");
        assertThat(page.select("#days-table tr[data-kind=WORKING_DAY]").text()).contains("Làm việc bù");

        MvcResult removed = mvc.perform(post("/ngay-nghi/" + YEAR + "/xoa").param("day", "2028-05-05")
                .session(pages.login("admin")).with(csrf())).andReturn();

        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/ngay-nghi/" + YEAR);
        assertThat(removed.getFlashMap().get("done").toString()).contains("calendar.done.removed", "05/05/2028");
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 5, 5))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 5, 13))).isTrue(); // the working day stays
    }

    @Test
    void aRefusedChangeIsExplainedInVietnameseAndWritesNothing() throws Exception {
        MvcResult result = add("2027-05-02", " ", "SWAPPED");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#calendar-problems li").eachText()).containsExactly(
                "Ngày 02/05/2027 không thuộc năm 2028.", "Chưa nhập tên ngày.");
        assertThat(page.getElementById("add-day").val()).isEqualTo("2027-05-02");
        assertThat(page.select("#add-kind option[selected]").val()).isEqualTo("SWAPPED");

        Document weekday = Jsoup.parse(add("2028-05-03", "Làm bù", "WORKING_DAY").getResponse().getContentAsString());
        assertThat(weekday.select("#calendar-problems li").eachText()).containsExactly(
                "Ngày 03/05/2028 không phải thứ Bảy hay Chủ nhật: ngày thường vốn là ngày làm việc.");
        Document twice = Jsoup.parse(add("2028-01-01", "Tết Dương lịch", "PUBLIC_HOLIDAY").getResponse()
                .getContentAsString());
        assertThat(twice.select("#calendar-problems li").eachText()).containsExactly(
                "Ngày 01/01/2028 đã có trong danh sách.");
        assertThat(count("calendar_year")).isZero();
    }

    @Test
    void onlyAdminsMayChangeTheCalendar() throws Exception {
        for (String user : new String[] {"cv.stttt.qng", "gd.stttt.qng", "giamsat"}) {
            MockHttpServletResponse response = mvc.perform(post("/ngay-nghi/" + YEAR + "/them")
                    .param("day", "2028-05-05").param("name", "Nghỉ").param("kind", "OTHER")
                    .session(pages.login(user)).with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).as(user).isEqualTo(403);
        }
        // and not without the CSRF token either
        assertThat(mvc.perform(post("/ngay-nghi/" + YEAR + "/them").param("day", "2028-05-05").param("name", "Nghỉ")
                .session(pages.login("admin"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(count("calendar_year")).isZero();
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 5, 5))).isTrue();
        assertThat(pages.page("/ngay-nghi/" + YEAR, "admin").getElementById("calendar-edit")).isNotNull();
    }

    @Test
    void everyKindAndWeekdayHasItsWords() throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages_vi.properties"),
                StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        assertThat(YearPage.kinds()).allMatch(kind -> bundle.containsKey("calendar.kind." + kind));
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(bundle).containsKeys("calendar.weekday." + day, "calendar.weekdayLong." + day);
        }
    }

    private MvcResult add(String day, String name, String kind) throws Exception {
        return mvc.perform(post("/ngay-nghi/" + YEAR + "/them").param("day", day).param("name", name)
                .param("kind", kind).session(pages.login("admin")).with(csrf())).andReturn();
    }

    private int count(String table) {
        return db.jdbc().queryForObject("select count(*) from ttdn." + table + " where year = ?", Integer.class, YEAR);
    }

    private static Element cell(Document page, String day) {
        Element cell = page.selectFirst(".month-grid td[data-day=" + day + "]");
        assertThat(cell).as(day).isNotNull();
        return cell;
    }
}
