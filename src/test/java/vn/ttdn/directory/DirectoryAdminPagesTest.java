package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Db;
import vn.ttdn.support.Pages;
import vn.ttdn.support.WebTest;

/** The administrator's directory pages: a body's edit form and its history, people, the import page. */
@WebTest
class DirectoryAdminPagesTest {

    @Autowired
    Pages pages;
    @Autowired
    MockMvc mvc;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    DirectoryAdmin admin;

    @Test
    void aBodyEditedFromItsPageShowsTheChangeInItsHistory() throws Exception {
        // given
        MockHttpSession session = pages.login("admin");
        Document page = pages.page("/danh-ba/QNG-SNGV", session);
        assertThat(page.getElementById("body-edit-form")).isNotNull();
        assertThat(page.getElementById("body-end-form")).isNotNull();
        String name = directory.body("QNG-SNGV").orElseThrow().name();

        // when
        MvcResult result = pages.submit(page, "body-edit-form", session,
                Map.of("register", List.of("SNGV-QN")));

        // then
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/danh-ba/QNG-SNGV");
        Document after = pages.page("/danh-ba/QNG-SNGV", session);
        assertThat(after.getElementById("directory-done").text()).contains("QNG-SNGV");
        assertThat(after.select("#body-changes .change-row").first().attr("data-action")).isEqualTo("CHANGED");
        assertThat(after.select("#body-changes .change-row").first().select("[data-field=register]").text())
                .contains("SNGV-QN");
        assertThat(directory.body("QNG-SNGV").orElseThrow().name()).isEqualTo(name);
    }

    @Test
    void aRefusedEditShowsItsProblemsAndWritesNothing() throws Exception {
        MockHttpSession session = pages.login("admin");
        Document page = pages.page("/danh-ba/QNG-SCT", session);
        int changes = db.count("directory_change");

        MvcResult result = pages.submit(page, "body-edit-form", session,
                Map.of("validFrom", List.of("2025-01-01"), "validTo", List.of("2024-01-01")));

        Document refused = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(refused.select("#body-problems .problem-path").text()).isEqualTo("validTo");
        assertThat(refused.select("#body-problems .problem-message").text()).contains("trước ngày có hiệu lực");
        assertThat(db.count("directory_change")).isEqualTo(changes);
    }

    @Test
    void othersSeeTheBodyButNeitherItsFormsNorItsHistoryAndCannotPost() throws Exception {
        Document page = pages.page("/danh-ba/QNG-STTTT", "cv.stttt.qng");

        assertThat(page.getElementById("body-heading").text()).isEqualTo("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        assertThat(page.select("#body-successors li")).hasSize(2);
        assertThat(page.getElementById("body-edit-form")).isNull();
        assertThat(page.getElementById("body-changes")).isNull();
        assertThat(pages.page("/danh-ba/QNG-STTTT", "kiemtoan").getElementById("body-changes")).isNotNull();
        MockHttpSession officer = pages.login("cv.stttt.qng");
        for (String path : List.of("/danh-ba/QNG-STTTT/sua", "/danh-ba/QNG-SNGV/ket-thuc", "/danh-ba/moi",
                "/danh-ba/nguoi", "/danh-ba/nguoi/cv.stttt.qng", "/danh-ba/nguoi/cv.stttt.qng/mat-khau", "/danh-ba/nhap", "/danh-ba/nhap/xac-nhan")) {
            assertThat(mvc.perform(post(path).session(officer).with(csrf()).param("name", "x"))
                    .andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(pages.open("/danh-ba/nguoi", "cv.stttt.qng").getStatus()).isEqualTo(403);
        assertThat(pages.open("/danh-ba/nhap", "cv.stttt.qng").getStatus()).isEqualTo(403);
    }

    @Test
    void aPersonCreatedAndMovedFromThePeoplePages() throws Exception {
        // given
        MockHttpSession session = pages.login("admin");
        Document people = pages.page("/danh-ba/nguoi", session);
        assertThat(people.select("#people-table tbody tr").size()).isGreaterThanOrEqualTo(41);

        // when
        MvcResult created = pages.submit(people, "person-new-form", session, Map.of("username", List.of("cv.trang.qng"),
                "fullName", List.of("Lê Thu Trang"), "body", List.of("QNG-SNGV"), "roles", List.of("officer"),
                "enabled", List.of("true")));
        Document person = pages.page("/danh-ba/nguoi/cv.trang.qng", session);
        MvcResult moved = pages.submit(person, "person-edit-form", session, Map.of("body", List.of("QNG-SVHTTDL"),
                "bodySince", List.of(""), "roles", List.of("officer", "leader"), "enabled", List.of("true")));

        // then
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/danh-ba/nguoi/cv.trang.qng");
        assertThat(moved.getResponse().getRedirectedUrl()).isEqualTo("/danh-ba/nguoi/cv.trang.qng");
        PersonDetails details = admin.person("cv.trang.qng").orElseThrow();
        assertThat(details.body()).isEqualTo("QNG-SVHTTDL");
        assertThat(details.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.LEADER);
        Document after = pages.page("/danh-ba/nguoi/cv.trang.qng", session);
        assertThat(after.select("#person-former li").text()).contains("Sở Ngoại vụ");
        assertThat(after.select("#person-changes .change-row")).extracting(r -> r.attr("data-action"))
                .containsExactly("MOVED", "CREATED");
        assertThat(pages.page("/danh-ba/QNG-SNGV", session).select("#body-changes .change-row"))
                .anyMatch(r -> r.attr("data-action").equals("MOVED"));

        // when deactivated (the box unticked sends nothing)
        pages.submit(after, "person-edit-form", session, Map.of("roles", List.of("officer"), "enabled", List.of()));
        assertThat(admin.person("cv.trang.qng").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aPasswordSetFromThePersonPageMustBeChangedAtTheNextSignInAndIsJournaled() throws Exception {
        // given: a person an administrator created, without a password yet
        MockHttpSession session = pages.login("admin");
        pages.submit(pages.page("/danh-ba/nguoi", session), "person-new-form", session, Map.of(
                "username", List.of("cv.hoa.qng"), "fullName", List.of("Mai Thị Hoa"), "body", List.of("QNG-SNGV"),
                "roles", List.of("officer"), "enabled", List.of("true")));
        Document person = pages.page("/danh-ba/nguoi/cv.hoa.qng", session);
        assertThat(person.getElementById("person-no-password")).isNotNull();
        String hash = hashOf("cv.hoa.qng");

        // when: the two entries differ, then the password is too short
        Document differ = Jsoup.parse(pages.submit(person, "person-password-form", session, Map.of(
                "password", List.of("Sông Trà Khúc mùa lũ"), "confirmPassword", List.of("Sông Trà Khúc mùa lũ!")))
                .getResponse().getContentAsString());
        Document tooShort = Jsoup.parse(pages.submit(person, "person-password-form", session, Map.of(
                "password", List.of("ngắn"), "confirmPassword", List.of("ngắn"))).getResponse().getContentAsString());

        // then: each says why, nothing changed
        assertThat(differ.select("#person-problems .problem-path").text()).isEqualTo("confirmPassword");
        assertThat(differ.select("#person-problems .problem-message").text()).contains("không khớp");
        assertThat(tooShort.select("#person-problems .problem-path").eachText()).contains("password");
        assertThat(hashOf("cv.hoa.qng")).isEqualTo(hash);

        // when: a good one
        MvcResult set = pages.submit(person, "person-password-form", session, Map.of(
                "password", List.of("Sông Trà Khúc mùa lũ"), "confirmPassword", List.of("Sông Trà Khúc mùa lũ")));

        // then: set, to be changed at the next sign-in, journaled without the password
        assertThat(set.getResponse().getRedirectedUrl()).isEqualTo("/danh-ba/nguoi/cv.hoa.qng");
        assertThat(db.jdbc().queryForObject("select must_change_password from ttdn.person where username = ?",
                Boolean.class, "cv.hoa.qng")).isTrue();
        assertThat(hashOf("cv.hoa.qng")).startsWith("$2").isNotEqualTo(hash);
        Document after = pages.page("/danh-ba/nguoi/cv.hoa.qng", session);
        assertThat(after.getElementById("directory-done").text()).contains("phải đổi mật khẩu");
        assertThat(after.getElementById("person-no-password")).isNull();
        assertThat(after.select("#person-changes .change-row").first().attr("data-action")).isEqualTo("PASSWORD_SET");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.directory_change where entity_key = 'cv.hoa.qng' "
                + "and (before::text || after::text) like '%Trà Khúc%'", Integer.class)).isZero();
    }

    private String hashOf(String username) {
        return db.jdbc().queryForObject("select password_hash from ttdn.person where username = ?", String.class,
                username);
    }

    @Test
    void theImportPageShowsTheDryRunThenWritesOnConfirmation() throws Exception {
        // given
        MockHttpSession session = pages.login("admin");
        String file = """
                bodies:
                  - code: TSTP-BAO
                    name: Báo Thử
                    shortName: Báo Thử
                    kind: PRESS
                    level: PROVINCE
                    parent: QNG-UBND
                """;
        int bodies = db.count("body");

        // when
        // as the browser sends the page's form, with the session's own CSRF token
        String token = pages.page("/danh-ba/nhap", session).select("#import-form input[name=_csrf]").attr("value");
        MvcResult tried = mvc.perform(multipart("/danh-ba/nhap").file(new MockMultipartFile("file", "thu.yaml",
                "application/yaml", file.getBytes(StandardCharsets.UTF_8))).param("_csrf", token).session(session))
                .andReturn();

        // then
        Document result = Jsoup.parse(tried.getResponse().getContentAsString(), "http://localhost/danh-ba/nhap");
        assertThat(result.select("#import-bodies .import-added code").text()).isEqualTo("TSTP-BAO");
        assertThat(result.select("#import-people .import-added .count").text()).isEqualTo("0");
        assertThat(db.count("body")).isEqualTo(bodies);

        // when
        assertThat(result.select("#import-confirm-form input[name=content]").attr("value")).isNotEmpty();
        MvcResult confirmed = pages.submit(result, "import-confirm-form", session, Map.of());

        // then
        assertThat(confirmed.getResponse().getRedirectedUrl()).as(confirmed.getResponse().getContentAsString())
                .isEqualTo("/danh-ba/nhap");
        assertThat(db.count("body")).isEqualTo(bodies + 1);
        assertThat(directory.body("TSTP-BAO")).isPresent();
        assertThat(pages.page("/danh-ba/nhap", session).getElementById("directory-done")).isNotNull();
    }

    @Test
    void theImportPageShowsEachProblemOfABadFile() throws Exception {
        MockHttpSession session = pages.login("admin");
        int bodies = db.count("body");

        MvcResult tried = mvc.perform(multipart("/danh-ba/nhap").file(new MockMultipartFile("file", "sai.yaml",
                "application/yaml", DirectoryImportTest.BAD.getBytes(StandardCharsets.UTF_8)))
                .session(session).with(csrf())).andReturn();

        Document result = Jsoup.parse(tried.getResponse().getContentAsString());
        assertThat(result.select("#import-problems .problem-path").eachText()).contains("bodies[0].parent",
                "people[0].body");
        assertThat(result.getElementById("import-confirm-form")).isNull();
        assertThat(db.count("body")).isEqualTo(bodies);
    }
}
