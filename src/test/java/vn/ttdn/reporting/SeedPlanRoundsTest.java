package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * its demo officer and leader and is received, and the round stands ready to consolidate.
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
            "QNG-KH-116, QNG-SVHTTDL, QNG-STTTT",
            "NTH-KH-NQ47, NTH-SVHTTDL, NTH-STTTT",
            "NDH-KH-NQ47, NDH-SVHTTDL, NDH-STTTT",
            "DLK-KH-NQ47, DLK-SVHTTDL, DLK-STTTT",
            "PRTC-KH-256, NTH-BTGTU, PRTC-BTG"})
    void everyBodyAskedReportsAndTheRoundIsReady(String planCode, String consolidating, String named)
            throws Exception {
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
    }

}
