package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** Directory administration over the API: bodies and people created, changed, ended; each change journaled. */
@WebTest
@RecordApplicationEvents
class DirectoryAdminApiTest {

    private static final String[] TABLES = {"body", "body_successor", "body_member", "person", "person_role",
            "person_body_history", "directory_change"};

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ObjectMapper json;
    @Autowired
    DirectoryService directory;
    @Autowired
    ApplicationEvents events;

    @Test
    void anAdministratorCreatesAndChangesABodyAndEveryChangeIsJournaled() throws Exception {
        // given
        Answer created = chain.post("/api/bodies", "admin", Map.of("code", "TSTA-SNGV", "name",
                "Sở Ngoại vụ tỉnh Thử", "shortName", "Sở Ngoại vụ", "kind", "DEPARTMENT", "level", "PROVINCE",
                "parent", "QNG-UBND", "register", "SNGV"));
        assertThat(created.status()).isEqualTo(201);

        // when
        Answer patched = send(patch("/api/bodies/TSTA-SNGV"), Map.of("name", "Sở Ngoại vụ tỉnh Thử nghiệm"));
        Answer replaced = send(put("/api/bodies/TSTA-SNGV"), Map.of("name", "Sở Ngoại vụ tỉnh Thử nghiệm",
                "shortName", "Sở Ngoại vụ", "kind", "DEPARTMENT", "level", "PROVINCE", "validFrom", "2020-01-01"));

        // then
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("register").asText()).isEqualTo("SNGV");
        assertThat(replaced.status()).isEqualTo(200);
        BodyView body = directory.body("TSTA-SNGV").orElseThrow();
        assertThat(body.parent()).isNull();
        assertThat(body.register()).isNull();
        assertThat(body.validFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        JsonNode changes = chain.get("/api/bodies/TSTA-SNGV/changes", "admin").body();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(2).path("action").asText()).isEqualTo("CREATED");
        assertThat(changes.get(2).path("before").isNull()).isTrue();
        assertThat(changes.get(2).path("actor").asText()).isEqualTo("admin");
        assertThat(changes.get(1).path("before").path("name").asText()).isEqualTo("Sở Ngoại vụ tỉnh Thử");
        assertThat(changes.get(1).path("after").path("name").asText()).isEqualTo("Sở Ngoại vụ tỉnh Thử nghiệm");
        assertThat(changes.get(0).path("before").path("parent").asText()).isEqualTo("QNG-UBND");
        assertThat(changes.get(0).path("after").has("parent")).isFalse();
    }

    @Test
    void aBodyRefusedListsEachProblemByItsFieldAndWritesNothing() throws Exception {
        Map<String, Integer> before = counts();

        Answer answer = chain.post("/api/bodies", "admin", Map.of("code", "TSTB-X", "name", "Nhóm thử",
                "shortName", "Nhóm thử", "kind", "DEPARTMENT", "level", "PROVINCE", "parent", "NO-SUCH",
                "validFrom", "2025-01-01", "validTo", "2024-01-01", "members", List.of("NO-BODY")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(paths(answer)).containsExactly("members", "members[0]", "parent", "validTo");
        assertThat(answer.body().path("errors").get(2).path("text").asText())
                .isEqualTo("Không có cơ quan cấp trên mã “NO-SUCH” trong danh bạ.");
        assertThat(counts()).isEqualTo(before);
        assertThat(chain.post("/api/bodies", "admin", Map.of("code", "QNG-UBND", "name", "x", "shortName", "x",
                "kind", "OTHER", "level", "PROVINCE")).status()).isEqualTo(409);
    }

    @Test
    void recordingAnEndNamesTheSuccessorsWithWhatEachTakesOverAndTellsWhoListens() throws Exception {
        // given
        chain.post("/api/bodies", "admin", Map.of("code", "TSTC-OLD", "name", "Sở cũ", "shortName", "Sở cũ",
                "kind", "DEPARTMENT", "level", "PROVINCE"));
        chain.post("/api/bodies", "admin", Map.of("code", "TSTC-NEW", "name", "Sở mới", "shortName", "Sở mới",
                "kind", "DEPARTMENT", "level", "PROVINCE", "validFrom", "2025-03-01"));

        // when
        Answer ended = chain.post("/api/bodies/TSTC-OLD/end", "admin", Map.of("on", "2025-02-28", "successors",
                List.of(Map.of("code", "TSTC-NEW", "relation", "FUNCTION_TRANSFERRED",
                        "takesOver", "công tác thông tin đối ngoại"))));

        // then
        assertThat(ended.status()).isEqualTo(200);
        BodyView old = directory.body("TSTC-OLD").orElseThrow();
        assertThat(old.validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(old.successors()).containsExactly(new BodyView.Successor("TSTC-NEW",
                SuccessorRelation.FUNCTION_TRANSFERRED, "công tác thông tin đối ngoại"));
        assertThat(events.stream(BodyEnded.class).filter(e -> e.code().equals("TSTC-OLD")))
                .singleElement().satisfies(e -> {
                    assertThat(e.on()).isEqualTo(LocalDate.of(2025, 2, 28));
                    assertThat(e.actor()).isEqualTo("admin");
                    assertThat(e.successors()).extracting(BodyView.Successor::takesOver)
                            .containsExactly("công tác thông tin đối ngoại");
                });
        assertThat(chain.get("/api/bodies/TSTC-OLD/changes", "admin").body().get(0).path("action").asText())
                .isEqualTo("ENDED");
        assertThat(chain.post("/api/bodies/TSTC-OLD/end", "admin", Map.of("on", "2025-03-31")).status())
                .isEqualTo(409);
    }

    @Test
    void aSuccessorCycleAndASuccessorThatDidNotExistYetAreRefused() throws Exception {
        chain.post("/api/bodies", "admin", Map.of("code", "TSTD-A", "name", "A", "shortName", "A",
                "kind", "OTHER", "level", "PROVINCE", "validTo", "2025-06-30"));
        chain.post("/api/bodies", "admin", Map.of("code", "TSTD-B", "name", "B", "shortName", "B",
                "kind", "OTHER", "level", "PROVINCE", "validTo", "2025-06-30", "successors",
                List.of(Map.of("code", "TSTD-A", "relation", "RENAMED"))));
        chain.post("/api/bodies", "admin", Map.of("code", "TSTD-C", "name", "C", "shortName", "C",
                "kind", "OTHER", "level", "PROVINCE", "validFrom", "2026-01-01"));
        Map<String, Integer> before = counts();

        Answer cycle = send(patch("/api/bodies/TSTD-A"), Map.of("successors",
                List.of(Map.of("code", "TSTD-B", "relation", "RENAMED"), Map.of("code", "TSTD-C", "relation", "RENAMED"))));

        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.body().path("errors")).extracting(e -> e.path("path").asText() + " " + e.path("code").asText())
                .containsExactly("successors[0].code directory.successorCycle",
                        "successors[1].code directory.successorDates");
        assertThat(cycle.body().path("errors").get(0).path("text").asText()).contains("TSTD-A → TSTD-B → TSTD-A");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anAdministratorCreatesMovesRegrantsAndDeactivatesAPersonAndEveryChangeIsJournaled() throws Exception {
        // given
        Answer created = chain.post("/api/people", "admin", Map.of("username", "cv.thu.qng", "fullName",
                "Nguyễn Thị Thử", "title", "Chuyên viên", "body", "QNG-SNGV", "bodySince", "2024-01-01",
                "email", "thu@example.vn", "roles", List.of("officer")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(directory.account("cv.thu.qng").orElseThrow().passwordHash()).isEqualTo(Accounts.NO_PASSWORD);

        // when
        Answer moved = send(patch("/api/people/cv.thu.qng"), Map.of("body", "QNG-SVHTTDL", "bodySince", "2025-03-01",
                "roles", List.of("officer", "leader")));
        Answer deactivated = send(patch("/api/people/cv.thu.qng"), Map.of("enabled", false));

        // then
        assertThat(moved.status()).isEqualTo(200);
        assertThat(deactivated.status()).isEqualTo(200);
        Account account = directory.account("cv.thu.qng").orElseThrow();
        assertThat(account.bodyCode()).isEqualTo("QNG-SVHTTDL");
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.LEADER);
        assertThat(account.enabled()).isFalse();
        JsonNode person = chain.get("/api/people/cv.thu.qng", "admin").body();
        assertThat(person.path("person").path("bodySince").asText()).isEqualTo("2025-03-01");
        assertThat(person.path("formerBodies").get(0).path("body").asText()).isEqualTo("QNG-SNGV");
        assertThat(person.path("formerBodies").get(0).path("to").asText()).isEqualTo("2025-02-28");
        JsonNode changes = chain.get("/api/people/cv.thu.qng/changes", "admin").body();
        assertThat(changes).extracting(c -> c.path("action").asText())
                .containsExactly("DEACTIVATED", "MOVED", "CREATED");
        assertThat(changes.get(1).path("before").path("body").asText()).isEqualTo("QNG-SNGV");
        assertThat(changes.get(1).path("after").path("body").asText()).isEqualTo("QNG-SVHTTDL");
        // the move shows on the pages of both bodies
        assertThat(chain.get("/api/bodies/QNG-SNGV/changes", "admin").body())
                .anyMatch(c -> c.path("key").asText().equals("cv.thu.qng") && c.path("action").asText().equals("MOVED"));
        assertThat(chain.get("/api/bodies/QNG-SVHTTDL/changes", "admin").body())
                .anyMatch(c -> c.path("key").asText().equals("cv.thu.qng"));
    }

    @Test
    void aPersonRefusedListsEachProblemAndWritesNothing() throws Exception {
        Map<String, Integer> before = counts();

        Answer answer = chain.post("/api/people", "admin", Map.of("username", "cv.sai", "fullName", "Người Sai",
                "body", "NO-SUCH", "roles", List.of("officer", "wizard"), "email", "not-an-address"));
        Answer taken = chain.post("/api/people", "admin", Map.of("username", "admin", "fullName", "X",
                "body", "QTHT", "roles", List.of("admin")));
        Answer future = send(patch("/api/people/cv.vpub.qng"), Map.of("body", "QNG-SNGV", "bodySince",
                LocalDate.now().plusDays(10).toString()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(paths(answer)).containsExactly("body", "email", "roles[1]");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(future.status()).isEqualTo(400);
        assertThat(paths(future)).containsExactly("bodySince");
        assertThat(counts()).isEqualTo(before);
        assertThat(directory.account("cv.vpub.qng").orElseThrow().bodyCode()).isEqualTo("QNG-VPUB");
    }

    @Test
    void everyAdministrationCallByAnyoneElseIsRefusedAndChangesNothing() throws Exception {
        Map<String, Integer> before = counts();
        byte[] file = "bodies:\n  - code: TSTE-X\n    name: X\n    shortName: X\n    kind: OTHER\n    level: PROVINCE\n"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = Map.of("code", "TSTE-Y", "name", "Y", "shortName", "Y", "kind", "OTHER",
                "level", "PROVINCE");
        Map<String, Object> person = Map.of("username", "cv.khac", "fullName", "Khác", "body", "QNG-SNGV",
                "roles", List.of("admin"));
        for (String user : List.of("cv.stttt.qng", "gd.stttt.qng", "vt.ubnd.qng", "giamsat", "kiemtoan")) {
            List<MockHttpServletRequestBuilder> calls = List.of(
                    json(post("/api/bodies"), body),
                    json(put("/api/bodies/QNG-SNGV"), body),
                    json(patch("/api/bodies/QNG-SNGV"), Map.of("name", "Đổi")),
                    json(post("/api/bodies/QNG-SNGV/end"), Map.of("on", "2025-01-01")),
                    json(post("/api/people"), person),
                    json(put("/api/people/" + user), person),
                    json(patch("/api/people/" + user), Map.of("roles", List.of("admin"))),
                    post("/api/directory/import").contentType("application/yaml").content(file),
                    post("/api/directory/import?dryRun=true").contentType("application/yaml").content(file),
                    get("/api/directory/export"),
                    get("/api/bodies/QNG-SNGV/changes"),
                    get("/api/people"));
            for (MockHttpServletRequestBuilder call : calls) {
                assertThat(chain.send(call, user).status()).as(user + " " + call).isEqualTo(403);
            }
        }
        assertThat(counts()).isEqualTo(before);
        assertThat(directory.account("cv.stttt.qng").orElseThrow().roles()).containsExactly(Role.OFFICER);
        assertThat(directory.body("QNG-SNGV").orElseThrow().validTo()).isNull();
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
    }

    private Answer send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        return chain.send(json(request, body), "admin");
    }

    static List<String> paths(Answer answer) {
        List<String> paths = new java.util.ArrayList<>();
        answer.body().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, db.count(table));
        }
        return counts;
    }
}
