package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditEntry;
import vn.ttdn.audit.AuditRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.ProcessVersions;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.WebTest;

/**
 * What the engine does reaches the audit record, event by event, with its actor and their body as
 * named that day: an approval started, its Tờ trình drafted, returned by the director with a reason,
 * claimed, released, claimed again and resubmitted, approved and issued; a body's report returned by
 * its leader, reassigned by a supervisor, migrated to a new version by the administrator, sent back
 * by the consolidating body and received.
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
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    vn.ttdn.directory.DirectoryService directory;
    @Autowired
    vn.ttdn.support.Pages pages;

    private static final String SNGV = "QNG-SNGV";
    private static final String RECEIVER = "cv.svhttdl.qng";

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

    @Test
    void aReportReturnedReassignedMigratedAndSentBackIsRecordedEventByEvent() throws Exception {
        // given: the Sở Ngoại vụ's report in an ad-hoc round of an issued plan of Quảng Ngãi
        long planId = rounds.issuedCopy(vn.ttdn.support.SeedPlans.QUANG_NGAI, "QNG-TEST-AUDIT-2", "qng");
        db.awaitIssuanceHandled(planId);
        long roundId = rounds.open(planId, RECEIVER, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.3"), "bodies", List.of(SNGV))).path("id").asLong();
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'agency-report'", String.class, roundId);
        ProcessDefinition next = ProcessVersions.deployAgain(engine, "agency-report");
        directory.savePerson("cv2.qng-sngv", "Lâm Thị Hoài", "Chuyên viên Sở Ngoại vụ", SNGV, null, "{noop}unused",
                java.util.Set.of(vn.ttdn.directory.Role.OFFICER));

        // when: drafted, returned by the leader, reassigned by a supervisor, migrated by the administrator,
        // drafted again, approved, sent back by the consolidating body, drafted, approved and received
        rounds.draft(planId, SNGV, "cv.qng-sngv", "Đã triển khai");
        rounds.decide(planId, "userTask_leaderApproval", SNGV, "ld.qng-sngv", "Thiếu số liệu quý IV");
        String again = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        Chain.ok(chain.post("/api/instances/" + instance + "/reassign", "giamsat",
                Map.of("taskId", again, "username", "cv2.qng-sngv", "reason", "Chuyên viên nghỉ phép")));
        Chain.ok(chain.post("/api/migrations", "admin", Map.of("processKey", "agency-report",
                "fromVersion", next.getVersion() - 1, "toVersion", next.getVersion(),
                "instanceIds", List.of(instance), "preview", false, "reason", "Phiên bản mới của quy trình")));
        rounds.draft(planId, SNGV, "cv2.qng-sngv", "Đã bổ sung số liệu");
        rounds.decide(planId, "userTask_leaderApproval", SNGV, "ld.qng-sngv", null);
        rounds.decide(planId, "userTask_receiveReport", SNGV, RECEIVER, "Bổ sung minh chứng");
        rounds.draft(planId, SNGV, "cv2.qng-sngv", "Đã bổ sung minh chứng");
        rounds.decide(planId, "userTask_leaderApproval", SNGV, "ld.qng-sngv", null);
        rounds.decide(planId, "userTask_receiveReport", SNGV, RECEIVER, null);

        // then: every event, in order, with who did it
        List<AuditEntry> timeline = record.timeline(instance);
        String cv = "cv.qng-sngv";
        String cv2 = "cv2.qng-sngv";
        String leader = "ld.qng-sngv";
        assertThat(timeline).extracting(e -> e.kind() + " " + (e.activityId() == null ? "" : e.activityId()) + " "
                + (e.actor() == null ? "-" : e.actor().username())).containsExactly(
                "process.started startEvent_reportRequested -",
                "task.created userTask_draftReport -",
                "task.claimed userTask_draftReport " + cv,
                "task.completed userTask_draftReport " + cv,
                "task.created userTask_leaderApproval " + cv,
                "task.claimed userTask_leaderApproval " + leader,
                "task.returned userTask_leaderApproval " + leader,
                "task.created userTask_draftReport " + leader,
                "task.reassigned userTask_draftReport giamsat",
                "instance.migrated  admin",
                "task.completed userTask_draftReport " + cv2,
                "task.created userTask_leaderApproval " + cv2,
                "task.claimed userTask_leaderApproval " + leader,
                "task.completed userTask_leaderApproval " + leader,
                "number.issued userTask_leaderApproval " + leader,
                "task.created userTask_receiveReport " + leader,
                "task.claimed userTask_receiveReport " + RECEIVER,
                "task.sentBack userTask_receiveReport " + RECEIVER,
                "task.created userTask_draftReport " + RECEIVER,
                "task.claimed userTask_draftReport " + cv2,
                "task.completed userTask_draftReport " + cv2,
                "task.created userTask_leaderApproval " + cv2,
                "task.claimed userTask_leaderApproval " + leader,
                "task.completed userTask_leaderApproval " + leader,
                "number.issued userTask_leaderApproval " + leader,
                "task.created userTask_receiveReport " + leader,
                "task.claimed userTask_receiveReport " + RECEIVER,
                "task.completed userTask_receiveReport " + RECEIVER,
                "process.ended endEvent_reportReceived " + RECEIVER);
        // what was submitted, the reasons, the reassignment and the versions, as they were
        assertThat(timeline.get(1).details().path("candidateGroups").toString()).contains("officer.QNG-SNGV");
        assertThat(timeline.get(1).details().path("due").asText()).isEqualTo("2026-12-18T10:00:00Z");
        assertThat(timeline.get(3).details().path("data").path("summary").asText()).isEqualTo("Đã triển khai");
        assertThat(timeline.get(6).details().path("data").path("reason").asText()).isEqualTo("Thiếu số liệu quý IV");
        assertThat(timeline.get(8).details().path("to").asText()).isEqualTo(cv2);
        assertThat(timeline.get(8).details().path("reason").asText()).isEqualTo("Chuyên viên nghỉ phép");
        assertThat(timeline.get(8).taskId()).isEqualTo(again);
        assertThat(timeline.get(9).details().path("toVersion").asInt()).isEqualTo(next.getVersion());
        assertThat(timeline.get(9).details().path("reason").asText()).isEqualTo("Phiên bản mới của quy trình");
        assertThat(timeline.get(10).details().path("data").path("summary").asText()).isEqualTo("Đã bổ sung số liệu");
        assertThat(timeline.get(14).details().path("reference").asText()).matches("\\d+/BC-SNGV");
        assertThat(timeline.get(17).details().path("data").path("reason").asText()).isEqualTo("Bổ sung minh chứng");
        assertThat(timeline.get(17).actor().bodyName()).isEqualTo("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi");
        assertThat(timeline.get(6).actor().bodyName()).isEqualTo("Sở Ngoại vụ tỉnh Quảng Ngãi");
        assertThat(timeline).allSatisfy(e -> assertThat(e.instanceId()).isEqualTo(instance))
                .allSatisfy(e -> assertThat(e.planId()).isEqualTo(planId))
                .allSatisfy(e -> assertThat(e.roundId()).isEqualTo(roundId));
        // the second number is the one the report carries
        assertThat(timeline.get(timeline.size() - 5).details().path("reference").asText()).isEqualTo(db.jdbc()
                .queryForObject("select report_number from ttdn.round_body where round_id = ? and body_code = ?",
                        String.class, roundId, SNGV));
        // the replay says it in words: the reassignment of a task nobody held, the send-back with its reason
        String replay = pages.page("/kiem-tra/" + instance, "kiemtoan").text();
        assertThat(replay).contains("Giao cho Lâm Thị Hoài (cv2.qng-sngv) · Lý do: Chuyên viên nghỉ phép")
                .contains("Cơ quan đầu mối trả lại để bổ sung").contains("Lý do: Bổ sung minh chứng");
        // the case file holds the report as received, under its number, as a PDF
        Chain.Download caseFile = chain.download("/api/instances/" + instance + "/case-file", "kiemtoan");
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(caseFile.content()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        String reportEntry = "04-Báo cáo " + timeline.get(timeline.size() - 5).details().path("reference").asText()
                .replace('/', '-') + ".pdf";
        assertThat(entries).containsKey(reportEntry);
        assertThat(new String(entries.get(reportEntry), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        // and the database holds the same rows, in the order they were appended
        assertThat(db.jdbc().queryForList("select kind from ttdn.audit_event where instance_id = ? order by id",
                String.class, instance)).isEqualTo(timeline.stream().map(AuditEntry::kind).toList());
    }
}
