package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.MockMvcSessions;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** Each rule of who may do what, tried by the wrong person. */
@WebTest
class AccessRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    Db db;

    @Test
    void withoutCredentialsTheApiAnswers401WithoutABrowserChallenge() throws Exception {
        mvc.perform(get("/api/plans"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/plans").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesSendStrangersToTheLoginPage() throws Exception {
        mvc.perform(get("/ke-hoach")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void officersSeeOnlyThePlansThatNameTheirBody() throws Exception {
        assertThat(api.planCodesSeenBy("cv.stttt.ndh")).contains("NDH-KH-NQ47").doesNotContain("QNG-KH-116", "DLK-KH-NQ47");
        assertThat(api.planCodesSeenBy("cv.stttt.qng")).contains("QNG-KH-116").doesNotContain("NDH-KH-NQ47", "PRTC-KH-256");
        // a department that a plan names only through "Các sở, ban, ngành" still sees it
        assertThat(api.planCodesSeenBy("cv.svhttdl.nth")).contains("NTH-KH-NQ47").doesNotContain("QNG-KH-116");
        // the UBND office works for the UBND, which issues the plan
        assertThat(api.planCodesSeenBy("cv.vpub.dlk")).contains("DLK-KH-NQ47").doesNotContain("NDH-KH-NQ47");
        assertThat(api.planCodesSeenBy("cv.btg.prtc")).contains("PRTC-KH-256").doesNotContain("NTH-KH-NQ47");
    }

    @Test
    void supervisorsAuditorsAndAdminsSeeEveryPlan() throws Exception {
        for (String user : List.of("giamsat", "kiemtoan", "admin")) {
            assertThat(api.planCodesSeenBy(user)).as(user).containsAll(List.of("QNG-KH-116", "NDH-KH-NQ47", "NTH-KH-NQ47",
                    "DLK-KH-NQ47", "PRTC-KH-256"));
        }
    }

    @Test
    void aPlanThatDoesNotConcernTheOfficerIsForbidden() throws Exception {
        long qng = api.idOf("QNG-KH-116");
        mvc.perform(get("/api/plans/" + qng).with(httpBasic("cv.stttt.ndh", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/plans/" + qng + "/export").with(httpBasic("cv.stttt.ndh", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/plans/" + qng).with(httpBasic("cv.stttt.qng", "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/plans/999999").with(httpBasic("admin", "demo"))).andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsListUsers() throws Exception {
        mvc.perform(get("/api/users").with(httpBasic("cv.stttt.qng", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("giamsat", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'ct.ubnd.qng')].body.code").value("QNG-UBND"))
                .andExpect(jsonPath("$[?(@.username == 'ct.ubnd.qng')].roles[0]").value("leader"))
                .andExpect(jsonPath("$[?(@.username == 'admin')].roles[0]").value("admin"))
                .andExpect(jsonPath("$[0].password").doesNotExist())
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void everyoneSignedInReadsTheDirectory() throws Exception {
        mvc.perform(get("/api/bodies").with(httpBasic("cv.stttt.qng", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'QNG-STTTT')].validTo").value("2025-02-28"))
                .andExpect(jsonPath("$[?(@.code == 'QNG-STTTT')].successors[*].code")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("QNG-SKHCN", "QNG-SVHTTDL")));
    }

    @Test
    void theEngineRestApiIsForAdminsOnly() throws Exception {
        mvc.perform(get("/engine-rest/engine").with(httpBasic("cv.stttt.qng", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/engine").with(httpBasic("giamsat", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/engine")).andExpect(status().isUnauthorized());
    }

    @Test
    void theCamundaWebappsAreForAdminsOnly() throws Exception {
        MockHttpSession officer = login("cv.stttt.qng");
        mvc.perform(get("/camunda/app/cockpit/default/").session(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/camunda/api/admin/auth/user/default").session(officer)).andExpect(status().isForbidden());
    }

    @Test
    void aBrowserSessionMustCarryTheCsrfTokenToImport() throws Exception {
        MockHttpSession admin = login("admin");
        int before = db.count("plan");
        byte[] file = SeedPlans.variant(SeedPlans.QUANG_NGAI, "T-CSRF", plan -> { });

        mvc.perform(post("/api/plans").session(admin).contentType(MediaType.parseMediaType("application/yaml"))
                .content(file)).andExpect(status().isForbidden());
        assertThat(db.count("plan")).isEqualTo(before);

        mvc.perform(post("/api/plans").session(admin).with(csrf())
                .contentType(MediaType.parseMediaType("application/yaml")).content(file))
                .andExpect(status().isCreated());
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        // the session (in the database) the sign-in page made for a stranger
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        String before = MockMvcSessions.idOf(session);
        assertThat(before).isNotNull();

        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                .param("username", "cv.stttt.qng").param("password", "demo")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        String after = MockMvcSessions.idOf(result.getRequest().getSession(false));
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(db.jdbc().queryForList("select principal_name from ttdn.http_session where session_id in (?, ?)",
                String.class, before, after)).containsExactly("cv.stttt.qng");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        mvc.perform(formLogin("/login").user("cv.stttt.qng").password("sai"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/login?error"));
    }

    private MockHttpSession login(String user) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(user).password("demo")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
