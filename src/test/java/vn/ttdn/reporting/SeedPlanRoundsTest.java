package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.WebTest;

/**
 * Each of the five seed plans, as the demo loads it (issued), through a whole round by the API: its
 * consolidating body as it stands in December 2026 opens an ad-hoc round, every body asked reports as
 * its demo officer and leader and is received, the round stands ready; its officer submits the
 * consolidated report as drafted, its leader approves it (a State number, or a Party one for the
 * Ban Tuyên giáo), it is sent, and its Word file passes the Decree 30 (or Guidance 36) checker.
 */
@WebTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class SeedPlanRoundsTest {

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void assertions() {
        AbstractAssertions.init(engine);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "QNG-KH-116, QNG-SVHTTDL, QNG-STTTT, \\d\\d+/BC-SVHTTDL",
            "NTH-KH-NQ47, NTH-SVHTTDL, NTH-STTTT, \\d\\d+/BC-SVHTTDL",
            "NDH-KH-NQ47, NDH-SVHTTDL, NDH-STTTT, \\d\\d+/BC-SVHTTDL",
            "DLK-KH-NQ47, DLK-SVHTTDL, DLK-STTTT, \\d\\d+/BC-SVHTTDL",
            "PRTC-KH-256, NTH-BTGTU, PRTC-BTG, \\d\\d+-BC/BTGTU"})
    void everyBodyAskedReportsAndTheRoundIsConsolidated(String planCode, String consolidating, String named,
                                                        String numberPattern) throws Exception {
        long planId = db.jdbc().queryForObject("select id from ttdn.plan where code = ?", Long.class, planCode);
        String officer = rounds.person(consolidating, Role.OFFICER);

        JsonNode round = rounds.open(planId, officer, Map.of("kind", "adhoc", "label", "Kiểm tra toàn bộ chuỗi",
                "deadline", "2026-12-28"));
        long roundId = round.path("id").asLong();
        assertThat(round.path("consolidatingBody").path("code").asText()).isEqualTo(consolidating);
        assertThat(round.path("consolidatingBody").path("replaces").path("code").asText()).isEqualTo(named);
        assertThat(round.path("bodies").size()).isPositive();

        for (JsonNode body : round.path("bodies")) {
            String code = body.path("code").asText();
            rounds.reportStraight(planId, roundId, code, rounds.person(code, Role.OFFICER),
                    rounds.person(code, Role.LEADER), officer);
        }

        JsonNode view = rounds.round(roundId, officer);
        assertThat(view.path("status").asText()).isEqualTo("ready");
        assertThat(view.path("counts").path("received").asInt()).isEqualTo(view.path("bodies").size());
        assertThat(rounds.instance(roundId)).isWaitingAt("callActivity_consolidation");

        // the consolidated report, submitted as drafted, approved by the consolidating body's leader, sent
        String draft = rounds.task(planId, "userTask_draftConsolidation", consolidating, officer);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", officer, null));
        JsonNode data = rounds.form(draft, officer).path("data");
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (String part : List.of("achievements", "shortcomings", "causes", "directions", "recommendations")) {
            assertThat(data.path(part).asText()).as(part).isNotBlank();
            values.put(part, data.path(part).asText());
        }
        Chain.ok(chain.post("/api/tasks/" + draft + "/complete", officer, values));
        String leader = rounds.person(consolidating, Role.LEADER);
        rounds.decide(planId, "userTask_approveConsolidation", consolidating, leader, null);
        rounds.runConsolidationJobs(roundId);
        JsonNode sent = Chain.ok(chain.get("/api/rounds/" + roundId + "/consolidation", officer)).body();
        assertThat(sent.path("state").asText()).isEqualTo("SENT");
        assertThat(sent.path("number").asText()).matches(numberPattern);
        assertThat(sent.path("letterhead").path("party").asBoolean()).isEqualTo(consolidating.endsWith("BTGTU"));
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.consolidated_delivery where round_id = ?",
                Integer.class, roundId)).isPositive();
        java.nio.file.Path docx = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"))
                .resolve("seed-" + planCode + ".docx");
        java.nio.file.Files.write(docx, chain.download("/api/rounds/" + roundId + "/export?format=docx", officer)
                .content());
        vn.ttdn.documents.DocxCheck.Result check = vn.ttdn.documents.DocxCheck.run(docx,
                sent.path("signer").path("name").asText());
        assertThat(check.problems()).as(planCode + ": " + check.summary()).isEmpty();
    }

}
