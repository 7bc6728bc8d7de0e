package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** Every process instance is catalogued when it starts (plan, round, body, parent, root) and when it ends. */
@WebTest
@ExtendWith(EngineClock.class)
class InstanceCatalogTest {

    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;

    @Test
    void approvalRoundAndReportInstancesAreCataloguedWithTheirPlanRoundAndBody() throws Exception {
        // given: a plan taken through approval, and a round of one task opened on it
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-CATALOG", "qng");
        long roundId = rounds.open(planId, "cv.svhttdl.qng", Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.3"), "bodies", List.of("QNG-SNGV"))).path("id").asLong();

        // then: the approval, ended, under the plan and its consolidating body
        Map<String, Object> approval = db.jdbc().queryForMap("select * from ttdn.process_instance_info "
                + "where plan_id = ? and process_key = 'plan-approval'", planId);
        assertThat(approval).containsEntry("business_key", "QNG-TEST-CATALOG").containsEntry("body_code", "QNG-STTTT");
        assertThat(approval.get("ended_at")).isNotNull();
        assertThat(approval.get("root_instance_id")).isEqualTo(approval.get("instance_id"));
        // the round, running, and the Sở Ngoại vụ's report under it
        Map<String, Object> round = db.jdbc().queryForMap("select * from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'report-round'", roundId);
        assertThat(round).containsEntry("plan_id", planId).containsEntry("business_key", "round-" + roundId);
        assertThat(round.get("ended_at")).isNull();
        Map<String, Object> report = db.jdbc().queryForMap("select * from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'agency-report'", roundId);
        assertThat(report).containsEntry("body_code", "QNG-SNGV").containsEntry("plan_id", planId)
                .containsEntry("super_instance_id", round.get("instance_id"))
                .containsEntry("root_instance_id", round.get("instance_id"));

        // when: the report goes through, the report's instance has ended
        rounds.reportStraight(planId, roundId, "QNG-SNGV", rounds.person("QNG-SNGV", Role.OFFICER),
                rounds.person("QNG-SNGV", Role.LEADER), "cv.svhttdl.qng");
        assertThat(db.jdbc().queryForObject("select ended_at is not null from ttdn.process_instance_info "
                + "where instance_id = ?", Boolean.class, report.get("instance_id"))).isTrue();
    }
}
