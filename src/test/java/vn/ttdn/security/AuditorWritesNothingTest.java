package vn.ttdn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.support.WebTest;

/**
 * An auditor is read-only everywhere: every operation of the API that is not a GET (read from the
 * OpenAPI document, so that a new one is covered the day it is added) answers 403 to the auditor,
 * with real ids in its path and a body of the type it takes, and no table of the application or
 * the engine changes. Changing one's own password is the one write everybody has. (The audit
 * record's seals are left out of the comparison: the sealer adds them in the background for events
 * that were already there, the auditor's or not.)
 */
@WebTest
class AuditorWritesNothingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.ttdn.support.Chain chain;
    @Autowired
    vn.ttdn.support.RoundDriver rounds;
    @Autowired
    vn.ttdn.audit.AuditSealer sealer;

    /** One's own password and personal API tokens: the writes everybody has on their own account. */
    private static final java.util.Set<String> EVERYONES = java.util.Set.of("/api/account/password",
            "/api/account/tokens", "/api/account/tokens/{id}");

    @Test
    void everyWriteOfTheApiIsRefusedToAnAuditorAndChangesNothing() throws Exception {
        // given: an approval waiting at its first step (a task to try), the API's operations, real ids
        long draft = chain.importSeed(vn.ttdn.support.SeedPlans.QUANG_NGAI, "QNG-TEST-AUDITOR-RO");
        vn.ttdn.support.Chain.ok(chain.start(draft, vn.ttdn.support.Chain.Cast.of("qng").drafter()));
        long issued = jdbc.queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);
        long round = rounds.open(issued, "cv.svhttdl.qng", Map.of("kind", "adhoc", "deadline", "2026-12-30",
                "tasks", List.of("2.3"), "bodies", List.of("QNG-SNGV"))).path("id").asLong();
        JsonNode paths = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                .with(httpBasic("admin", "demo"))).andReturn().getResponse().getContentAsString()).path("paths");
        Map<String, String> ids = Map.of(
                "plans", String.valueOf(jdbc.queryForObject("select min(id) from ttdn.plan", Long.class)),
                "tasks", jdbc.queryForList("select id_ from public.act_ru_task limit 1", String.class).stream()
                        .findFirst().orElse("none"),
                "rounds", String.valueOf(round),
                "instances", jdbc.queryForList("select id_ from public.act_ru_execution where id_ = proc_inst_id_ limit 1",
                        String.class).stream().findFirst().orElse("none"));
        // the auditor's personal API token: it acts as the auditor, read-only alike
        String token = json.readTree(mvc.perform(MockMvcRequestBuilders.post("/api/account/tokens")
                .with(httpBasic("kiemtoan", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Kiểm tra\"}")).andReturn().getResponse().getContentAsString()).path("token").asText();
        sealer.sealAll();
        Map<String, Long> before = counts();
        List<String> answered = new ArrayList<>();
        List<org.springframework.test.web.servlet.request.RequestPostProcessor> signIns = List.of(
                httpBasic("kiemtoan", "demo"), request -> {
                    request.addHeader("Authorization", "Bearer " + token);
                    return request;
                });

        // when: the auditor tries each, with the password and with the token
        for (var signIn : signIns) {
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (method.equals("get") || method.equals("parameters") || EVERYONES.contains(path.getKey())) {
                        continue;
                    }
                    String uri = fill(path.getKey(), ids);
                    boolean multipart = path.getValue().path(method).path("requestBody").path("content")
                            .has(MediaType.MULTIPART_FORM_DATA_VALUE);
                    var request = multipart ? MockMvcRequestBuilders.multipart(uri).file(new org.springframework.mock.web
                            .MockMultipartFile("file", "bao-cao.pdf", "application/pdf", "%PDF-1.4\n".getBytes()))
                            : MockMvcRequestBuilders.request(HttpMethod.valueOf(method.toUpperCase()), uri)
                            .contentType(MediaType.APPLICATION_JSON).content("{}");
                    int status = mvc.perform(request.with(signIn).with(csrf()))
                            .andReturn().getResponse().getStatus();
                    answered.add(status + " " + method.toUpperCase() + " " + uri);
                }
            }
        }

        // then: refused, every one, and nothing written
        assertThat(token).startsWith("ttdn_");
        assertThat(answered).hasSizeGreaterThan(60).allMatch(a -> a.startsWith("403 "), "refused with 403");
        assertThat(counts()).isEqualTo(before);
    }

    /** {code}, {username}, {id}… filled with ids that exist, chosen by the path's resource. */
    private static String fill(String template, Map<String, String> ids) {
        String resource = template.replaceFirst("^/api/([^/]+)/.*$", "$1");
        String id = ids.getOrDefault(resource, "1");
        return template.replace("{id}", id).replace("{planId}", ids.get("plans")).replace("{code}", "QNG-SNGV")
                .replace("{body}", "QNG-SNGV").replace("{username}", "cv.svhttdl.qng").replace("{year}", "2026")
                .replaceAll("\\{[^}]+}", "1");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_schema || '.' || table_name from information_schema.tables "
                + "where table_schema in ('ttdn', 'public') and table_type = 'BASE TABLE' "
                + "and table_name not in ('sign_in_failure', 'flyway_schema_history', 'audit_seal')", String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
