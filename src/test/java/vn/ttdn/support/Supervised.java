package vn.ttdn.support;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import vn.ttdn.directory.Role;

/**
 * The supervisors' tests' scenario, driven through the API as the demo users: a plan's approval at the
 * director's signature (due 3/12), and on an issued plan (its yearly rounds scheduled, each waiting for
 * its opening day) three ad-hoc rounds: one of two bodies due 4/12 (the Sở LĐTBXH's report drafted, the
 * Sở Nội vụ's claimed by its officer), one of the Sở Ngoại vụ due 3/12, opened an hour later, and one of
 * the Sở Giáo dục due 31/12, opened an hour after that. The engine's clock is left on 8/12/2026 at
 * 09:00 ({@link #LATER}), when the first two rounds and the approval are late. Use with {@link EngineClock}.
 */
public record Supervised(long approvalPlan, String approval, long roundPlan, long roundId, String round,
                         String labourReport, String homeReport, String homeOfficer, long earlyRoundId,
                         String earlyRound, String foreignReport, String lateRound, String educationReport) {

    /** A week after the scenario's start: the approval's step (due 3/12) and two of the rounds are late. */
    public static final ZonedDateTime LATER = ZonedDateTime.of(2026, 12, 8, 9, 0, 0, 0, RoundDriver.VIETNAM);

    public static Supervised start(Chain chain, RoundDriver rounds, Db db, ProcessEngine engine, String suffix)
            throws Exception {
        long approvalPlan = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-SUP-A" + suffix);
        Chain.ok(chain.start(approvalPlan, "cv.stttt.qng"));
        chain.act(approvalPlan, "userTask_draftSubmission", "cv.stttt.qng", Chain.TO_TRINH);
        Task signature = engine.getTaskService().createTaskQuery().processInstanceId(
                instance(db, approvalPlan, "plan-approval")).singleResult();
        signature.setDueDate(Date.from(ZonedDateTime.of(2026, 12, 3, 17, 0, 0, 0, RoundDriver.VIETNAM).toInstant()));
        engine.getTaskService().saveTask(signature);

        long roundPlan = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-SUP-R" + suffix, "qng");
        long roundId = rounds.open(roundPlan, "cv.svhttdl.qng", Map.of("kind", "adhoc", "label", "giám sát",
                "deadline", "2026-12-04", "tasks", List.of("2.2", "5.4"))).path("id").asLong();
        rounds.draft(roundPlan, "QNG-SLDTBXH", rounds.person("QNG-SLDTBXH", Role.OFFICER), "Đã triển khai");
        String homeOfficer = rounds.person("QNG-SNV", Role.OFFICER);
        String draft = rounds.task(roundPlan, "userTask_draftReport", "QNG-SNV", homeOfficer);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", homeOfficer, null));
        ClockUtil.setCurrentTime(Date.from(EngineClock.START.plusHours(1).toInstant()));
        long earlyRoundId = rounds.open(roundPlan, "cv.svhttdl.qng", Map.of("kind", "adhoc", "label", "sớm",
                "deadline", "2026-12-03", "tasks", List.of("3.3"), "bodies", List.of("QNG-SNGV"))).path("id").asLong();
        ClockUtil.setCurrentTime(Date.from(EngineClock.START.plusHours(2).toInstant()));
        long lateRoundId = rounds.open(roundPlan, "cv.svhttdl.qng", Map.of("kind", "adhoc", "label", "cuối năm",
                "deadline", "2026-12-31", "tasks", List.of("3.5"), "bodies", List.of("QNG-SGDDT"))).path("id").asLong();
        ClockUtil.setCurrentTime(Date.from(LATER.toInstant()));
        return new Supervised(approvalPlan, instance(db, approvalPlan, "plan-approval"), roundPlan, roundId,
                round(db, roundId), report(db, roundId, "QNG-SLDTBXH"), report(db, roundId, "QNG-SNV"), homeOfficer,
                earlyRoundId, round(db, earlyRoundId), report(db, earlyRoundId, "QNG-SNGV"), round(db, lateRoundId),
                report(db, lateRoundId, "QNG-SGDDT"));
    }

    /** The running instance of the process on the plan (its only one). */
    public static String instance(Db db, long planId, String processKey) {
        return db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where plan_id = ? "
                + "and process_key = ? and ended_at is null", String.class, planId, processKey);
    }

    /** The instance of a round. */
    public static String round(Db db, long roundId) {
        return db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where round_id = ? "
                + "and process_key = 'report-round'", String.class, roundId);
    }

    /** The instance of a body's report in a round. */
    public static String report(Db db, long roundId, String body) {
        return db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where round_id = ? "
                + "and process_key = 'agency-report' and body_code = ?", String.class, roundId, body);
    }
}
