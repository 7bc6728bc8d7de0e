package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ttdn.support.WebClient;

/** The pages over real HTTP, as a browser gets them: login form, plan page, error pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOfficerSignsInAndReadsTheirPlanInVietnamese() throws Exception {
        WebClient web = new WebClient(port).login("cv.stttt.qng", "demo");
        long id = jdbc.queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);

        HttpResponse<String> response = web.get("/ke-hoach/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.getElementById("plan-header").text()).contains("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI");
        assertThat(page.select("#task-table tr.task-row")).hasSize(21);
        assertThat(page.select("link[rel=stylesheet]").attr("href")).startsWith("/");
        assertThat(web.get(page.select("link[rel=stylesheet]").attr("href")).statusCode()).isEqualTo(200);
    }

    @Test
    void aPlanThatDoesNotConcernTheOfficerAnswersTheVietnamese403Page() throws Exception {
        WebClient web = new WebClient(port).login("cv.stttt.ndh", "demo");
        long id = jdbc.queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);

        HttpResponse<String> response = web.get("/ke-hoach/" + id);

        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("main").attr("data-status")).isEqualTo("403");
        assertThat(page.getElementById("error-heading").text()).isEqualTo("Không có quyền truy cập");
        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
        assertThat(response.body()).doesNotContain("116/KH-UBND");
    }

    @Test
    void anUnknownPlanAnswersTheVietnamese404Page() throws Exception {
        WebClient web = new WebClient(port).login("admin", "demo");

        HttpResponse<String> response = web.get("/ke-hoach/987654");

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("main").attr("data-status")).isEqualTo("404");
        assertThat(page.getElementById("error-heading").text()).isEqualTo("Không tìm thấy");
    }
}
