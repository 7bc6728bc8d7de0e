package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.calendar.BusinessCalendar;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * A supervisor's actions on a running report: remind its body (in-app and through the mail outbox),
 * reassign its task within the body, extend its deadline (the task, the body's own deadline in the
 * round, or the whole round with its timers); each appended to the audit record with its reason,
 * and refused, with nothing changed, outside the supervisor's plans, to auditors, without a reason.
 */
@WebTest
@ExtendWith(EngineClock.class)
class SupervisorActionsTest {

    private static final String CONSOLIDATING = "cv.svhttdl.qng";
    private static final String SNGV = "QNG-SNGV";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DirectoryService directory;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    ObjectMapper json;

    /** A round asking the Sở Ngoại vụ alone (task 2.3, deadline 18/12/2026); the id of its report's instance. */
    private Report report(String code) throws Exception {
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, code, "qng");
        db.awaitIssuanceHandled(planId);
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.3"), "bodies", List.of(SNGV))).path("id").asLong();
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'agency-report' and body_code = ?", String.class, roundId, SNGV);
        return new Report(planId, roundId, instance, rounds.instance(roundId).getId());
    }

    private record Report(long planId, long roundId, String instanceId, String roundInstanceId) {
    }

    private Task openTask(String instanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    }

    private JsonNode details(Map<String, Object> event) throws Exception {
        return json.readTree((String) event.get("details"));
    }

    @Test
    void aReminderNotifiesTheBodyInAppAndMailsItsOfficersAndLeadersAndIsAudited() throws Exception {
        // given
        Report r = report("QNG-TEST-ACT-REMIND");

        // when
        Chain.Answer answer = chain.post("/api/instances/" + r.instanceId() + "/remind", "giamsat",
                Map.of("reason", "Sắp hết hạn, cơ quan chưa soạn báo cáo"));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("bodies").get(0).path("code").asText()).isEqualTo(SNGV);
        assertThat(answer.body().path("bodies").get(0).path("mailed").asInt()).isEqualTo(2);
        String notice = db.jdbc().queryForObject("select message from ttdn.notification where body_code = ? "
                + "and message like ? order by id desc limit 1", String.class, SNGV, "%QNG-TEST-ACT-REMIND%");
        assertThat(notice).contains("Soạn báo cáo kết quả thực hiện", "hạn 18/12/2026", "Trần Thanh Hạnh",
                "Sắp hết hạn, cơ quan chưa soạn báo cáo.", "/viec/" + openTask(r.instanceId()).getId());
        Map<String, Object> mail = db.jdbc().queryForMap("select serialized_event::jsonb ->> 'subject' as subject, "
                + "serialized_event::jsonb -> 'to' as recipients from ttdn.event_publication where event_type = ? "
                + "and serialized_event::jsonb ->> 'body' = ?", "vn.ttdn.mail.OutgoingMail", notice);
        assertThat((String) mail.get("subject"))
                .isEqualTo("Đôn đốc xử lý: Soạn báo cáo kết quả thực hiện (Kế hoạch QNG-TEST-ACT-REMIND)");
        assertThat(mail.get("recipients").toString()).contains("cv.qng-sngv@demo.ttdn.vn", "ld.qng-sngv@demo.ttdn.vn");
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.REMINDER_SENT, r.instanceId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "giamsat").containsEntry("plan_id", r.planId())
                .containsEntry("round_id", r.roundId());
        JsonNode details = details(audit.get(0));
        assertThat(details.path("reason").asText()).isEqualTo("Sắp hết hạn, cơ quan chưa soạn báo cáo");
        assertThat(details.path("bodies").get(0).path("code").asText()).isEqualTo(SNGV);
        assertThat(details.path("tasks").get(0).path("activityId").asText()).isEqualTo("userTask_draftReport");
    }

    @Test
    void aRoundsReminderReachesTheBodiesItsReportsWaitForAndABodyNotWaitingIsRefused() throws Exception {
        // given
        Report r = report("QNG-TEST-ACT-REMIND-ROUND");

        // when a body no task of the round waits for is named
        Chain.Answer refused = chain.post("/api/instances/" + r.roundInstanceId() + "/remind", "admin",
                Map.of("bodyCode", "QNG-SNV", "reason", "Đôn đốc"));
        // and the round's instance is reminded as a whole
        Chain.Answer answer = chain.post("/api/instances/" + r.roundInstanceId() + "/remind", "admin",
                Map.of("reason", "Đôn đốc chung"));

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("path").asText()).isEqualTo("bodyCode");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("bodies").findValuesAsText("code")).containsExactly(SNGV);
        assertThat(db.auditEvents(AuditKind.REMINDER_SENT, r.roundInstanceId())).hasSize(1)
                .allSatisfy(e -> assertThat(e).containsEntry("actor", "admin"));
    }

    @Test
    void aTaskIsReassignedWithinItsBodyAndRoleOnly() throws Exception {
        // given a second officer of the Sở Ngoại vụ, and the task claimed by the first
        directory.savePerson("cv2.qng-sngv", "Lâm Thị Hoài", "Chuyên viên Sở Ngoại vụ", SNGV, null, "{noop}unused",
                Set.of(Role.OFFICER));
        Report r = report("QNG-TEST-ACT-REASSIGN");
        String taskId = openTask(r.instanceId()).getId();
        Chain.ok(chain.post("/api/tasks/" + taskId + "/claim", "cv.qng-sngv", null));

        // when: to the body's leader (another role), to an officer of another body, to a person who does not exist
        Chain.Answer leader = chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                Map.of("taskId", taskId, "username", "ld.qng-sngv", "reason", "Chuyên viên nghỉ phép"));
        Chain.Answer otherBody = chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                Map.of("taskId", taskId, "username", "cv.qng-sldtbxh", "reason", "Chuyên viên nghỉ phép"));
        Chain.Answer nobody = chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                Map.of("taskId", taskId, "username", "no.such.person", "reason", "Chuyên viên nghỉ phép"));
        Chain.Answer unknownTask = chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                Map.of("taskId", "no-such-task", "username", "cv2.qng-sngv", "reason", "Chuyên viên nghỉ phép"));

        // then each is refused, and the task stays with its officer
        for (Chain.Answer refused : List.of(leader, otherBody, nobody)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("path").asText()).isEqualTo("username");
        }
        assertThat(otherBody.body().path("errors").get(0).path("code").asText()).isEqualTo("supervision.reassign.otherBody");
        assertThat(otherBody.body().path("errors").get(0).path("text").asText()).contains("Sở Ngoại vụ");
        assertThat(unknownTask.status()).isEqualTo(404);
        assertThat(openTask(r.instanceId()).getAssignee()).isEqualTo("cv.qng-sngv");
        assertThat(db.auditEvents(AuditKind.TASK_REASSIGNED, r.instanceId())).isEmpty();

        // when: to the other officer
        Chain.Answer done = chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                Map.of("taskId", taskId, "username", "cv2.qng-sngv", "reason", "Chuyên viên nghỉ phép"));

        // then the task is theirs, in their inbox, and the change is in the record
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(openTask(r.instanceId()).getAssignee()).isEqualTo("cv2.qng-sngv");
        assertThat(rounds.task(r.planId(), "userTask_draftReport", SNGV, "cv2.qng-sngv")).isEqualTo(taskId);
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.TASK_REASSIGNED, r.instanceId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "giamsat").containsEntry("task_id", taskId)
                .containsEntry("activity_id", "userTask_draftReport");
        JsonNode details = details(audit.get(0));
        assertThat(details.path("reason").asText()).isEqualTo("Chuyên viên nghỉ phép");
        assertThat(details.path("from").asText()).isEqualTo("cv.qng-sngv");
        assertThat(details.path("to").asText()).isEqualTo("cv2.qng-sngv");
        // recorded once, as a reassignment with its reason, not also as a claim by the supervisor
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.audit_event where task_id = ? "
                + "and kind = 'task.claimed' and actor = 'giamsat'", Integer.class, taskId)).isZero();
    }

    @Test
    void extendingABodysReportMovesItsTaskItsLaterStepsAndItsDeadlineInTheRoundSoItIsNotLate() throws Exception {
        // given
        Report r = report("QNG-TEST-ACT-EXTEND");
        Task task = openTask(r.instanceId());
        Date newDue = Date.from(ZonedDateTime.of(2026, 12, 22, 17, 0, 0, 0, RoundDriver.VIETNAM).toInstant());

        // when: not later than the due day, then to 22/12
        Chain.Answer notLater = chain.post("/api/instances/" + r.instanceId() + "/extend", "giamsat",
                Map.of("taskId", task.getId(), "until", "2026-12-18", "reason", "Xin gia hạn"));
        Chain.Answer answer = chain.post("/api/instances/" + r.instanceId() + "/extend", "giamsat",
                Map.of("taskId", task.getId(), "until", "2026-12-22", "reason", "Cơ quan xin gia hạn bằng văn bản"));

        // then the task's due date moved, in the inbox too, and the body's deadline in the round
        assertThat(notLater.status()).isEqualTo(400);
        assertThat(notLater.body().path("errors").get(0).path("path").asText()).isEqualTo("until");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("scope").asText()).isEqualTo("report");
        assertThat(openTask(r.instanceId()).getDueDate()).isEqualTo(newDue);
        JsonNode inbox = Chain.ok(chain.get("/api/tasks/" + task.getId(), "cv.qng-sngv")).body();
        assertThat(inbox.path("due").asText()).isEqualTo(newDue.toInstant().toString());
        assertThat(engine.getRuntimeService().getVariable(r.instanceId(), "dueAt")).isEqualTo(newDue);
        assertThat(db.jdbc().queryForObject("select deadline from ttdn.round_body where round_id = ? and body_code = ?",
                LocalDate.class, r.roundId(), SNGV)).isEqualTo(LocalDate.of(2026, 12, 22));
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.DEADLINE_EXTENDED, r.instanceId());
        assertThat(audit).hasSize(1);
        JsonNode details = details(audit.get(0));
        assertThat(details.path("reason").asText()).isEqualTo("Cơ quan xin gia hạn bằng văn bản");
        assertThat(details.path("from").asText()).isEqualTo("2026-12-18T10:00:00Z");
        assertThat(details.path("to").asText()).isEqualTo("2026-12-22T10:00:00Z");
        assertThat(details.path("scope").asText()).isEqualTo("report");

        // when the round's deadline passes, and the body reports on 21/12, before its own deadline
        rounds.fireTimer(r.roundId(), "boundaryEvent_overdue");
        assertThat(db.jdbc().queryForObject("select late from ttdn.round_body where round_id = ? and body_code = ?",
                Boolean.class, r.roundId(), SNGV)).isFalse();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                Date.from(ZonedDateTime.of(2026, 12, 21, 9, 0, 0, 0, RoundDriver.VIETNAM).toInstant()));
        rounds.draft(r.planId(), SNGV, "cv.qng-sngv", "Đã triển khai");
        String leaderTask = openTask(r.instanceId()).getId();
        assertThat(openTask(r.instanceId()).getDueDate()).isEqualTo(newDue);
        rounds.decide(r.planId(), "userTask_leaderApproval", SNGV, "ld.qng-sngv", null);

        // then its report is in, not late; the leader's step took the new due date
        Map<String, Object> body = db.jdbc().queryForMap("select state, late from ttdn.round_body "
                + "where round_id = ? and body_code = ?", r.roundId(), SNGV);
        assertThat(body).containsEntry("state", "SUBMITTED").containsEntry("late", false);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(leaderTask).singleResult()
                .getDueDate()).isEqualTo(newDue);
    }

    @Test
    void extendingARoundMovesItsDeadlineItsTimersAndItsReportsDueDates() throws Exception {
        // given
        Report r = report("QNG-TEST-ACT-EXTEND-ROUND");
        LocalDate until = LocalDate.of(2026, 12, 23);

        // when
        Chain.Answer answer = chain.post("/api/instances/" + r.roundInstanceId() + "/extend", "giamsat",
                Map.of("until", "2026-12-23", "reason", "Kéo dài theo chỉ đạo của UBND tỉnh"));

        // then
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("scope").asText()).isEqualTo("round");
        assertThat(db.jdbc().queryForObject("select deadline from ttdn.report_round where id = ?", LocalDate.class,
                r.roundId())).isEqualTo(until);
        assertThat(timer(r, "boundaryEvent_overdue")).isEqualTo(at(until.plusDays(1), LocalTime.MIDNIGHT));
        assertThat(timer(r, "boundaryEvent_remindDueDay")).isEqualTo(at(until, LocalTime.of(8, 0)));
        assertThat(timer(r, "boundaryEvent_remindThreeDays"))
                .isEqualTo(at(calendar.minusWorkingDays(until, 3), LocalTime.of(8, 0)));
        assertThat(timer(r, "boundaryEvent_remindSevenDays"))
                .isEqualTo(at(calendar.minusWorkingDays(until, 7), LocalTime.of(8, 0)));
        assertThat(engine.getRuntimeService().getVariable(r.roundInstanceId(), "overdueAt"))
                .isEqualTo(at(until.plusDays(1), LocalTime.MIDNIGHT));
        Date due = at(until, LocalTime.of(17, 0));
        assertThat(openTask(r.instanceId()).getDueDate()).isEqualTo(due);
        assertThat(engine.getRuntimeService().getVariable(r.instanceId(), "dueAt")).isEqualTo(due);
        List<Map<String, Object>> audit = db.auditEvents(AuditKind.DEADLINE_EXTENDED, r.roundInstanceId());
        assertThat(audit).hasSize(1);
        JsonNode details = details(audit.get(0));
        assertThat(details.path("scope").asText()).isEqualTo("round");
        assertThat(details.path("from").asText()).isEqualTo("2026-12-18");
        assertThat(details.path("to").asText()).isEqualTo("2026-12-23");
        assertThat(details.path("timers").findValuesAsText("activityId")).contains("boundaryEvent_overdue");
        assertThat(details.path("reason").asText()).isEqualTo("Kéo dài theo chỉ đạo của UBND tỉnh");
    }

    @Test
    void aSupervisorOutsideThePlansScopeIsRefusedEveryActionAndNothingChanges() throws Exception {
        // given a supervisor of Đắk Lắk's People's Committee, and a report of Quảng Ngãi's plan
        directory.savePerson("gs.ubnd.dlk", "Tạ Minh Khoa", "Cán bộ giám sát UBND tỉnh Đắk Lắk", "DLK-UBND", null,
                "{noop}unused", Set.of(Role.SUPERVISOR));
        Report r = report("QNG-TEST-ACT-SCOPE");
        refusedEverything(r, "gs.ubnd.dlk");
    }

    @Test
    void anAuditorAndAnOfficerAreRefusedEveryActionAndNothingChanges() throws Exception {
        Report r = report("QNG-TEST-ACT-AUDITOR");
        refusedEverything(r, "kiemtoan");
        refusedEverything(r, "cv.qng-sngv");
    }

    private void refusedEverything(Report r, String user) throws Exception {
        Task before = openTask(r.instanceId());
        int notices = db.count("notification");
        long audits = db.lastAuditEvent();
        Map<String, List<String>> engineRows = db.engineRuntimeRows();

        List<Chain.Answer> answers = List.of(
                chain.post("/api/instances/" + r.instanceId() + "/remind", user, Map.of("reason", "Đôn đốc")),
                chain.post("/api/instances/" + r.instanceId() + "/reassign", user,
                        Map.of("taskId", before.getId(), "username", "cv.qng-sngv", "reason", "Giao lại")),
                chain.post("/api/instances/" + r.instanceId() + "/extend", user,
                        Map.of("taskId", before.getId(), "until", "2026-12-28", "reason", "Gia hạn")),
                chain.post("/api/instances/" + r.roundInstanceId() + "/extend", user,
                        Map.of("until", "2026-12-28", "reason", "Gia hạn")),
                chain.post("/api/instances/" + r.instanceId() + "/move", user, Map.of("fromActivityId",
                        "userTask_draftReport", "toActivityId", "userTask_leaderApproval", "reason", "Chuyển",
                        "preview", false)),
                chain.post("/api/migrations", user, Map.of("processKey", "agency-report", "fromVersion", 1,
                        "toVersion", 2, "reason", "Nâng cấp", "preview", false)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(user + ": " + a).isEqualTo(403));
        assertThat(db.count("notification")).isEqualTo(notices);
        assertThat(db.auditEventsAfter(audits)).isEmpty();
        assertThat(db.engineRuntimeRows()).isEqualTo(engineRows);
        assertThat(db.jdbc().queryForObject("select deadline from ttdn.report_round where id = ?", LocalDate.class,
                r.roundId())).isEqualTo(LocalDate.of(2026, 12, 18));
    }

    @Test
    void everyActionNeedsAReasonAndNothingChangesWithoutOne() throws Exception {
        // given
        Report r = report("QNG-TEST-ACT-REASON");
        Task task = openTask(r.instanceId());
        long audits = db.lastAuditEvent();
        int notices = db.count("notification");

        // when
        List<Chain.Answer> answers = List.of(
                chain.post("/api/instances/" + r.instanceId() + "/remind", "giamsat", Map.of()),
                chain.post("/api/instances/" + r.instanceId() + "/reassign", "giamsat",
                        Map.of("taskId", task.getId(), "username", "cv.qng-sngv", "reason", "  ")),
                chain.post("/api/instances/" + r.instanceId() + "/extend", "giamsat",
                        Map.of("taskId", task.getId(), "until", "2026-12-28")),
                chain.post("/api/instances/" + r.instanceId() + "/move", "admin", Map.of("fromActivityId",
                        "userTask_draftReport", "toActivityId", "userTask_leaderApproval", "preview", false)));

        // then
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(400);
            assertThat(a.body().path("errors").findValuesAsText("path")).contains("reason");
        });
        assertThat(answers.get(0).body().path("errors").get(0).path("text").asText()).isEqualTo("Cần nêu lý do.");
        assertThat(db.auditEventsAfter(audits)).isEmpty();
        assertThat(db.count("notification")).isEqualTo(notices);
        assertThat(openTask(r.instanceId()).getDueDate()).isEqualTo(task.getDueDate());
        assertThat(openTask(r.instanceId()).getTaskDefinitionKey()).isEqualTo("userTask_draftReport");
        assertThat(chain.post("/api/instances/no-such-instance/remind", "giamsat", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    private Date timer(Report r, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(r.roundInstanceId())
                .activityId(activityId).timers().singleResult();
        return job.getDuedate();
    }

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(RoundDriver.VIETNAM).toInstant());
    }
}
