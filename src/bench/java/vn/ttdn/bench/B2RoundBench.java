package vn.ttdn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.AdhocRoundInput;
import vn.ttdn.support.EmbeddedPostgresInitializer;
import vn.ttdn.workflow.RoundProcess;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * B2, a round (issue 11): one province (100 bodies, 20 tasks, {@link BenchProvince}) from its round
 * opened to its consolidated report sent, then the nation (34 such provinces, a round each, run at
 * once on {@link #NATION_THREADS} threads), through the application's own services: the round opened
 * as its consolidating body's officer opens it ({@link RoundProcess#create}), every report drafted,
 * approved and received ({@link ReportLifecycles}), the round closed ({@link RoundProcess#close}), the
 * consolidation drafted, approved and sent (DOCX, XLSX, PDF drawn, the bodies told). The people's
 * steps follow one another with no time between them; the job executor is off and the engine's jobs
 * (the round's continuations, the sending) run on the thread driving the round, as the tests run them.
 *
 * <p>"Of work" is the wall time of all that, from the call that opens the round to the sending's end;
 * the bench's own lookups of the next task (one indexed read each) are in it, the making of the
 * directory and the plan is not. Not a test of speed: it fails only when a round does not end sent.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
        EmbeddedPostgresInitializer.FRESH_DATABASE + "=true", "logging.level.vn.ttdn.bench=INFO"})
@DirtiesContext
@Import(SqlCapture.class)
class B2RoundBench {

    private static final Logger log = LoggerFactory.getLogger(B2RoundBench.class);
    static final int PROVINCES = Integer.getInteger("bench.b2.provinces", 34);
    static final int NATION_THREADS = Integer.getInteger("bench.b2.threads", 4);
    static final int PROVINCE_THREADS = Integer.getInteger("bench.b2.province-threads", 1);
    static final boolean WARM_UP = Boolean.parseBoolean(System.getProperty("bench.b2.warmup", "true"));
    static final int BODIES = 100;
    static final int TASKS = 20;

    @Value("${spring.datasource.url}")
    String jdbcUrl;
    @Autowired
    DataSource dataSource;
    @Autowired
    DirectoryService directory;
    @Autowired
    PlanService plans;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RoundProcess roundProcess;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    WorkflowTasks tasks;

    /** One round's work, by phase. */
    record Round(String province, long roundId, Map<String, Duration> phases) {
        Duration total() {
            return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    @Test
    void aProvinceAndTheNationFromOpenedToConsolidated() throws Exception {
        DataSource raw = SqlCapture.raw(dataSource);
        HikariDataSource pool = raw.unwrap(HikariDataSource.class);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String hash = passwords.encode("demo");

        long t0 = System.nanoTime();
        List<BenchProvince> nation = new ArrayList<>();
        BenchProvince warmUp = WARM_UP ? BenchProvince.make(directory, plans, transaction, hash, "BW", BODIES, TASKS)
                : null;
        BenchProvince one = BenchProvince.make(directory, plans, transaction, hash, "BP", BODIES, TASKS);
        for (int i = 1; i <= PROVINCES; i++) {
            nation.add(BenchProvince.make(directory, plans, transaction, hash, String.format("N%02d", i), BODIES, TASKS));
        }
        Duration setup = Duration.ofNanos(System.nanoTime() - t0);
        log.info("B2 data: {} provinces of {} bodies and {} tasks: {} s", PROVINCES + 1 + (WARM_UP ? 1 : 0), BODIES, TASKS,
                setup.toSeconds());

        List<Baseline.Figure> b0 = BenchRun.b0(jdbcUrl, raw);
        // warm-up: a whole round of a province of its own
        if (warmUp != null) {
            log.info("B2 warm-up round: {} s", secs(round(warmUp, raw, PROVINCE_THREADS).total()));
        }

        long before = B1EngineBench.settledCommits(pool);
        Round province = round(one, raw, PROVINCE_THREADS);
        long provinceCommits = B1EngineBench.settledCommits(pool) - before - 1;
        log.info("B2 one province: {} s {}", secs(province.total()), province.phases());

        before = B1EngineBench.settledCommits(pool);
        ConcurrentLinkedQueue<BenchProvince> queue = new ConcurrentLinkedQueue<>(nation);
        List<Round> done = Collections.synchronizedList(new ArrayList<>());
        ExecutorService executor = Executors.newFixedThreadPool(NATION_THREADS);
        List<Future<Void>> workers = new ArrayList<>();
        long n0 = System.nanoTime();
        for (int w = 0; w < NATION_THREADS; w++) {
            workers.add(executor.submit(() -> {
                for (BenchProvince p = queue.poll(); p != null; p = queue.poll()) {
                    done.add(round(p, raw, 1));
                }
                return null;
            }));
        }
        for (Future<Void> f : workers) {
            f.get();
        }
        Duration nationTook = Duration.ofNanos(System.nanoTime() - n0);
        executor.shutdown();
        long nationCommits = B1EngineBench.settledCommits(pool) - before - 1;
        log.info("B2 the nation: {} rounds in {} s on {} threads", done.size(), secs(nationTook), NATION_THREADS);

        JdbcTemplate jdbc = new JdbcTemplate(raw);
        assertThat(done).hasSize(PROVINCES);
        assertThat(jdbc.queryForObject("select count(*) from ttdn.round_body where state = 'RECEIVED'", Long.class))
                .isEqualTo((long) BODIES * (PROVINCES + 1 + (WARM_UP ? 1 : 0)));
        assertThat(jdbc.queryForObject("select count(*) from ttdn.process_instance_info where process_key = "
                + "'report-round' and ended_at is not null and round_id = any(?)", Long.class, (Object) done.stream()
                .map(Round::roundId).toArray(Long[]::new))).as("every round of the nation ended").isEqualTo(PROVINCES);
        write(province, provinceCommits, done, nationTook, nationCommits, setup, b0);
    }

    /**
     * One province's round, opened to sent, its reports on {@code threads} threads: the phases' times.
     */
    private Round round(BenchProvince p, DataSource raw, int threads) throws Exception {
        Map<String, Duration> phases = new LinkedHashMap<>();
        JdbcTemplate jdbc = new JdbcTemplate(raw);
        long t = System.nanoTime();
        long roundId = roundProcess.create(p.planId(), new AdhocRoundInput("adhoc", "Báo cáo thử tải " + p.code(),
                LocalDate.now().plusDays(40), null, null), p.receiver());
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("report-round")
                .processInstanceBusinessKey("round-" + roundId).singleResult().getId();
        t = phase(phases, "round opened (" + BODIES + " bodies asked)", t);

        List<ReportLifecycles.Start> starts = ReportLifecycles.starts(raw, instance);
        assertThat(starts).hasSize(BODIES);
        if (threads == 1) {
            try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
                for (ReportLifecycles.Start start : starts) {
                    lifecycles.run(start, p, null);
                }
            }
        } else {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<Void>> parts = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                parts.add(executor.submit(() -> {
                    try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
                        for (int i = worker; i < starts.size(); i += threads) {
                            lifecycles.run(starts.get(i), p, null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : parts) {
                f.get();
            }
            executor.shutdown();
        }
        t = phase(phases, "every report drafted, approved, received", t);

        roundProcess.close(roundId, p.receiver());
        t = phase(phases, "round closed", t);

        String consolidation = "round-" + roundId + "-consolidation";
        String draft = task(jdbc, consolidation, "userTask_draftConsolidation");
        tasks.claim(draft, p.receiver());
        Map<String, Object> data = tasks.form(draft, p.receiver()).data();
        Map<String, Object> narrative = new LinkedHashMap<>();
        for (String part : List.of("achievements", "shortcomings", "causes", "directions", "recommendations")) {
            Object words = data.get(part);
            narrative.put(part, words == null || String.valueOf(words).isBlank()
                    ? "Nội dung phần " + part + " của báo cáo tổng hợp." : words);
        }
        tasks.complete(draft, narrative, p.receiver());
        t = phase(phases, "consolidation drafted", t);

        String approval = task(jdbc, consolidation, "userTask_approveConsolidation");
        tasks.claim(approval, p.consolidationLeader());
        tasks.complete(approval, Map.of("decision", "approve"), p.consolidationLeader());
        t = phase(phases, "consolidation approved", t);

        String send = jdbc.queryForObject("select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = "
                + "j.process_instance_id_ where e.business_key_ = ? and e.id_ = e.proc_inst_id_", String.class,
                consolidation);
        management.executeJob(send);
        phase(phases, "consolidation sent (DOCX, XLSX, PDF drawn)", t);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("round-" + roundId).count())
                .as("round " + roundId + " ended").isZero();
        return new Round(p.code(), roundId, phases);
    }

    private static String task(JdbcTemplate jdbc, String businessKey, String key) {
        return jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                + "where e.business_key_ = ? and t.task_def_key_ = ?", String.class, businessKey, key);
    }

    private static long phase(Map<String, Duration> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, Duration.ofNanos(now - since));
        return now;
    }

    private void write(Round province, long provinceCommits, List<Round> nation, Duration nationTook,
                       long nationCommits, Duration setup, List<Baseline.Figure> b0) {
        double single = BenchRun.b0Tps(1);
        double four = BenchRun.b0Tps(4);
        StringBuilder md = new StringBuilder();
        md.append("A round from opened to consolidated, through the application's own services: the round opened "
                + "as its consolidating body's officer opens it (`RoundProcess.create`), every body's report drafted, "
                + "approved and received (`WorkflowTasks.claim` and `complete`, as the task API calls them, without "
                + "HTTP), the round closed (`RoundProcess.close`), the consolidated report drafted, approved and sent "
                + "(its DOCX, XLSX and PDF drawn, the bodies told). People act one step after another with no time "
                + "between; the job executor is off and the engine's jobs (the round's continuations before and after "
                + "each report, the sending) run on the thread driving the round, as the tests run them.\n\n");
        md.append("**Of work** is the wall time from the call that opens the round to the end of the sending, every "
                + "step in it (the bench's lookups of the next task and job, one indexed read each, included); not in "
                + "it: making the directory and the plans (" + setup.toSeconds() + " s for " + (PROVINCES + 1 + (WARM_UP ? 1 : 0))
                + " provinces)" + (WARM_UP ? ", a warm-up round of a province of its own" : "") + ". Each province: its People's Committee, its "
                + "Sở VHTTDL (the consolidating body), " + BODIES + " bodies each with an officer and a leader, a plan "
                + "of " + TASKS + " tasks over them (each body leads one), issued.\n\n");
        md.append("## One province (" + BODIES + " bodies, " + TASKS + " tasks), its reports on " + PROVINCE_THREADS
                + " thread" + (PROVINCE_THREADS == 1 ? "" : "s") + "\n\n| phase | seconds |\n|---|---:|\n");
        province.phases().forEach((name, d) -> md.append("| ").append(name).append(" | ").append(secs(d))
                .append(" |\n"));
        double provinceSeconds = province.total().toNanos() / 1e9;
        md.append("| **total** | **").append(secs(province.total())).append("** |\n\n");
        md.append(provinceCommits + " commits (" + fmt(provinceCommits / provinceSeconds) + "/s, "
                + pct(provinceCommits / provinceSeconds / single) + " of B0 with 1 client).\n\n");
        double nationSeconds = nationTook.toNanos() / 1e9;
        md.append("## The nation: " + PROVINCES + " provinces × " + BODIES + " bodies, " + PROVINCES
                + " rounds at once on " + NATION_THREADS + " threads (each thread one round at a time)\n\n");
        md.append("| | |\n|---|---:|\n| wall time, first round opened to last sent | **" + secs(nationTook)
                + " s** |\n| reports | " + PROVINCES * BODIES + " |\n| reports per second | "
                + fmt(PROVINCES * BODIES / nationSeconds) + " |\n| commits | " + nationCommits + " (" + fmt(nationCommits
                / nationSeconds) + "/s, " + pct(nationCommits / nationSeconds / four) + " of B0 with 4 clients) |\n");
        List<Double> each = nation.stream().map(r -> r.total().toNanos() / 1e9).sorted().toList();
        md.append("| one round's own time, min / median / max | " + fmt(each.get(0)) + " / "
                + fmt(each.get(each.size() / 2)) + " / " + fmt(each.get(each.size() - 1)) + " s |\n\n");
        Map<String, Double> byPhase = new LinkedHashMap<>();
        nation.forEach(r -> r.phases().forEach((name, d) -> byPhase.merge(name, d.toNanos() / 1e9, Double::sum)));
        md.append("Summed over the rounds, by phase (thread-seconds):\n\n| phase | seconds |\n|---|---:|\n");
        byPhase.forEach((name, s) -> md.append("| ").append(name).append(" | ").append(fmt(s)).append(" |\n"));
        String text = md.toString();
        log.info("B2:\n{}", text);
        List<BenchRun.Summary> summary = List.of(
                new BenchRun.Summary("B2", "one province (" + BODIES + " bodies, " + TASKS + " tasks), opened to sent",
                        secs(province.total()) + " s", pct(provinceCommits / provinceSeconds / single)
                        + " of B0 (1 client) in commits/s", "< 5 s", provinceSeconds < 5),
                new BenchRun.Summary("B2", "the nation (" + PROVINCES + " × " + BODIES + " bodies), " + NATION_THREADS
                        + " threads", secs(nationTook) + " s", pct(nationCommits / nationSeconds / four)
                        + " of B0 (4 clients) in commits/s", "< 60 s", nationSeconds < 60));
        BenchRun.add("b2", "B2: a round", BenchRun.demote(text), summary);
    }

    static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }

    static String fmt(double v) {
        return BenchRun.fmt(v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }
}
