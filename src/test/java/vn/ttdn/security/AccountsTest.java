package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Db;
import vn.ttdn.support.MockMvcSessions;
import vn.ttdn.support.WebTest;

/**
 * Accounts: a password an administrator set must be changed first, one's own password, sign-in
 * throttling, changes that reach a running session at its next request, and the administration
 * calls refused to everyone else. Each test has people of its own (the demo people keep "demo").
 */
@WebTest
class AccountsTest {

    private static final String PASSWORD = "Núi Ấn Sông Trà 2026";
    private static final String SET_BY_ADMIN = "Tạm-thời-đổi-ngay-7";
    private static final String CHOSEN = "Mây trắng bay qua đèo";

    @Autowired
    MockMvc mvc;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    LockoutProperties lockout;
    @Autowired
    ObjectMapper json;

    @Test
    void aPasswordTheAdministratorSetMustBeChangedBeforeAnythingElse() throws Exception {
        // given
        person("tk.doimk", Set.of(Role.OFFICER));

        // when the administrator sets a password
        mvc.perform(post("/api/people/tk.doimk/password").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("password", SET_BY_ADMIN))))
                .andExpect(status().isNoContent());

        // then the old one no longer signs in, the new one does, but only to change it
        mvc.perform(get("/api/plans").with(httpBasic("tk.doimk", PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").with(httpBasic("tk.doimk", SET_BY_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("account.mustChangePassword"))
                .andExpect(jsonPath("$.errors[0].text").value(Matchers.containsString("đổi mật khẩu")));
        mvc.perform(get("/api/account").with(httpBasic("tk.doimk", SET_BY_ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mustChangePassword").value(true));
        MockHttpSession session = login("tk.doimk", SET_BY_ADMIN);
        mvc.perform(get("/ke-hoach").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/tai-khoan/mat-khau"));
        String form = mvc.perform(get("/tai-khoan/mat-khau").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"password-must-change\"", "id=\"password-form\"");

        // when they change it
        mvc.perform(post("/api/account/password").with(httpBasic("tk.doimk", SET_BY_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("currentPassword", SET_BY_ADMIN, "newPassword", CHOSEN))))
                .andExpect(status().isNoContent());

        // then they act, in the session they had and with the new password
        mvc.perform(get("/ke-hoach").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/plans").with(httpBasic("tk.doimk", CHOSEN))).andExpect(status().isOk());
        mvc.perform(get("/api/plans").with(httpBasic("tk.doimk", SET_BY_ADMIN))).andExpect(status().isUnauthorized());
        Map<String, Object> row = db.jdbc().queryForMap("select must_change_password, password_changed_at "
                + "from ttdn.person where username = 'tk.doimk'");
        assertThat(row.get("must_change_password")).isEqualTo(false);
        assertThat(row.get("password_changed_at")).isNotNull();
    }

    @Test
    void thePageFormChangesOnesOwnPassword() throws Exception {
        person("tk.trang", Set.of(Role.OFFICER));
        MockHttpSession session = login("tk.trang", PASSWORD);

        // the two new passwords differ: refused in Vietnamese, nothing changed
        String refused = mvc.perform(post("/tai-khoan/mat-khau").session(session).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", CHOSEN)
                        .param("confirmPassword", CHOSEN + "!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"password-problems\"", "không khớp");

        mvc.perform(post("/tai-khoan/mat-khau").session(session).with(csrf())
                        .param("currentPassword", PASSWORD).param("newPassword", CHOSEN).param("confirmPassword", CHOSEN))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/tai-khoan/mat-khau"));
        mvc.perform(get("/api/plans").with(httpBasic("tk.trang", CHOSEN))).andExpect(status().isOk());
        // their session goes on
        mvc.perform(get("/ke-hoach").session(session)).andExpect(status().isOk());
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() throws Exception {
        person("tk.sai", Set.of(Role.OFFICER));
        String hash = hashOf("tk.sai");

        mvc.perform(post("/api/account/password").with(httpBasic("tk.sai", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("currentPassword", "not-the-password", "newPassword", CHOSEN))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("account.currentPasswordWrong")))
                .andExpect(jsonPath("$.errors[0].text").value("Mật khẩu hiện tại không đúng."));
        mvc.perform(post("/api/account/password").with(httpBasic("tk.sai", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(Map.of("currentPassword", PASSWORD, "newPassword", "password1234"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("password.common")));
        mvc.perform(post("/api/people/tk.sai/password").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("password", "ngan"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("password.tooShort"))
                .andExpect(jsonPath("$.errors[0].text").value("Mật khẩu cần có ít nhất 12 ký tự."));

        assertThat(hashOf("tk.sai")).isEqualTo(hash);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheDelayHasPassed() throws Exception {
        person("tk.khoa", Set.of(Role.OFFICER));
        RequestPostProcessor from = from("10.1.0.1");

        for (int i = 0; i < lockout.accountFailures(); i++) {
            mvc.perform(get("/api/plans").with(httpBasic("tk.khoa", "sai-" + i)).with(from))
                    .andExpect(status().isUnauthorized());
        }

        // locked: even the right password is refused, over Basic (429) and the form (?locked), from anywhere
        mvc.perform(get("/api/plans").with(httpBasic("tk.khoa", PASSWORD)).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.errors[0].code").value("account.signInThrottled"))
                .andExpect(jsonPath("$.errors[0].text").value(Matchers.startsWith("Đăng nhập sai quá nhiều lần")));
        mvc.perform(post("/login").with(csrf()).with(from("10.1.0.9"))
                        .param("username", "tk.khoa").param("password", PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login?locked"));
        String page = mvc.perform(get("/login").param("locked", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"login-locked\"");
        // others sign in as before
        mvc.perform(get("/api/plans").with(httpBasic("cv.stttt.qng", "demo")).with(from)).andExpect(status().isOk());

        // when the delay has passed (the lock is moved into the past, as the clock would)
        db.jdbc().update("update ttdn.sign_in_failure set locked_until = now() - interval '1 second' "
                + "where kind = 'account' and key = 'tk.khoa'");

        // then the right password signs in again, and clears the count
        mvc.perform(get("/api/plans").with(httpBasic("tk.khoa", PASSWORD)).with(from)).andExpect(status().isOk());
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.sign_in_failure "
                + "where kind = 'account' and key = 'tk.khoa'", Integer.class)).isZero();
    }

    @Test
    void repeatedFailuresFromOneAddressLockThatAddressForEveryAccount() throws Exception {
        RequestPostProcessor guesser = from("10.2.0.2");
        for (int i = 0; i < lockout.addressFailures(); i++) {
            mvc.perform(get("/api/plans").with(httpBasic("khong-co-" + i, "sai")).with(guesser))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/plans").with(httpBasic("cv.stttt.qng", "demo")).with(guesser))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/plans").with(httpBasic("cv.stttt.qng", "demo")).with(from("10.2.0.3")))
                .andExpect(status().isOk());
    }

    @Test
    void rolesAndBodyChangedMidSessionApplyAtTheNextRequest() throws Exception {
        person("tk.vaitro", Set.of(Role.ADMIN, Role.OFFICER));
        MockHttpSession session = login("tk.vaitro", PASSWORD);
        mvc.perform(get("/api/users").session(session)).andExpect(status().isOk());

        // when the directory changes them (as its administration does)
        directory.savePerson("tk.vaitro", "Tài khoản thử vai trò", "Chuyên viên", "QNG-SVHTTDL", null,
                hashOf("tk.vaitro"), Set.of(Role.OFFICER));

        // then the same session has lost the role and moved body
        mvc.perform(get("/api/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/account").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bodyCode").value("QNG-SVHTTDL"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("officer")));
        mvc.perform(get("/camunda/app/cockpit/default/").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void aDeactivatedPersonIsSignedOutOfEverySession() throws Exception {
        person("tk.nghi", Set.of(Role.OFFICER));
        MockHttpSession browser = login("tk.nghi", PASSWORD);
        MockHttpSession other = login("tk.nghi", PASSWORD);
        mvc.perform(get("/ke-hoach").session(browser)).andExpect(status().isOk());
        String signedIn = MockMvcSessions.idOf(browser);
        assertThat(db.jdbc().queryForList("select principal_name from ttdn.http_session where session_id = ?",
                String.class, signedIn)).containsExactly("tk.nghi");

        mvc.perform(post("/api/people/tk.nghi/deactivate").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());

        mvc.perform(get("/ke-hoach").session(browser)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        // the session is gone from the database (every node's), not just from this request
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.http_session where session_id = ?",
                Integer.class, signedIn)).isZero();
        mvc.perform(get("/api/plans").session(other)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/plans").with(httpBasic("tk.nghi", PASSWORD))).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/people/tk.nghi/activate").with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/plans").with(httpBasic("tk.nghi", PASSWORD))).andExpect(status().isOk());
        assertThat(db.jdbc().queryForList("select action || ' ' || actor || ' ' || (after ->> 'enabled') "
                + "from ttdn.directory_change where entity_key = 'tk.nghi' order by id", String.class))
                .containsExactly("DEACTIVATED admin false", "REACTIVATED admin true");
    }

    @Test
    void theAdministrationCallsAreRefusedToEveryoneElseAndChangeNothing() throws Exception {
        person("tk.dich", Set.of(Role.OFFICER));
        Map<String, Object> before = account("tk.dich");
        byte[] password = body(Map.of("password", SET_BY_ADMIN));
        List<Supplier<MockHttpServletRequestBuilder>> calls = List.of(
                () -> post("/api/people/tk.dich/password").contentType(MediaType.APPLICATION_JSON).content(password),
                () -> post("/api/people/tk.dich/deactivate"),
                () -> post("/api/people/tk.dich/activate"));

        for (String user : List.of("cv.stttt.qng", "giamsat", "kiemtoan", "gd.stttt.qng", "vt.ubnd.qng")) {
            for (Supplier<MockHttpServletRequestBuilder> call : calls) {
                mvc.perform(call.get().with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/api/users").with(httpBasic("tk.dich", PASSWORD))).andExpect(status().isForbidden());

        assertThat(account("tk.dich")).isEqualTo(before);
    }

    @Test
    void anAdministratorCannotDeactivateThemself() throws Exception {
        mvc.perform(post("/api/people/admin/deactivate").with(httpBasic("admin", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].code").value("account.cannotDeactivateSelf"));
        mvc.perform(post("/api/people/nobody-here/password").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("password", SET_BY_ADMIN))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/plans").with(httpBasic("admin", "demo"))).andExpect(status().isOk());
    }

    private void person(String username, Set<Role> roles) {
        directory.savePerson(username, "Tài khoản thử " + username, "Chuyên viên", "QNG-STTTT", null,
                passwords.encode(PASSWORD), roles);
    }

    private MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", username)
                .param("password", password)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String hashOf(String username) {
        return db.jdbc().queryForObject("select password_hash from ttdn.person where username = ?", String.class,
                username);
    }

    private Map<String, Object> account(String username) {
        return db.jdbc().queryForMap("select password_hash, enabled, must_change_password, credentials_version "
                + "from ttdn.person where username = ?", username);
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
