package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditEntry;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.support.Chain;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.WebTest;

/**
 * What the engine does reaches the audit record, event by event, with its actor and their body as
 * named that day: an approval started, its Tờ trình drafted, returned by the director with a reason,
 * claimed, released, claimed again and resubmitted, approved and issued.
 */
@WebTest
@ExtendWith(EngineClock.class)
class AuditTrailTest {

    @Autowired
    Chain chain;
    @Autowired
    AuditRecord record;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void anApprovalWithAReturnIsRecordedEventByEvent() throws Exception {
        // given: a draft plan of Quảng Ngãi, its approval started
        long planId = chain.importSeed(vn.ttdn.support.SeedPlans.QUANG_NGAI, "QNG-TEST-AUDIT-1");
        Chain.Cast cast = Chain.Cast.of("qng");
        Chain.ok(chain.start(planId, cast.drafter()));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("QNG-TEST-AUDIT-1")
                .singleResult().getId();

        // when: drafted, returned, claimed and released, then resubmitted and taken to issued
        chain.act(planId, "userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        chain.act(planId, "userTask_directorApproval", cast.director(), Map.of("decision", "return",
                "reason", "Bổ sung căn cứ pháp lý"));
        String again = chain.task(planId, "userTask_draftSubmission", cast.drafter());
        Chain.ok(chain.post("/api/tasks/" + again + "/claim", cast.drafter(), null));
        Chain.ok(chain.post("/api/tasks/" + again + "/unclaim", cast.drafter(), null));
        chain.act(planId, "userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        chain.act(planId, "userTask_directorApproval", cast.director(), Map.of("decision", "approve"));
        chain.act(planId, "userTask_officeReview", cast.reviewer(), Map.of("reviewOpinion", "Đủ điều kiện ban hành."));
        chain.act(planId, "userTask_issuerDecision", cast.leader(), Map.of("decision", "approve"));
        chain.act(planId, "userTask_issue", cast.clerk(), Map.of("issueDate", "2026-11-20"));

        // then: every event, in order, with who did it
        List<AuditEntry> timeline = record.timeline(instance);
        assertThat(timeline).extracting(e -> e.kind() + " " + (e.activityId() == null ? "" : e.activityId()) + " "
                + (e.actor() == null ? "-" : e.actor().username())).containsExactly(
                "process.started startEvent_planDraft " + cast.drafter(),
                // the Tờ trình goes to its drafter straight away, and back to them when returned
                "task.created userTask_draftSubmission " + cast.drafter(),
                "task.completed userTask_draftSubmission " + cast.drafter(),
                "task.created userTask_directorApproval " + cast.drafter(),
                "task.claimed userTask_directorApproval " + cast.director(),
                "task.returned userTask_directorApproval " + cast.director(),
                "task.created userTask_draftSubmission " + cast.director(),
                "task.released userTask_draftSubmission " + cast.drafter(),
                "task.claimed userTask_draftSubmission " + cast.drafter(),
                "task.completed userTask_draftSubmission " + cast.drafter(),
                "task.created userTask_directorApproval " + cast.drafter(),
                "task.claimed userTask_directorApproval " + cast.director(),
                "task.completed userTask_directorApproval " + cast.director(),
                "task.created userTask_officeReview " + cast.director(),
                "task.claimed userTask_officeReview " + cast.reviewer(),
                "task.completed userTask_officeReview " + cast.reviewer(),
                "task.created userTask_issuerDecision " + cast.reviewer(),
                "task.claimed userTask_issuerDecision " + cast.leader(),
                "task.completed userTask_issuerDecision " + cast.leader(),
                "task.created userTask_issue " + cast.leader(),
                "task.claimed userTask_issue " + cast.clerk(),
                "task.completed userTask_issue " + cast.clerk(),
                "number.issued userTask_issue " + cast.clerk(),
                "process.ended endEvent_planIssued " + cast.clerk());
        AuditEntry returned = timeline.get(5);
        assertThat(returned.details().path("data").path("reason").asText()).isEqualTo("Bổ sung căn cứ pháp lý");
        assertThat(returned.actor().name()).isEqualTo("Hoàng Minh Hoa");
        assertThat(returned.actor().bodyName()).isEqualTo("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        assertThat(returned.planId()).isEqualTo(planId);
        assertThat(timeline.get(1).details().path("assignee").asText()).isEqualTo(cast.drafter());
        assertThat(timeline.get(3).details().path("candidateGroups").toString()).contains("leader.QNG-STTTT");
        assertThat(timeline.get(2).details().path("data").path("number").asText()).isEqualTo("45/TTr-STTTT");
        assertThat(timeline.get(7).details().path("from").asText()).isEqualTo(cast.drafter());
        assertThat(timeline.get(timeline.size() - 2).details().path("reference").asText()).endsWith("/KH-UBND");
        assertThat(timeline).allSatisfy(e -> assertThat(e.instanceId()).isEqualTo(instance))
                .allSatisfy(e -> assertThat(e.processKey()).isEqualTo("plan-approval"));
    }
}
