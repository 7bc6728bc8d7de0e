package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.EmbeddedPostgresInitializer;
import vn.ttdn.support.WebClient;

/**
 * A first start as an installer makes it: no demo data, an empty PostgreSQL of its own, the first
 * administrator from the variables. They sign in over HTTP, set a person's password, and that
 * person must change it before they can do anything else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        EmbeddedPostgresInitializer.FRESH_DATABASE + "=true",
        "ttdn.demo.enabled=false",
        "ttdn.admin.username=" + FirstAdministratorIT.ADMIN,
        "ttdn.admin.password=" + FirstAdministratorIT.ADMIN_PASSWORD,
        "ttdn.admin.full-name=Lê Thị Quản Trị"})
class FirstAdministratorIT {

    static final String ADMIN = "quantri.tinh";
    static final String ADMIN_PASSWORD = "Đèo Hải Vân mùa mưa 2026";
    private static final String SET_BY_ADMIN = "Cấp-lần-đầu-0915";
    private static final String CHOSEN = "Biển Mỹ Khê sáng sớm";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;

    @Test
    void theFirstAdministratorSignsInOnAnEmptyDirectoryAndAPersonTheySetUpMustChangeTheirPassword() throws Exception {
        // nothing of the demo came in
        assertThat(jdbc.queryForObject("select count(*) from ttdn.plan", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select username from ttdn.person", String.class)).containsExactly(ADMIN);

        // the administrator signs in through the form and over Basic
        WebClient browser = new WebClient(port).login(ADMIN, ADMIN_PASSWORD);
        assertThat(browser.get("/ke-hoach").statusCode()).isEqualTo(200);
        WebClient web = new WebClient(port);
        HttpResponse<String> users = web.getAs("/api/users", ADMIN, ADMIN_PASSWORD);
        assertThat(users.statusCode()).isEqualTo(200);
        JsonNode admin = json.readTree(users.body()).path(0);
        assertThat(admin.path("username").asText()).isEqualTo(ADMIN);
        assertThat(admin.path("fullName").asText()).isEqualTo("Lê Thị Quản Trị");
        assertThat(admin.path("body").path("code").asText()).isEqualTo("QTHT");
        assertThat(admin.path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(json.readTree(web.getAs("/api/account", ADMIN, ADMIN_PASSWORD).body())
                .path("mustChangePassword").asBoolean()).isFalse();

        // a person comes into the directory (as its administration puts them) and gets a password from the admin
        directory.saveBodies(List.of(new BodyView("DNG-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch thành phố Đà Nẵng",
                "Sở Văn hóa, Thể thao và Du lịch", BodyKind.DEPARTMENT, BodyLevel.PROVINCE, null, null, null, null,
                List.of(), List.of())));
        directory.savePerson("cv.svhttdl.dng", "Trần Minh Khoa", "Chuyên viên", "DNG-SVHTTDL", null,
                "{noop}not-a-bcrypt-hash", Set.of(Role.OFFICER));
        HttpResponse<String> set = web.postAs("/api/people/cv.svhttdl.dng/password", ADMIN, ADMIN_PASSWORD,
                "application/json", json("{\"password\":\"" + SET_BY_ADMIN + "\"}"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);

        // the person must change it first
        HttpResponse<String> refused = web.getAs("/api/plans", "cv.svhttdl.dng", SET_BY_ADMIN);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("errors").path(0).path("code").asText())
                .isEqualTo("account.mustChangePassword");
        WebClient person = new WebClient(port).login("cv.svhttdl.dng", SET_BY_ADMIN);
        HttpResponse<String> page = person.get("/ke-hoach");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/tai-khoan/mat-khau");

        HttpResponse<String> changed = web.postAs("/api/account/password", "cv.svhttdl.dng", SET_BY_ADMIN,
                "application/json", json("{\"currentPassword\":\"" + SET_BY_ADMIN + "\",\"newPassword\":\"" + CHOSEN
                        + "\"}"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

        // then they act
        assertThat(web.getAs("/api/plans", "cv.svhttdl.dng", CHOSEN).statusCode()).isEqualTo(200);
        assertThat(person.get("/ke-hoach").statusCode()).isEqualTo(200);
        assertThat(web.getAs("/api/users", "cv.svhttdl.dng", CHOSEN).statusCode()).isEqualTo(403);
    }

    @Test
    void theDemoDataIsRefusedOutsideTheDeveloperRun() {
        // command-line arguments outrank the test classpath's settings, as TTDN_DEMO=true would the jar's
        SpringApplicationBuilder production = new SpringApplicationBuilder(TtdnApplication.class);

        assertThatThrownBy(() -> production.run("--" + EmbeddedPostgresInitializer.FRESH_DATABASE + "=true",
                "--ttdn.dev.run=false", "--ttdn.demo.enabled=true", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"))
                .rootCause().hasMessageContaining("not the developer run")
                .hasMessageContaining("TTDN_ADMIN_USERNAME");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
