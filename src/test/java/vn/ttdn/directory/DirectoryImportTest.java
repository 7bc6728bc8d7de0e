package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** The directory file imported (tried first, then all or nothing) and exported. */
@WebTest
class DirectoryImportTest {

    private static final String[] TABLES = {"body", "body_successor", "body_member", "person", "person_role",
            "person_body_history", "directory_change"};

    /** Every kind of problem, each where it is. */
    static final String BAD = """
            bodies:
              - code: TSTX-UBND
                name: Ủy ban nhân dân tỉnh Thử
                shortName: Ủy ban nhân dân tỉnh
                kind: PEOPLES_COMMITTEE
                level: PROVINCE
                parent: TSTX-NOWHERE
              - code: TSTX-UBND
                name: Trùng mã
                shortName: Trùng mã
                kind: OTHER
                level: PROVINCE
              - code: TSTX-A
                name: A
                shortName: A
                kind: DEPARTMENT
                level: PROVINCE
                validTo: 2025-02-28
                successors:
                  - code: TSTX-B
                    relation: RENAMED
              - code: TSTX-B
                name: B
                shortName: B
                kind: DEPARTMENT
                level: PROVINCE
                validTo: 2025-02-28
                successors:
                  - code: TSTX-A
                    relation: RENAMED
              - code: TSTX-SBN
                name: Các sở
                shortName: Các sở
                kind: COLLECTIVE
                level: PROVINCE
                members: [TSTX-A, TSTX-GHOST]
              - code: TSTX-D
                name: D
                shortName: D
                kind: DEPARTMENT
                level: PROVINCE
                validFrom: 2025-13-01
                validTo: 2020-01-01
              - code: TSTX-E
                name: E
                shortName: E
                kind: DEPARTMENT
                level: PROVINCE
                validFrom: 2025-01-01
                validTo: 2024-12-31
              - code: TSTX-F
                name: F
                shortName: F
                kind: DEPARTMENT
                level: PROVINCE
                register: sngv thử
            people:
              - username: cv.tstx
                fullName: Người Thử
                body: TSTX-NOWHERE
                roles: [officer]
              - username: cv.tstx2
                fullName: Người Thử Hai
                body: QNG-SNGV
                roles: [officer, magician]
              - username: cv.tstx2
                fullName: Trùng
                body: QNG-SNGV
                roles: [officer]
            """;

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DirectoryAdmin admin;

    @Test
    void aFileWithEveryKindOfProblemAnswersEachByItsPathAndWritesNothing() throws Exception {
        for (String query : List.of("", "?dryRun=true")) {
            Map<String, Integer> before = counts();

            Answer answer = importFile(BAD, query);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("errors")).extracting(e -> e.path("path").asText() + " " + e.path("code").asText())
                    .containsExactly(
                            "bodies[0].parent directory.unknownParent",
                            "bodies[1].code directory.duplicateCode",
                            "bodies[2].successors[0].code directory.successorCycle",
                            "bodies[3].successors[0].code directory.successorCycle",
                            "bodies[4].members[1] directory.unknownMember",
                            "bodies[5].validFrom directory.date",
                            "bodies[6].validTo directory.validToBeforeFrom",
                            "bodies[7].register directory.register",
                            "people[0].body directory.unknownBody",
                            "people[1].roles[1] directory.unknownRole",
                            "people[2].username directory.duplicateUsername");
            assertThat(answer.body().path("errors")).allSatisfy(e -> assertThat(e.path("text").asText()).isNotBlank());
            assertThat(answer.body().path("written").asBoolean()).isFalse();
            assertThat(counts()).as("nothing written").isEqualTo(before);
        }
    }

    @Test
    void aDryRunListsWhatWouldBeAddedChangedAndLeftAndWritesNothingTheImportWritesIt() throws Exception {
        // given
        String file = """
                bodies:
                  - code: TSTY-SNEW
                    name: Sở Mới tỉnh Thử
                    shortName: Sở Mới
                    kind: DEPARTMENT
                    level: PROVINCE
                    parent: TSTY-UBND
                    register: SNgV
                  - code: TSTY-UBND
                    name: Ủy ban nhân dân tỉnh Thử
                    shortName: Ủy ban nhân dân tỉnh
                    kind: PEOPLES_COMMITTEE
                    level: PROVINCE
                    register: UBND
                  - code: QNG-UBND
                    name: Ủy ban nhân dân tỉnh Quảng Ngãi
                    shortName: UBND tỉnh
                    kind: PEOPLES_COMMITTEE
                    level: PROVINCE
                    register: UBND
                people:
                  - username: cv.tsty
                    fullName: Trần Văn Thử
                    title: Chuyên viên
                    body: TSTY-SNEW
                    email: cv.tsty@example.vn
                    roles: [officer]
                  - username: cv.vpub.qng
                    fullName: Huỳnh Ngọc Lộc
                    title: Chuyên viên Văn phòng UBND tỉnh (đã đổi)
                    body: QNG-VPUB
                    email: cv.vpub.qng@demo.ttdn.vn
                    roles: [officer]
                """;
        Map<String, Integer> before = counts();

        // when
        Answer dry = importFile(file, "?dryRun=true");

        // then
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.body().path("written").asBoolean()).isFalse();
        assertThat(list(dry.body().path("bodies").path("added"))).containsExactly("TSTY-SNEW", "TSTY-UBND");
        assertThat(list(dry.body().path("bodies").path("changed"))).isEmpty();
        assertThat(list(dry.body().path("bodies").path("unchanged"))).containsExactly("QNG-UBND");
        assertThat(list(dry.body().path("people").path("added"))).containsExactly("cv.tsty");
        assertThat(list(dry.body().path("people").path("changed"))).containsExactly("cv.vpub.qng");
        assertThat(counts()).isEqualTo(before);

        // when
        Answer real = importFile(file, "");

        // then
        assertThat(real.status()).isEqualTo(200);
        assertThat(real.body().path("written").asBoolean()).isTrue();
        assertThat(real.body().path("bodies")).isEqualTo(dry.body().path("bodies"));
        assertThat(db.count("body")).isEqualTo(before.get("body") + 2);
        assertThat(db.count("person")).isEqualTo(before.get("person") + 1);
        assertThat(db.count("directory_change")).isEqualTo(before.get("directory_change") + 4);
        assertThat(admin.person("cv.tsty").orElseThrow().body()).isEqualTo("TSTY-SNEW");
        assertThat(db.jdbc().queryForObject("select register from ttdn.body where code = 'TSTY-SNEW'", String.class))
                .as("a symbol in use with small letters").isEqualTo("SNgV");
        assertThat(admin.person("cv.vpub.qng").orElseThrow().title()).endsWith("(đã đổi)");
        assertThat(admin.changesOfBody("TSTY-SNEW")).extracting(DirectoryChange::action)
                .contains("CREATED");

        // and again: nothing left to do
        Answer again = importFile(file, "?dryRun=true");
        assertThat(list(again.body().path("bodies").path("unchanged"))).hasSize(3);
        assertThat(list(again.body().path("people").path("unchanged"))).hasSize(2);
    }

    @Test
    void theExportImportedAgainChangesNothing() throws Exception {
        // given
        Chain.Download export = chain.download("/api/directory/export", "admin");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/yaml");
        String text = new String(export.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("code: QNG-STTTT").contains("relation: FUNCTION_TRANSFERRED")
                .contains("username: admin").doesNotContain("password").doesNotContain("$2a$");
        Map<String, Integer> before = counts();

        // when
        Answer answer = importFile(text, "");

        // then
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        assertThat(list(answer.body().path("bodies").path("added"))).isEmpty();
        assertThat(list(answer.body().path("bodies").path("changed"))).isEmpty();
        assertThat(list(answer.body().path("people").path("added"))).isEmpty();
        assertThat(list(answer.body().path("people").path("changed"))).isEmpty();
        assertThat(list(answer.body().path("bodies").path("unchanged"))).hasSize(before.get("body"));
        assertThat(counts()).isEqualTo(before);
        assertThat(chain.download("/api/directory/export", "admin").content()).isEqualTo(export.content());
    }

    private Answer importFile(String content, String query) throws Exception {
        return chain.send(post("/api/directory/import" + query).contentType("application/yaml")
                .content(content.getBytes(StandardCharsets.UTF_8)), "admin");
    }

    private static List<String> list(JsonNode array) {
        List<String> items = new java.util.ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return items;
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, db.count(table));
        }
        return counts;
    }
}
