package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ttdn.support.Api;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Issue 11 §4, hostile input, tried as an attacker would (each a row of docs/security.md): the
 * pages' Content-Security-Policy and the API's; a page write without its CSRF token, every one of
 * them; text in NFD, from a plan file, the API's JSON and a page's form;
 * HTML and script typed into a plan, kept as typed and shown escaped.
 */
@WebTest
class HostileInputTest {

    private static final String OFFICER = "cv.stttt.qng";
    private static final String PAYLOAD = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">"
            + "\"'><b>đậm</b>";

    @Autowired
    MockMvc mvc;
    @Autowired
    Chain chain;
    @Autowired
    Api api;
    @Autowired
    Pages pages;
    @Autowired
    Db db;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void pagesAndTheApiSendTheirContentSecurityPolicyAndThePagesTheirOtherHeaders() throws Exception {
        MockHttpServletResponse page = pages.open("/ke-hoach", OFFICER);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfiguration.PAGE_POLICY)
                .contains("script-src 'self';").doesNotContain("unsafe-eval").contains("object-src 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        MockHttpServletResponse login = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(login.getHeader("Content-Security-Policy")).as("signed out too").isEqualTo(SecurityConfiguration.PAGE_POLICY);

        MockHttpServletResponse answer = mvc.perform(get("/api/plans").with(org.springframework.security.test.web
                .servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(OFFICER, "demo"))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /**
     * Every page request that changes something (each POST, PUT, PATCH and DELETE the pages map, read
     * from the application's own mappings so that a new one is covered the day it is added), sent from a
     * signed-in session without the CSRF token, as a forged form on another site would: 403, and no
     * table changes. The same request with its token gets past the check (the test can fail).
     */
    @Test
    void everyStateChangingPageRequestWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        long planId = api.importCopy(SeedPlans.QUANG_NGAI, "QNG-CSRF");
        MockHttpSession session = pages.login(OFFICER);
        List<String> writes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/v3/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                        writes.add(method.name() + " " + pattern.replaceAll("\\{id}|\\{planId}", String.valueOf(planId))
                                .replaceAll("\\{[^}]+}", "1"));
                    }
                }
            }
        }
        writes.add("POST /logout");
        writes.add("POST /login");
        Map<String, String> before = db.snapshot();

        List<String> answered = new ArrayList<>();
        for (String write : writes) {
            String[] parts = write.split(" ", 2);
            int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), parts[1]).session(session)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("reason", "giả mạo")
                            .param("title", "giả mạo").param("username", OFFICER).param("password", "demo"))
                    .andReturn().getResponse().getStatus();
            answered.add(status + " " + write);
        }
        int apiWrite = mvc.perform(post("/api/plans/" + planId + "/approval").session(session))
                .andReturn().getResponse().getStatus();

        assertThat(writes).as("the pages' writes found").hasSizeGreaterThan(25);
        assertThat(answered).allMatch(a -> a.startsWith("403 "), "refused with 403");
        assertThat(apiWrite).as("an API write riding on the page session without the token").isEqualTo(403);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getStatus()).isEqualTo(302);
        int withToken = mvc.perform(post("/api/plans/" + planId + "/approval").session(session).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(withToken).as("the same write with its token").isNotEqualTo(403);
    }

    /**
     * Vietnamese typed in NFD (a base letter with combining marks, as some Mac and PDF copies give) is
     * kept in NFC wherever it comes in: a plan file (the same plan as its NFC copy, body names and all),
     * the API's JSON, a page's form; so that it compares and searches equal to what a Vietnamese
     * keyboard types.
     */
    @Test
    void textInNfdIsKeptInNfcFromAPlanFileTheApiAndAPageForm() throws Exception {
        String nfc = new String(SeedPlans.variant(SeedPlans.QUANG_NGAI, "QNG-NFD", p -> { }), StandardCharsets.UTF_8);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        Chain.Answer imported = chain.send(post("/api/plans").contentType("application/yaml")
                .content(nfd.getBytes(StandardCharsets.UTF_8)), "admin");
        assertThat(imported.status()).isEqualTo(201);
        long id = imported.body().path("id").asLong();
        long copy = api.importCopy(SeedPlans.QUANG_NGAI, "QNG-NFC");
        JsonNode fromNfd = api.get("/api/plans/" + id, "admin");
        JsonNode fromNfc = api.get("/api/plans/" + copy, "admin");
        assertThat(fromNfd.path("title").asText()).isEqualTo(fromNfc.path("title").asText())
                .startsWith("Thực hiện Nghị quyết số 47/NQ-CP");
        assertThat(fromNfd.path("groups").toString()).isEqualTo(fromNfc.path("groups").toString());
        assertThat(db.jdbc().queryForObject("select title = normalize(title, NFC) from ttdn.plan where id = ?",
                Boolean.class, id)).isTrue();

        String groupNfd = Normalizer.normalize("Nhóm đổi tên qua API: Tuyên truyền đối ngoại", Normalizer.Form.NFD);
        JsonNode plan = api.get("/api/plans/" + id, "admin");
        Chain.Answer renamed = chain.send(request(HttpMethod.PUT, "/api/plans/" + id + "/groups/1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + plan.path("version").asInt()
                        + ",\"title\":\"" + groupNfd + "\"}"), OFFICER);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/api/plans/" + id, "admin").path("groups").get(0).path("title").asText())
                .isEqualTo("Nhóm đổi tên qua API: Tuyên truyền đối ngoại");

        MockHttpSession officer = pages.login(OFFICER);
        Document renaming = pages.page("/ke-hoach/" + id + "/sua?nhom=2", officer);
        pages.submit(renaming, "group-form", officer, Map.of("title", List.of(
                Normalizer.normalize("Nhóm đổi tên qua trang: Quảng bá hình ảnh", Normalizer.Form.NFD))));
        assertThat(api.get("/api/plans/" + id, "admin").path("groups").get(1).path("title").asText())
                .isEqualTo("Nhóm đổi tên qua trang: Quảng bá hình ảnh");
    }

    /**
     * Every letter of Vietnamese, typed in NFD into a plan's title and a group's, comes back letter for
     * letter, in NFC, from the plan's API and its export (the Word, Excel and PDF files: {@code
     * EveryLetterSurvivesTest}).
     */
    @Test
    void everyLetterTypedInNfdSurvivesImportAndExport() throws Exception {
        String letters = vn.ttdn.documents.EveryLetterSurvivesTest.LETTERS;
        byte[] plan = SeedPlans.variant(SeedPlans.QUANG_NGAI, "QNG-LETTERS", p -> {
            p.put("title", Normalizer.normalize("Chữ: " + letters, Normalizer.Form.NFD));
            ((com.fasterxml.jackson.databind.node.ObjectNode) p.path("groups").get(0))
                    .put("title", Normalizer.normalize("Nhóm " + letters, Normalizer.Form.NFD));
        });
        Chain.Answer imported = chain.send(post("/api/plans").contentType("application/yaml").content(plan), "admin");
        assertThat(imported.status()).as("%s", imported).isEqualTo(201);
        long id = imported.body().path("id").asLong();

        JsonNode read = api.get("/api/plans/" + id, "admin");
        String export = pages.open("/api/plans/" + id + "/export", "admin").getContentAsString(StandardCharsets.UTF_8);

        assertThat(read.path("title").asText()).isEqualTo("Chữ: " + letters);
        assertThat(read.path("groups").get(0).path("title").asText()).isEqualTo("Nhóm " + letters);
        JsonNode exported = SeedPlans.YAML.readTree(export);
        assertThat(exported.path("title").asText()).isEqualTo("Chữ: " + letters);
        assertThat(exported.path("groups").get(0).path("title").asText()).isEqualTo("Nhóm " + letters);
        assertThat(db.jdbc().queryForObject("select title from ttdn.plan where id = ?", String.class, id))
                .isEqualTo("Chữ: " + letters);
    }

    /**
     * HTML and script typed into a plan (its title, a group, a task) are kept exactly as typed and
     * come back escaped on the plan page and the edit page: no element of theirs appears. (The browser
     * test XssBrowserIT checks that nothing of them runs.)
     */
    @Test
    void htmlAndScriptTypedIntoAPlanAreKeptAsTypedAndShownEscaped() throws Exception {
        long id = api.importCopy(SeedPlans.QUANG_NGAI, "QNG-XSS-MVC");
        JsonNode plan = api.get("/api/plans/" + id, "admin");
        Chain.Answer renamed = chain.send(request(HttpMethod.PUT, "/api/plans/" + id + "/groups/1")
                .contentType(MediaType.APPLICATION_JSON).content(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(Map.of("version", plan.path("version").asInt(), "title", PAYLOAD))), OFFICER);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/api/plans/" + id, "admin").path("groups").get(0).path("title").asText()).isEqualTo(PAYLOAD);

        for (String path : List.of("/ke-hoach/" + id, "/ke-hoach/" + id + "/sua")) {
            String html = pages.open(path, OFFICER).getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(html).as(path).doesNotContain("<script>window.__xss").doesNotContain("onerror=\"window.__xss")
                    .contains("&lt;script&gt;window.__xss=1&lt;/script&gt;");
            assertThat(page.select("img[onerror], b:containsOwn(đậm)")).as(path).isEmpty();
            assertThat(page.text()).as(path).contains(PAYLOAD);
        }
    }
}
