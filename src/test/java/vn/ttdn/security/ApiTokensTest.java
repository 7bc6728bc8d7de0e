package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ttdn.directory.ApiTokens;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/**
 * Personal API tokens: made by their person (with a password or the session, never with a token),
 * shown once and kept only as a SHA-256, listed without their text, used as {@code Bearer} on /api
 * only and without a session, acting with the person's current roles; revoked, expired or of a
 * deactivated person they answer 401 with the reason. Each test has people of its own.
 */
@WebTest
class ApiTokensTest {

    private static final String PASSWORD = "Núi Ấn Sông Trà 2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ObjectMapper json;

    @Test
    void aPersonMakesUsesListsAndRevokesTheirTokenAndOnlyItsHashIsKept() throws Exception {
        person("tk.khoa1", Set.of(Role.OFFICER));

        // when they make a token with their password
        JsonNode created = json.readTree(mvc.perform(post("/api/account/tokens").with(httpBasic("tk.khoa1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Tập lệnh báo cáo",
                                "expiresInDays", 30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String token = created.path("token").asText();
        long id = created.path("id").asLong();

        // then: 256 random bits after the prefix, and the table holds its SHA-256, never the text
        assertThat(token).startsWith("ttdn_").hasSize(5 + 43);
        assertThat(created.path("name").asText()).isEqualTo("Tập lệnh báo cáo");
        Map<String, Object> row = db.jdbc().queryForMap("select username, name, token_hash, expires_at - created_at "
                + "as lifetime, last_used_at, revoked_at from ttdn.api_token where id = ?", id);
        assertThat(row.get("username")).isEqualTo("tk.khoa1");
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(row.get("lifetime").toString()).contains("30 days");
        assertThat(row.get("last_used_at")).isNull();
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.api_token t where t::text like ?",
                Integer.class, "%" + token.substring(5) + "%")).as("the token's text in any column").isZero();
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.directory_change where after::text like ?",
                Integer.class, "%" + token.substring(5) + "%")).as("the token's text in the journal").isZero();

        // when a script uses it: signed in as the person, no session made, its use noted
        MvcResult used = mvc.perform(get("/api/account").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("tk.khoa1"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("officer")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        assertThat(used.getRequest().getSession(false)).as("no session for a token request").isNull();
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(db.jdbc().queryForObject("select last_used_at from ttdn.api_token where id = ?", Object.class, id))
                .isNotNull();

        // the list shows it without its text or hash, with a token as with the password
        JsonNode listed = json.readTree(mvc.perform(get("/api/account/tokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(listed).hasSize(1);
        List<String> fields = new ArrayList<>();
        listed.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "name", "createdAt", "lastUsedAt", "expiresAt", "expired");
        assertThat(listed.toString()).doesNotContain(token.substring(5)).doesNotContain(ApiTokens.hash(token));
        assertThat(listed.get(0).path("expired").asBoolean()).isFalse();

        // when they revoke it: it never works again, and both are journaled
        mvc.perform(delete("/api/account/tokens/" + id).with(httpBasic("tk.khoa1", PASSWORD)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/account").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.errors[0].code").value("token.revoked"))
                .andExpect(jsonPath("$.errors[0].text").value("Khóa API đã bị thu hồi."));
        assertThat(db.jdbc().queryForObject("select revoked_by from ttdn.api_token where id = ? and revoked_at is not null",
                String.class, id)).isEqualTo("tk.khoa1");
        assertThat(json.readTree(mvc.perform(get("/api/account/tokens").with(httpBasic("tk.khoa1", PASSWORD)))
                .andReturn().getResponse().getContentAsString())).isEmpty();
        assertThat(db.jdbc().queryForList("select action || ' ' || actor || ' ' || coalesce(after ->> 'name', before ->> 'name') "
                + "from ttdn.directory_change where entity_key = 'tk.khoa1' order by id", String.class))
                .containsExactly("API_TOKEN_CREATED tk.khoa1 Tập lệnh báo cáo", "API_TOKEN_REVOKED tk.khoa1 Tập lệnh báo cáo");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        person("tk.khoa2", Set.of(Role.OFFICER));
        JsonNode created = create("tk.khoa2", "Hết hạn");
        String token = created.path("token").asText();
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // when its expiry passes (moved into the past, as the clock would)
        db.jdbc().update("update ttdn.api_token set created_at = now() - interval '31 days', "
                + "expires_at = now() - interval '1 second' where id = ?", created.path("id").asLong());

        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].code").value("token.expired"))
                .andExpect(jsonPath("$.errors[0].text").value("Khóa API đã hết hạn."));
        assertThat(json.readTree(mvc.perform(get("/api/account/tokens").with(httpBasic("tk.khoa2", PASSWORD)))
                .andReturn().getResponse().getContentAsString()).get(0).path("expired").asBoolean()).isTrue();
    }

    @Test
    void anotherPersonsTokenCannotBeRevokedNorSeen() throws Exception {
        person("tk.khoa3", Set.of(Role.OFFICER));
        person("tk.khoa4", Set.of(Role.OFFICER, Role.ADMIN));
        JsonNode theirs = create("tk.khoa3", "Của người khác");
        long id = theirs.path("id").asLong();

        // another person, an administrator even, asks to revoke it by its id: as if it did not exist
        mvc.perform(delete("/api/account/tokens/" + id).with(httpBasic("tk.khoa4", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/account/tokens/" + id).header("Authorization", "Bearer "
                        + create("tk.khoa4", "Của tôi").path("token").asText()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/account/tokens/999999999").with(httpBasic("tk.khoa4", PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(json.readTree(mvc.perform(get("/api/account/tokens").with(httpBasic("tk.khoa4", PASSWORD)))
                .andReturn().getResponse().getContentAsString()).findValuesAsText("name")).containsExactly("Của tôi");

        // the token still works, untouched
        assertThat(db.jdbc().queryForObject("select revoked_at from ttdn.api_token where id = ?", Object.class, id))
                .isNull();
        mvc.perform(get("/api/account").header("Authorization", "Bearer " + theirs.path("token").asText()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("tk.khoa3"));
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.directory_change where entity_key = 'tk.khoa3' "
                + "and action = 'API_TOKEN_REVOKED'", Integer.class)).isZero();
    }

    @Test
    void aDeactivatedPersonsTokensStopWorkingAndComeBackWithTheAccount() throws Exception {
        person("tk.khoa5", Set.of(Role.OFFICER));
        String token = create("tk.khoa5", "Tập lệnh").path("token").asText();
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(post("/api/people/tk.khoa5/deactivate").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].code").value("token.disabled"));

        mvc.perform(post("/api/people/tk.khoa5/activate").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void aTokenActsWithThePersonsCurrentRolesAndMustChangePasswordToo() throws Exception {
        person("tk.khoa6", Set.of(Role.OFFICER, Role.ADMIN));
        String token = create("tk.khoa6", "Quản trị").path("token").asText();
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // when the role is withdrawn: the same token has lost it at its next request
        directory.savePerson("tk.khoa6", "Tài khoản thử tk.khoa6", "Chuyên viên", "QNG-STTTT", null,
                hashOf("tk.khoa6"), Set.of(Role.OFFICER));
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());

        // when an administrator sets a password: the token, like the password, waits for the change
        mvc.perform(post("/api/people/tk.khoa6/password").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("password", "Tạm-thời-đổi-ngay-7"))))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/plans").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("account.mustChangePassword"));
    }

    @Test
    void aTokenWorksOnTheApiOnlyAndIsJudgedAlone() throws Exception {
        person("tk.khoa7", Set.of(Role.ADMIN));
        String token = create("tk.khoa7", "Chỉ API").path("token").asText();

        // a page or the engine's REST API: a bearer token signs nobody in
        mvc.perform(get("/ke-hoach").header("Authorization", "Bearer " + token))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/tai-khoan/mat-khau").header("Authorization", "Bearer " + token))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/engine-rest/version").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());

        // an unknown token beside a signed-in session: refused, the session is not looked at
        MockHttpSession session = login("tk.khoa7");
        mvc.perform(get("/api/account").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/account").session(session).header("Authorization", "Bearer ttdn_khong-co-that"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].code").value("token.unknown"));
        mvc.perform(get("/api/account").header("Authorization", "Bearer " + token.substring(0, 20)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void csrfAppliesToTheSessionNotToATokenAndATokenMakesNoTokens() throws Exception {
        person("tk.khoa8", Set.of(Role.OFFICER));
        String token = create("tk.khoa8", "Thứ nhất").path("token").asText();
        long second = create("tk.khoa8", "Thứ hai").path("id").asLong();

        // a token cannot make another (a stolen one would outlive its revocation through them)
        mvc.perform(post("/api/account/tokens").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Thứ ba"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("token.notWithToken"));
        // a write with a token needs no CSRF token
        mvc.perform(delete("/api/account/tokens/" + second).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());

        // the browser's session still needs it
        MockHttpSession session = login("tk.khoa8");
        mvc.perform(post("/api/account/tokens").session(session)
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Từ trình duyệt"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/account/tokens").session(session).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Từ trình duyệt"))))
                .andExpect(status().isCreated());
        assertThat(db.jdbc().queryForList("select name from ttdn.api_token where username = 'tk.khoa8' "
                + "and revoked_at is null order by id", String.class)).containsExactly("Thứ nhất", "Từ trình duyệt");
    }

    @Test
    void aRefusedTokenListsEachProblemAndWritesNothing() throws Exception {
        person("tk.khoa9", Set.of(Role.OFFICER));
        mvc.perform(post("/api/account/tokens").with(httpBasic("tk.khoa9", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", " ", "expiresInDays", 400))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.containsInAnyOrder("token.nameMissing",
                        "token.expiryOutOfRange")))
                .andExpect(jsonPath("$.errors[*].text").value(Matchers.hasItem("Thời hạn của khóa từ 1 đến 366 ngày.")));
        mvc.perform(post("/api/account/tokens").with(httpBasic("tk.khoa9", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "x".repeat(101)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("token.nameTooLong")));
        for (int i = 0; i < ApiTokens.MAX_ACTIVE; i++) {
            create("tk.khoa9", "Khóa " + i);
        }
        mvc.perform(post("/api/account/tokens").with(httpBasic("tk.khoa9", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", "Một khóa nữa"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("token.tooMany")));
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.api_token where username = 'tk.khoa9'",
                Integer.class)).isEqualTo(ApiTokens.MAX_ACTIVE);
    }

    @Test
    void theAccountPageMakesAToken_showsItOnce_andRevokesIt() throws Exception {
        person("tk.khoa10", Set.of(Role.OFFICER));
        MockHttpSession session = login("tk.khoa10");
        assertThat(page(session)).contains("id=\"tokens\"", "id=\"tokens-none\"", "id=\"token-form\"");

        // when they make one on the page: its text is in this answer, not in the session
        String made = mvc.perform(post("/tai-khoan/khoa-api").session(session).with(csrf())
                        .param("name", "Máy chủ báo cáo").param("expiresInDays", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = made.replaceAll("(?s).*id=\"token-new-text\">([^<]+)<.*", "$1");
        assertThat(token).startsWith("ttdn_").hasSize(48);
        assertThat(made).contains("Đã tạo khóa “Máy chủ báo cáo”.", "class=\"token-row\"");
        for (String name : Collections.list(session.getAttributeNames())) {
            assertThat(String.valueOf(session.getAttribute(name))).doesNotContain(token);
        }
        mvc.perform(get("/api/account").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // shown again: listed by name, its text never
        String again = page(session);
        assertThat(again).contains("Máy chủ báo cáo", "class=\"token-row\"").doesNotContain(token);

        // a refused name is shown in Vietnamese
        String refused = mvc.perform(post("/tai-khoan/khoa-api").session(session).with(csrf()).param("name", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"token-problems\"", "Cần đặt tên cho khóa.");

        // revoked from the page
        long id = db.jdbc().queryForObject("select id from ttdn.api_token where username = 'tk.khoa10'", Long.class);
        mvc.perform(post("/tai-khoan/khoa-api/" + id + "/thu-hoi").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/tai-khoan/mat-khau#tokens"));
        assertThat(db.jdbc().queryForObject("select revoked_at from ttdn.api_token where id = ?", Object.class, id))
                .isNotNull();
        mvc.perform(get("/api/account").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        // without the CSRF token the page refuses
        long other = create("tk.khoa10", "Khác").path("id").asLong();
        mvc.perform(post("/tai-khoan/khoa-api/" + other + "/thu-hoi").session(session))
                .andExpect(status().isForbidden());
        assertThat(db.jdbc().queryForObject("select revoked_at from ttdn.api_token where id = ?", Object.class, other))
                .isNull();
    }

    private JsonNode create(String username, String name) throws Exception {
        return json.readTree(mvc.perform(post("/api/account/tokens").with(httpBasic(username, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("name", name))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private String page(MockHttpSession session) throws Exception {
        return mvc.perform(get("/tai-khoan/mat-khau").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void person(String username, Set<Role> roles) {
        directory.savePerson(username, "Tài khoản thử " + username, "Chuyên viên", "QNG-STTTT", null,
                passwords.encode(PASSWORD), roles);
    }

    private MockHttpSession login(String username) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", PASSWORD).with(from("10.9.0.1"))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String hashOf(String username) {
        return db.jdbc().queryForObject("select password_hash from ttdn.person where username = ?", String.class,
                username);
    }

    private byte[] body(Object value) throws Exception {
        return json.writeValueAsBytes(value);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
