package vn.ttdn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * Drives bodies' reports ({@code agency-report}) of an open round through the application's own
 * services, as the API does for each step but without HTTP: the engine runs the report's start (the
 * round's multi-instance continuation, a job: the job executor is off, the bench runs it as the tests
 * do), the body's officer claims and completes the draft ({@link WorkflowTasks#claim}, {@link
 * WorkflowTasks#complete}), its leader approves it (numbered, submitted), the consolidating body's
 * officer receives it, and the engine runs the continuation after the report (a job).
 *
 * <p>The ids it needs between steps (the next task, the next job) it reads on a connection of its own
 * held in one read-only transaction, so that its reads add no commit to the figures; the
 * application's commits are the steps'.
 */
final class ReportLifecycles implements AutoCloseable {

    /** One body's report waiting to start: the round's job that starts it, its execution, the body. */
    record Start(String jobId, String executionId, String body) {
    }

    private final WorkflowTasks tasks;
    private final ManagementService management;
    private final Connection lookups;
    private final PreparedStatement nextTask;
    private final PreparedStatement nextJob;

    ReportLifecycles(WorkflowTasks tasks, ManagementService management, DataSource raw) throws SQLException {
        this.tasks = tasks;
        this.management = management;
        this.lookups = raw.getConnection();
        lookups.setAutoCommit(false);
        lookups.setReadOnly(true);
        nextTask = lookups.prepareStatement("select t.id_, t.task_def_key_ from act_ru_task t join act_ru_execution p "
                + "on p.id_ = t.proc_inst_id_ where p.super_exec_ = ?");
        nextJob = lookups.prepareStatement("select id_ from act_ru_job where execution_id_ = ?");
    }

    /** The reports of the round's instance waiting to start, in the order of their bodies' codes. */
    static List<Start> starts(DataSource raw, String roundInstanceId) throws SQLException {
        List<Start> starts = new ArrayList<>();
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                "select j.id_, j.execution_id_, v.text_ from act_ru_job j join act_ru_variable v "
                        + "on v.execution_id_ = j.execution_id_ and v.name_ = 'reportBody' "
                        + "where j.process_instance_id_ = ? and j.handler_type_ = 'async-continuation' "
                        + "order by v.text_")) {
            s.setString(1, roundInstanceId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    starts.add(new Start(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return starts;
    }

    /** How a lifecycle's steps are run: as they come, or watched one by one (what each costs). */
    interface Steps {
        Steps AS_THEY_COME = (name, work) -> work.run();

        void step(String name, Runnable work);
    }

    /** One body's report from its start to received and the round's continuation after it. */
    void run(Start start, BenchProvince province, Steps steps) throws SQLException {
        Steps s = steps == null ? Steps.AS_THEY_COME : steps;
        s.step("start (the round's job)", () -> execute(start.jobId()));
        CurrentUser officer = province.officers().get(start.body());
        String draft = task(start.executionId(), "userTask_draftReport");
        s.step("draft: claim", () -> tasks.claim(draft, officer));
        s.step("draft: complete", () -> tasks.complete(draft, report(start.body()), officer));
        CurrentUser leader = province.leaders().get(start.body());
        String approval = task(start.executionId(), "userTask_leaderApproval");
        s.step("leader approval: claim", () -> tasks.claim(approval, leader));
        s.step("leader approval: complete", () -> tasks.complete(approval, Map.of("decision", "approve"), leader));
        String receipt = task(start.executionId(), "userTask_receiveReport");
        s.step("receipt: claim", () -> tasks.claim(receipt, province.receiver()));
        s.step("receipt: complete", () -> tasks.complete(receipt, Map.of("decision", "approve"),
                province.receiver()));
        String after = job(start.executionId());
        if (after != null) {
            s.step("after the report (the round's job)", () -> execute(after));
        }
    }

    /** A report as its officer would write it: its one task done on time, every default figure given. */
    static Map<String, Object> report(String body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tasks", List.of(Map.of("status", "done_on_time", "result",
                "Đã tổ chức 4 hội nghị, phát hành 120 tin, bài về thông tin đối ngoại (" + body + ")")));
        List<Map<String, Object>> figures = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            figures.add(Map.of("value", i * 3));
        }
        values.put("indicators", figures);
        values.put("summary", "Cơ quan đã triển khai đầy đủ nhiệm vụ được giao trong kỳ báo cáo.");
        return values;
    }

    /** Runs a job as the job executor would: once more when it clashed with parallel work on the engine's lock. */
    void execute(String jobId) {
        for (int attempt = 1; ; attempt++) {
            try {
                management.executeJob(jobId);
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private String task(String superExecution, String key) throws SQLException {
        nextTask.setString(1, superExecution);
        try (ResultSet rs = nextTask.executeQuery()) {
            while (rs.next()) {
                if (key.equals(rs.getString(2))) {
                    return rs.getString(1);
                }
            }
        }
        throw new IllegalStateException("No task " + key + " under execution " + superExecution);
    }

    private String job(String execution) throws SQLException {
        nextJob.setString(1, execution);
        try (ResultSet rs = nextJob.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() throws SQLException {
        lookups.commit();
        lookups.close();
    }
}
