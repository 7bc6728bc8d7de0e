package vn.ttdn.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Drives report rounds as the demo users would, through the API: issues a plan copy, opens a round,
 * runs the round's jobs (the job executor is off in these tests), fills and completes report tasks.
 * The engine's clock is set to a day of December 2026 ({@link EngineClock}) and moved by the tests,
 * never waited for.
 */
public class RoundDriver {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Chain chain;
    private final ProcessEngine engine;
    private final vn.ttdn.directory.DirectoryService directory;

    public RoundDriver(Chain chain, ProcessEngine engine, vn.ttdn.directory.DirectoryService directory) {
        this.chain = chain;
        this.engine = engine;
        this.directory = directory;
    }

    /** Someone of the body with the role, as the directory has them (hand-written or generated): the first by name. */
    public String person(String body, vn.ttdn.directory.Role role) {
        return directory.people().stream().filter(p -> p.body().code().equals(body) && p.roles().contains(role))
                .map(vn.ttdn.directory.PersonView::username).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("No " + role + " in " + body));
    }

    /** Imports a copy of a seed plan under a new code and takes it through approval to issued. Its id. */
    public long issuedCopy(String seed, String code, String province) throws Exception {
        long planId = chain.importSeed(seed, code);
        Chain.ok(chain.start(planId, Chain.Cast.of(province).drafter()));
        chain.straightThrough(planId, Chain.Cast.of(province));
        return planId;
    }

    /** Opens a round through the API as the user; the answer's body (the round). */
    public JsonNode open(long planId, String user, Map<String, Object> round) throws Exception {
        Chain.Answer answer = chain.post("/api/plans/" + planId + "/rounds", user, round);
        if (answer.status() != 201) {
            throw new AssertionError("Round not opened: " + answer);
        }
        runJobs(answer.body().path("id").asLong());
        return answer.body();
    }

    public JsonNode round(long roundId, String user) throws Exception {
        return Chain.ok(chain.get("/api/rounds/" + roundId, user)).body();
    }

    public ProcessInstance instance(long roundId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("report-round")
                .processInstanceBusinessKey("round-" + roundId).singleResult();
    }

    /** Runs every job of the round's instance that is due now, until none is (bounded). */
    public void runJobs(long roundId) {
        ProcessInstance instance = instance(roundId);
        if (instance == null) {
            return;
        }
        for (int pass = 0; pass < 500; pass++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        throw new AssertionError("Jobs of round " + roundId + " keep coming");
    }

    /** Runs the jobs of the round's consolidation (its sending) that are due now. */
    public void runConsolidationJobs(long roundId) {
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("round-consolidation").processInstanceBusinessKey("round-" + roundId
                        + "-consolidation").list()) {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                    .executable().list()) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
    }

    /** Executes the round's timer waiting at this activity, with the clock set past it. */
    public void fireTimer(long roundId, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance(roundId).getId())
                .activityId(activityId).timers().singleResult();
        if (timer == null) {
            throw new ProcessEngineException("No timer at " + activityId + " in round " + roundId);
        }
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
        runJobs(roundId);
    }

    /** The form of a task as the API gives it. */
    public JsonNode form(String taskId, String user) throws Exception {
        return Chain.ok(chain.get("/api/tasks/" + taskId + "/form", user)).body();
    }

    /** A complete report for the rows the form opened with: every task done on time, every indicator given. */
    public static Map<String, Object> report(JsonNode data, String words) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        data.path("tasks").forEach(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", "done_on_time");
            row.put("result", words + " (" + t.path("taskNumber").asText() + ")");
            tasks.add(row);
        });
        List<Map<String, Object>> indicators = new ArrayList<>();
        int[] n = {1};
        data.path("indicators").forEach(i -> indicators.add(Map.of("value", n[0]++)));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tasks", tasks);
        values.put("indicators", indicators);
        values.put("summary", words);
        return values;
    }

    /** The id of the open task with this key on the body's report, as the user's inbox lists it. */
    public String task(long planId, String taskKey, String body, String user) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode t : Chain.ok(chain.get("/api/tasks?plan=" + planId + "&size=200", user)).body().path("items")) {
            if (t.path("planId").asLong() == planId && t.path("taskKey").asText().equals(taskKey)
                    && t.path("bodyCode").asText().equals(body)) {
                ids.add(t.path("id").asText());
            }
        }
        if (ids.size() != 1) {
            throw new AssertionError(user + " sees " + ids.size() + " tasks " + taskKey + " of " + body);
        }
        return ids.get(0);
    }

    /** Claims (when not held yet) and completes the task as the user; fails unless both succeed. */
    public void act(long planId, String taskKey, String body, String user, Map<String, Object> values)
            throws Exception {
        String id = task(planId, taskKey, body, user);
        Chain.ok(chain.post("/api/tasks/" + id + "/claim", user, null));
        Chain.ok(chain.post("/api/tasks/" + id + "/complete", user, values));
    }

    /** The officer drafts the body's report (claiming its task), the whole form filled. */
    public void draft(long planId, String body, String officer, String words) throws Exception {
        String id = task(planId, "userTask_draftReport", body, officer);
        Chain.ok(chain.post("/api/tasks/" + id + "/claim", officer, null));
        JsonNode data = form(id, officer).path("data");
        Chain.ok(chain.post("/api/tasks/" + id + "/complete", officer, report(data, words)));
    }

    /** The leader (or the consolidating body's officer) decides: approve, or return with a reason. */
    public void decide(long planId, String taskKey, String body, String user, String reason) throws Exception {
        act(planId, taskKey, body, user, reason == null ? Map.of("decision", "approve")
                : Map.of("decision", "return", "reason", reason));
    }

    /** A body's report from draft to received, straight through. */
    public void reportStraight(long planId, long roundId, String body, String officer, String leader,
                               String receiver) throws Exception {
        draft(planId, body, officer, "Đã triển khai đầy đủ");
        decide(planId, "userTask_leaderApproval", body, leader, null);
        decide(planId, "userTask_receiveReport", body, receiver, null);
        runJobs(roundId);
    }
}
