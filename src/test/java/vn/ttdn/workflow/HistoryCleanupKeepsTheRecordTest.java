package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.audit.AuditSealer;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The engine's history cleanup removes what outlived its time to live; the audit record and its
 * chain are not the engine's, and keep every event: the timeline and the replay of a cleaned-up
 * instance still read, and the chain is intact. On a database of its own (the demo loaded into it),
 * since the cleanup removes the finished history of every other test too.
 */
@org.springframework.boot.test.context.SpringBootTest(properties = {
        vn.ttdn.support.EmbeddedPostgresInitializer.FRESH_DATABASE + "=true",
        "camunda.bpm.job-execution.enabled=false"})
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
@org.springframework.context.annotation.Import({Db.class, WebTest.Beans.class})
@ExtendWith(EngineClock.class)
class HistoryCleanupKeepsTheRecordTest {

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuditSealer sealer;
    @Autowired
    AuditRecord record;

    @Test
    void historyCleanupLeavesTheAuditRecordWhole() throws Exception {
        // given: an approval finished and sealed into the chain
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-CLEANUP", "qng");
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where plan_id = ? and process_key = 'plan-approval'", String.class, planId);
        sealer.sealAll();
        int events = db.jdbc().queryForObject("select count(*) from ttdn.audit_event where instance_id = ?",
                Integer.class, instance);
        assertThat(events).isGreaterThan(10);

        // when: eleven years on (its history is kept 3650 days), the engine's history cleanup runs
        ClockUtil.setCurrentTime(Date.from(EngineClock.START.plusYears(11).toInstant()));
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());

        // then: the engine's history of the instance is gone, the record of it is whole
        assertThat(db.jdbc().queryForObject("select count(*) from public.act_hi_procinst where id_ = ?", Integer.class,
                instance)).isZero();
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.audit_event where instance_id = ?",
                Integer.class, instance)).isEqualTo(events);
        assertThat(record.verify().intact()).isTrue();
        JsonNode timeline = Chain.ok(chain.get("/api/instances/" + instance + "/timeline", "kiemtoan")).body();
        assertThat(timeline.path("events").size()).isEqualTo(events);
        assertThat(Chain.ok(chain.get("/api/instances/" + instance + "/model", "kiemtoan")).body().path("xml").asText())
                .contains("userTask_issue");
    }
}
