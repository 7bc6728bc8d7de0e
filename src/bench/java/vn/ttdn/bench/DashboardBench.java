package vn.ttdn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ttdn.audit.AuditSealer;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EmbeddedPostgresInitializer;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebClient;
import vn.ttdn.support.WebTest;

/**
 * Issue 10's figures in the benchmark suite: the supervisors' dashboard and an audit timeline of
 * 500 events, with 100,000 finished instances in history. The application runs on the embedded
 * PostgreSQL 15 of the tests, behind a real HTTP port. Real lifecycles, driven through the API as the
 * demo users, make the finished process trees (a plan's approval to issuance; a round of every body
 * of a plan, each report drafted, approved and received, one returned once, the round consolidated,
 * approved and sent) that {@link HistoryCopies} then copies up to 100,000; real rounds opened on the
 * seed plans make a few hundred running instances; one report's draft task claimed and released 250
 * times makes an instance of 500 and more events. Then B0 ({@link Baseline}), the requests timed
 * over HTTP ({@link Latency}), the statements they send explained ({@link QueryPlans}), and the
 * report written to {@code docs/benchmarks.md} ({@link BenchReport}).
 *
 * <p>Not a test of speed: nothing here fails on a time. It fails when the data it makes is not
 * what it says (the counts), or a request does not answer 200 with what it should.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
                EmbeddedPostgresInitializer.FRESH_DATABASE + "=true",
                "logging.level.vn.ttdn.bench=INFO"})
@AutoConfigureMockMvc
@DirtiesContext
@Import({Db.class, WebTest.Beans.class, SqlCapture.class})
class DashboardBench {

    private static final Logger log = LoggerFactory.getLogger(DashboardBench.class);
    static final int FINISHED = Integer.getInteger("bench.finished", 100_000);
    static final int COUNT = Integer.getInteger("bench.requests", 300);
    static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    static final int CLAIMS = 250;
    /** When the requests are timed: some rounds are past their deadline. */
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 10, 9, 0, 0, 0, RoundDriver.VIETNAM);
    private static final String SUPERVISOR = "giamsat";
    private static final String AUDITOR = "kiemtoan";

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String jdbcUrl;
    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuditSealer sealer;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;

    private final Map<String, Duration> phases = new LinkedHashMap<>();

    @AfterAll
    static void clock() {
        ClockUtil.reset();
    }

    @Test
    void dashboardAndTimelineWith100000FinishedInstances() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(SqlCapture.raw(dataSource));
        ClockUtil.setCurrentTime(Date.from(EngineClock.START.toInstant()));

        // the finished process trees, made for real
        long started = System.nanoTime();
        long roundPlan = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-BENCH", "dlk");
        rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-BENCH", "qng");
        db.awaitIssuanceHandled(roundPlan);
        wholeRound(roundPlan);
        HistoryCopies copies = new HistoryCopies(jdbc);
        List<String> roots = copies.finishedRoots();
        long templates = jdbc.queryForObject("select count(*) from ttdn.process_instance_info where root_instance_id "
                + "= any(?)", Long.class, (Object) roots.toArray(String[]::new));
        assertThat(roots).as("the approvals and the round, finished").hasSizeGreaterThanOrEqualTo(3);
        phase("real lifecycles (" + roots.size() + " finished trees, " + templates + " instances)", started);

        // the running instances: rounds of every body on the issued seed plans, the drafts' approvals started
        started = System.nanoTime();
        String timelineInstance = runningInstances();
        phase("running instances (rounds opened, approvals started)", started);

        // one instance with 500 events and more: its report's draft claimed and released, as its officer would
        started = System.nanoTime();
        String claimer = claimAndRelease(timelineInstance);
        sealer.sealAll();
        phase(CLAIMS * 2 + " claims and releases through the API", started);

        // 100,000 finished instances in history
        started = System.nanoTime();
        int n = (int) Math.ceil((double) (FINISHED - templates) / templates);
        List<Long> plans = jdbc.queryForList("select id from ttdn.plan order by id", Long.class);
        Map<String, Long> added = copies.copy(roots, n, plans);
        phase("copies of the finished trees (" + n + " each)", started);
        // the copied events sealed too, by the application's sealer (its scheduled run and this one take turns on
        // its lock), so that none is left for it while requests are timed
        started = System.nanoTime();
        long sealed = 0;
        while (jdbc.queryForObject("select exists (select 1 from ttdn.audit_event e where not exists "
                + "(select 1 from ttdn.audit_seal s where s.event_id = e.id))", Boolean.class)) {
            sealed += sealer.sealAll();
        }
        assertThat(jdbc.queryForObject("select count(*) from ttdn.audit_event e where not exists "
                + "(select 1 from ttdn.audit_seal s where s.event_id = e.id)", Long.class)).as("unsealed").isZero();
        jdbc.execute("vacuum analyze");
        phase("the copies' audit events sealed (" + sealed + "), vacuum analyze", started);
        long finished = jdbc.queryForObject("select count(*) from act_hi_procinst where end_time_ is not null", Long.class);
        assertThat(finished).isGreaterThanOrEqualTo(FINISHED);

        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        Facts facts = Facts.read(jdbc, timelineInstance);
        log.info("Data: {}", facts);

        // B0 on the same server
        started = System.nanoTime();
        List<Baseline.Figure> b0 = BenchRun.b0(jdbcUrl, SqlCapture.raw(dataSource));
        phase("B0", started);

        // the requests, over HTTP
        started = System.nanoTime();
        WebClient supervisor = new WebClient(port).login(SUPERVISOR, "demo");
        WebClient auditor = new WebClient(port).login(AUDITOR, "demo");
        long qng = jdbc.queryForObject("select id from ttdn.plan where code = 'QNG-KH-116'", Long.class);
        String round = jdbc.queryForObject("select super_instance_id from ttdn.process_instance_info where instance_id = ?",
                String.class, timelineInstance);
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("dashboard", new Request(supervisor, SUPERVISOR, "/api/instances"));
        requests.put("dashboard, one plan", new Request(supervisor, SUPERVISOR, "/api/instances?plan=" + qng));
        requests.put("one running instance (a round)", new Request(supervisor, SUPERVISOR, "/api/instances/" + round));
        requests.put("timeline of " + facts.timelineEvents() + " events", new Request(auditor, AUDITOR,
                "/api/instances/" + timelineInstance + "/timeline"));
        requests.put("audit search, one plan, first page", new Request(auditor, AUDITOR, "/api/audit/events?plan=" + qng));
        checkAnswers(requests, facts);
        List<Latency.Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Request> r : requests.entrySet()) {
            Latency.Figure figure = Latency.measure(r.getKey(), r.getValue().client(), r.getValue().user(),
                    r.getValue().path(), WARM_UP, COUNT);
            log.info("{}: p50 {} ms, p95 {} ms, p99 {} ms ({} requests)", figure.name(), figure.ms(50), figure.ms(95),
                    figure.ms(99), figure.count());
            figures.add(figure);
        }
        phase("requests timed (" + WARM_UP + " warm-up + " + COUNT + " each)", started);

        // what they ask the database, explained
        started = System.nanoTime();
        QueryPlans explainer = new QueryPlans(SqlCapture.raw(dataSource), Facts.BIG_TABLES);
        Map<String, List<QueryPlans.Plan>> plansByRequest = new LinkedHashMap<>();
        for (Map.Entry<String, Request> r : requests.entrySet()) {
            List<SqlCapture.Sent> sent = SqlCapture.during(() -> {
                try {
                    Latency.get(r.getValue().client(), r.getValue().path());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            plansByRequest.put(r.getKey(), explainer.explain(sent.stream()
                    .filter(s -> !s.sql().contains("not exists (select 1 from ttdn.audit_seal")).toList()));
        }
        phase("statements explained", started);

        Path written = new BenchReport(jdbc, json).write(facts, added, b0, figures,
                requests, plansByRequest, phases, claimer);
        StringBuilder table = new StringBuilder(String.format(java.util.Locale.ROOT, "%n%-40s %7s %9s %9s %9s %9s%n",
                "figure", "count", "p50 ms", "p95 ms", "p99 ms", "req/s÷B0"));
        double single = b0.stream().filter(f -> f.clients() == 1).findFirst().orElseThrow().tps();
        for (Latency.Figure f : figures) {
            table.append(String.format(java.util.Locale.ROOT, "%-40s %7d %9.1f %9.1f %9.1f %9.4f%n", f.name(), f.count(),
                    f.ms(50), f.ms(95), f.ms(99), f.perSecond() / single));
        }
        b0.forEach(f -> table.append(String.format(java.util.Locale.ROOT, "B0 %-60s %d clients %9.0f tps%n", f.tool(),
                f.clients(), f.tps())));
        log.info("{}Written: {}", table, written.toAbsolutePath());
    }

    record Request(WebClient client, String user, String path) {
    }

    /** The answers are what they should be, before any is timed. */
    private void checkAnswers(Map<String, Request> requests, Facts facts) throws Exception {
        for (Map.Entry<String, Request> r : requests.entrySet()) {
            JsonNode body = json.readTree(Latency.get(r.getValue().client(), r.getValue().path()).body());
            if (r.getKey().startsWith("dashboard")) {
                assertThat(body.path("items").size()).as(r.getKey()).isEqualTo(20);
                assertThat(body.path("counts").path("running").asLong()).as(r.getKey()).isGreaterThan(20);
            } else if (r.getKey().startsWith("timeline")) {
                assertThat(body.path("events").size()).isEqualTo(facts.timelineEvents()).isGreaterThanOrEqualTo(500);
            } else if (r.getKey().startsWith("audit search")) {
                assertThat(body.size()).isEqualTo(100);
            } else {
                assertThat(body.path("children").size()).as("the round's reports").isGreaterThan(10);
            }
        }
    }

    /**
     * A round of every body of the plan, for real: each reports straight through (one is returned once
     * by its leader first); the round is closed, its consolidation drafted, approved and sent; every
     * instance of it ends.
     */
    private void wholeRound(long planId) throws Exception {
        String officer = "cv.svhttdl.dlk";
        JsonNode round = rounds.open(planId, officer, Map.of("kind", "adhoc", "label", "Báo cáo năm 2026",
                "deadline", "2026-12-18"));
        long roundId = round.path("id").asLong();
        boolean returned = false;
        for (JsonNode b : round.path("bodies")) {
            String body = b.path("code").asText();
            String bodyOfficer;
            String leader;
            try {
                bodyOfficer = rounds.person(body, Role.OFFICER);
                leader = rounds.person(body, Role.LEADER);
            } catch (AssertionError nobody) {
                continue;
            }
            if (!returned) {
                rounds.draft(planId, body, bodyOfficer, "Đã triển khai, thiếu số liệu");
                rounds.decide(planId, "userTask_leaderApproval", body, leader, "Bổ sung số liệu");
                returned = true;
            }
            rounds.reportStraight(planId, roundId, body, bodyOfficer, leader, officer);
        }
        if (rounds.instance(roundId) != null && engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("round-consolidation").processInstanceBusinessKey("round-" + roundId
                        + "-consolidation").count() == 0) {
            Chain.ok(chain.post("/api/rounds/" + roundId + "/close", officer, null));
            rounds.runJobs(roundId);
        }
        String draft = rounds.task(planId, "userTask_draftConsolidation", "DLK-SVHTTDL", officer);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", officer, null));
        JsonNode data = rounds.form(draft, officer).path("data");
        Map<String, Object> narrative = new LinkedHashMap<>();
        for (String part : List.of("achievements", "shortcomings", "causes", "directions", "recommendations")) {
            String words = data.path(part).asText();
            narrative.put(part, words.isBlank() ? "Nội dung " + part : words);
        }
        Chain.ok(chain.post("/api/tasks/" + draft + "/complete", officer, narrative));
        rounds.decide(planId, "userTask_approveConsolidation", "DLK-SVHTTDL", "ld.svhttdl.dlk", null);
        rounds.runConsolidationJobs(roundId);
        assertThat(rounds.instance(roundId)).as("the round ended with its consolidation").isNull();
    }

    /**
     * Rounds of every body on the four issued seed plans with a consolidating body today (two each,
     * due before and after {@link #NOW}), the first reports of each drafted; the approvals of the
     * drafts started. The instance of one body's report, its draft waiting: for the timeline.
     */
    private String runningInstances() throws Exception {
        String chosen = null;
        for (String province : List.of("qng", "nth", "ndh", "dlk")) {
            long planId = db.jdbc().queryForObject("select id from ttdn.plan where code = ?", Long.class,
                    switch (province) {
                        case "qng" -> "QNG-KH-116";
                        case "nth" -> "NTH-KH-NQ47";
                        case "ndh" -> "NDH-KH-NQ47";
                        default -> "DLK-KH-NQ47";
                    });
            String officer = "cv.svhttdl." + province;
            for (String deadline : List.of("2026-12-04", "2027-01-15")) {
                JsonNode round = rounds.open(planId, officer, Map.of("kind", "adhoc", "label", "Kỳ " + deadline,
                        "deadline", deadline));
                int drafted = 0;
                for (JsonNode b : round.path("bodies")) {
                    String body = b.path("code").asText();
                    String bodyOfficer;
                    try {
                        bodyOfficer = rounds.person(body, Role.OFFICER);
                    } catch (AssertionError nobody) {
                        continue;
                    }
                    if (chosen == null) {
                        chosen = reportInstance(round.path("id").asLong(), body);
                        continue;
                    }
                    if (drafted++ < 3) {
                        draft(reportInstance(round.path("id").asLong(), body), bodyOfficer);
                    }
                }
            }
        }
        for (String draft : List.of("QNG-KH-116-DT", "NTH-KH-NQ47-DT", "NDH-KH-NQ47-DT", "DLK-KH-NQ47-DT")) {
            long planId = db.jdbc().queryForObject("select id from ttdn.plan where code = ?", Long.class, draft);
            String province = draft.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
            Chain.ok(chain.start(planId, Chain.Cast.of(province).drafter()));
        }
        return chosen;
    }

    /** The officer drafts the report of this instance (its draft task, whatever other rounds the body is in). */
    private void draft(String instance, String officer) throws Exception {
        String id = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        Chain.ok(chain.post("/api/tasks/" + id + "/claim", officer, null));
        JsonNode data = rounds.form(id, officer).path("data");
        Chain.ok(chain.post("/api/tasks/" + id + "/complete", officer, RoundDriver.report(data, "Đã triển khai")));
    }

    private String reportInstance(long roundId, String body) {
        return db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info where round_id = ? "
                + "and process_key = 'agency-report' and body_code = ?", String.class, roundId, body);
    }

    /** The report's draft task claimed and released by its officer, {@link #CLAIMS} times each; the officer. */
    private String claimAndRelease(String instance) throws Exception {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        String body = db.jdbc().queryForObject("select body_code from ttdn.process_instance_info where instance_id = ?",
                String.class, instance);
        String officer = rounds.person(body, Role.OFFICER);
        for (int i = 0; i < CLAIMS; i++) {
            Chain.ok(chain.post("/api/tasks/" + taskId + "/claim", officer, null));
            Chain.ok(chain.post("/api/tasks/" + taskId + "/unclaim", officer, null));
        }
        return officer;
    }

    private void phase(String name, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        phases.put(name, took);
        log.info("{}: {} s", name, took.toSeconds());
    }
}
