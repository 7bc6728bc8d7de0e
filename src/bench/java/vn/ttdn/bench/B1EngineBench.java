package vn.ttdn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * B1, the engine (issue 11): {@code agency-report} lifecycles per second (start → draft → leader
 * approval → received) through the application's own services with 1, 2 and 4 threads, the database
 * commits per second they make against B0, and the same three-task lifecycle on a bare Camunda engine
 * ({@link BareEngine}) as the peer, in the same run, on the same server.
 *
 * <p>Each thread drives the reports of a round of its own (100 bodies of a province made for the
 * bench, {@link BenchProvince}); it runs {@link #PER_THREAD} of them, so that no round becomes ready
 * and starts its consolidation inside the timed part. The job executor is off: the two engine jobs of
 * a lifecycle (the round's multi-instance continuations before and after the report) are run by the
 * thread driving it, as the tests run them ({@link ReportLifecycles}).
 *
 * <p>Commits are counted twice: at the application's connections (each {@code commit()}, {@link
 * SqlCapture#commits}) and as the server counts them ({@code pg_stat_database.xact_commit} of the
 * database, read after the pools' idle connections were closed so that every backend has flushed
 * its counters). Not a test of speed: it fails only when the lifecycles do not end as they should.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
        EmbeddedPostgresInitializer.FRESH_DATABASE + "=true", "logging.level.vn.ttdn.bench=INFO"})
@DirtiesContext
@Import(SqlCapture.class)
class B1EngineBench {

    private static final Logger log = LoggerFactory.getLogger(B1EngineBench.class);
    static final int PER_THREAD = Integer.getInteger("bench.b1.lifecycles", 30);
    static final int WARM_UP = Integer.getInteger("bench.b1.warmup", 20);
    static final int[] THREADS = {1, 2, 4};
    static final String PROVINCE = "BA";

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

    /** One timed run: which side, threads, lifecycles, seconds, commits counted at the connections and by the server. */
    record Run(String side, int threads, int lifecycles, double seconds, long connectionCommits, long serverCommits) {
        double perSecond() {
            return lifecycles / seconds;
        }

        double commitsPerSecond() {
            return serverCommits / seconds;
        }

        double commitsPerLifecycle() {
            return (double) serverCommits / lifecycles;
        }
    }

    @Test
    void lifecyclesThroughTheApplicationAndOnABareEngine() throws Exception {
        DataSource raw = SqlCapture.raw(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(raw);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long started = System.nanoTime();
        BenchProvince province = BenchProvince.make(directory, plans, transaction, passwords.encode("demo"), PROVINCE,
                100, 20);
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < 1 + 1 + 2 + 4; i++) {
            long r0 = System.nanoTime();
            rounds.add(open(province, "Kỳ thử tải B1 số " + (i + 1)));
            log.info("B1 round {} opened: {} ms", i + 1, (System.nanoTime() - r0) / 1_000_000);
        }
        log.info("B1 data: province {} (100 bodies, 20 tasks), {} rounds open: {} s", PROVINCE, rounds.size(),
                (System.nanoTime() - started) / 1_000_000_000L);

        List<Baseline.Figure> b0 = BenchRun.b0(jdbcUrl, raw);
        try (BareEngine peer = new BareEngine(jdbcUrl, raw)) {
            // warm-up, both sides
            run("application", 1, WARM_UP, List.of(rounds.get(0)), province, raw, null);
            run("bare engine", 1, WARM_UP, List.of(), province, raw, peer);
            Anatomy anatomy = anatomy(rounds.get(0), province, raw);
            anatomy.bySteps().forEach((step, n) -> log.info("B1 anatomy {}: {} commits, {} statements, {} ms, {} ms in "
                    + "statements", step, n[0], n[1], n[2] / 1_000_000, n[3] / 1_000_000));
            try (BareEngine.Worker w = peer.worker()) {
                peerStatements = SqlCapture.during(() -> {
                    try {
                        for (int i = 1; i <= ANATOMY; i++) {
                            w.run(PROVINCE, 900 + i, 999);
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).stream().filter(x -> !x.sql().contains("ttdn.") && !x.sql().contains("pg_try_advisory")).count()
                        / (double) ANATOMY;
            }
            log.info("B1 statements per lifecycle: application {}, bare engine {}", anatomy.statements() / ANATOMY,
                    peerStatements);
            anatomy.slowest().forEach((sql, n) -> log.info("B1 slowest: {} times, {} ms: {}", n[0], n[1] / 1_000_000,
                    sql.length() > 300 ? sql.substring(0, 300) : sql));
            List<Run> runs = new ArrayList<>();
            int next = 1;
            for (int threads : THREADS) {
                runs.add(run("application", threads, PER_THREAD, rounds.subList(next, next + threads), province, raw,
                        null));
                next += threads;
                runs.add(run("bare engine", threads, PER_THREAD, List.of(), province, raw, peer));
            }
            assertThat(peer.ended()).isEqualTo((long) (WARM_UP + ANATOMY + PER_THREAD * (1 + 2 + 4)));
            long received = jdbc.queryForObject("select count(*) from ttdn.round_body where state = 'RECEIVED'",
                    Long.class);
            assertThat(received).as("reports received").isEqualTo(WARM_UP + ANATOMY + PER_THREAD * (1 + 2 + 4));
            write(runs, anatomy, b0);
        }
    }

    private String open(BenchProvince province, String label) {
        long roundId = roundProcess.create(province.planId(), new AdhocRoundInput("adhoc", label,
                LocalDate.now().plusDays(40), null, null), province.receiver());
        return runtime.createProcessInstanceQuery().processDefinitionKey("report-round")
                .processInstanceBusinessKey("round-" + roundId).singleResult().getId();
    }

    /**
     * One timed run: {@code threads} workers, each {@code perThread} lifecycles (the application's on a
     * round of its own, or the bare engine's); the commits it made.
     */
    private Run run(String side, int threads, int perThread, List<String> roundInstances, BenchProvince province,
                    DataSource raw, BareEngine peer) throws Exception {
        HikariDataSource pool = peer == null ? raw.unwrap(HikariDataSource.class) : peer.pool();
        List<List<ReportLifecycles.Start>> work = new ArrayList<>();
        for (String round : roundInstances) {
            List<ReportLifecycles.Start> starts = ReportLifecycles.starts(raw, round);
            assertThat(starts).hasSizeGreaterThanOrEqualTo(perThread);
            work.add(starts.subList(0, perThread));
        }
        long serverBefore = settledCommits(pool);
        long connectionBefore = SqlCapture.commits();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<Void>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Callable<Void> job = peer == null ? () -> {
                try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
                    for (ReportLifecycles.Start start : work.get(worker)) {
                        lifecycles.run(start, province, null);
                    }
                }
                return null;
            } : () -> {
                try (BareEngine.Worker lifecycles = peer.worker()) {
                    for (int i = 1; i <= perThread; i++) {
                        lifecycles.run(PROVINCE, i, worker);
                    }
                }
                return null;
            };
            done.add(executor.submit(job));
        }
        for (Future<Void> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        executor.shutdown();
        long connectionCommits = SqlCapture.commits() - connectionBefore;
        // the reads of the server's counter (one each side) and the workers' lookup transactions are the bench's
        long serverCommits = settledCommits(pool) - serverBefore - 1 - threads;
        Run run = new Run(side, threads, threads * perThread, seconds, connectionCommits, serverCommits);
        log.info("B1 {} {} threads: {} lifecycles in {} s = {}/s; {} commits ({} at the connections) = {}/s, {} per "
                        + "lifecycle", side, threads, run.lifecycles(), fmt(seconds), fmt(run.perSecond()),
                serverCommits, connectionCommits, fmt(run.commitsPerSecond()), fmt(run.commitsPerLifecycle()));
        return run;
    }

    /**
     * The server's count of commits in the pool's database, once every backend has flushed its own:
     * the pool's idle connections are closed (a backend flushes its counters when it ends; an idle one
     * may keep them up to ten seconds), and the count read on a new one.
     */
    static long settledCommits(HikariDataSource pool) throws Exception {
        pool.getHikariPoolMXBean().softEvictConnections();
        Thread.sleep(1500);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final int ANATOMY = 5;
    private double peerStatements;

    /** What a lifecycle costs, step by step (over {@link #ANATOMY} of them): commits, statements, time. */
    record Anatomy(Map<String, long[]> bySteps, Map<String, Integer> statementsByTarget,
                   Map<String, long[]> slowest, int statements) {
    }

    private Anatomy anatomy(String roundInstance, BenchProvince province, DataSource raw) throws Exception {
        List<ReportLifecycles.Start> starts = ReportLifecycles.starts(raw, roundInstance).subList(0, ANATOMY);
        // per step: commits, statements, wall nanos, statement nanos
        Map<String, long[]> steps = new LinkedHashMap<>();
        Map<String, Integer> targets = new java.util.TreeMap<>();
        Map<String, long[]> bySql = new java.util.HashMap<>();
        int[] total = {0};
        try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
            for (ReportLifecycles.Start start : starts) {
                lifecycles.run(start, province, (name, work) -> {
                    long before = SqlCapture.commits();
                    long t = System.nanoTime();
                    // the sealer's statements (its scheduled run may fall in a step) are not the lifecycle's
                    List<SqlCapture.Sent> sent = SqlCapture.during(work).stream()
                            .filter(s -> !s.sql().contains("audit_seal") && !s.sql().contains("pg_try_advisory"))
                            .toList();
                    long wall = System.nanoTime() - t;
                    long[] step = steps.computeIfAbsent(name, k -> new long[4]);
                    step[0] += SqlCapture.commits() - before;
                    step[1] += sent.size();
                    step[2] += wall;
                    for (SqlCapture.Sent s : sent) {
                        step[3] += s.nanos();
                        targets.merge(target(s.sql()), 1, Integer::sum);
                        long[] q = bySql.computeIfAbsent(s.sql().strip().replaceAll("\\s+", " "), k -> new long[2]);
                        q[0]++;
                        q[1] += s.nanos();
                    }
                    total[0] += sent.size();
                });
            }
        }
        Map<String, long[]> slowest = new LinkedHashMap<>();
        bySql.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(12)
                .forEach(e -> slowest.put(e.getKey(), e.getValue()));
        return new Anatomy(steps, targets, slowest, total[0]);
    }

    /** The kind of a statement and the table it writes or reads first: "insert ttdn.audit_event". */
    static String target(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^(insert into|update|delete from) ([a-z_.]+)").matcher(s);
        if (m.find()) {
            return m.group(1).split(" ")[0] + " " + m.group(2);
        }
        m = java.util.regex.Pattern.compile(" from ([a-z_.]+)").matcher(s);
        return m.find() ? "select " + m.group(1) : s.substring(0, Math.min(30, s.length()));
    }

    private void write(List<Run> runs, Anatomy anatomy, List<Baseline.Figure> b0) {
        StringBuilder md = new StringBuilder();
        List<BenchRun.Summary> summary = new ArrayList<>();
        md.append("`agency-report` lifecycles (start → draft → leader approval → received) through the application's "
                + "own services (`WorkflowTasks.claim` and `complete` for each of the three tasks, as the task API "
                + "calls them, without HTTP; the engine's two jobs of a lifecycle run by the thread driving it, the job "
                + "executor being off), against the same lifecycle on a bare Camunda engine (`StandaloneProcessEngine"
                + "Configuration`, FULL history, job executor off, a database of its own on the same server: three "
                + "user tasks, each claimed and completed through `TaskService`, the same start variables, the draft "
                + "as a JSON variable). Each thread drives " + PER_THREAD + " reports of a round of its own (100 "
                + "bodies, 20 tasks); " + WARM_UP + " lifecycles on each side warm up first.\n\n");
        md.append("Commits: `pg_stat_database.xact_commit` of the side's database over the run (read once every "
                + "backend has flushed its counters; the bench's own lookups held in one read-only transaction per "
                + "thread and taken off), and, for the application, each `commit()` at its connections. B0 for 1 "
                + "thread is B0 with 1 client, for 2 and 4 threads B0 with 4 clients.\n\n");
        md.append("| side | threads | lifecycles | seconds | lifecycles/s | commits | per lifecycle | commits/s | "
                + "÷ B0 | at the connections |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            double b0tps = BenchRun.b0Tps(r.threads() == 1 ? 1 : 4);
            md.append("| ").append(r.side()).append(" | ").append(r.threads()).append(" | ").append(r.lifecycles())
                    .append(" | ").append(fmt(r.seconds())).append(" | ").append(fmt(r.perSecond())).append(" | ")
                    .append(r.serverCommits()).append(" | ").append(fmt(r.commitsPerLifecycle())).append(" | ")
                    .append(fmt(r.commitsPerSecond())).append(" | ").append(pct(r.commitsPerSecond() / b0tps))
                    .append(" | ").append(r.connectionCommits()).append(" |\n");
        }
        md.append("\n| threads | application ÷ bare engine (lifecycles/s) | commits per lifecycle, application : bare |\n"
                + "|---:|---:|---|\n");
        for (int threads : THREADS) {
            Run app = find(runs, "application", threads);
            Run peer = find(runs, "bare engine", threads);
            md.append("| ").append(threads).append(" | ").append(fmt(app.perSecond() / peer.perSecond())).append("× | ")
                    .append(fmt(app.commitsPerLifecycle())).append(" : ").append(fmt(peer.commitsPerLifecycle()))
                    .append(" |\n");
            double b0tps = BenchRun.b0Tps(threads == 1 ? 1 : 4);
            summary.add(new BenchRun.Summary("B1", "application lifecycles/s, " + threads + " thread"
                    + (threads == 1 ? "" : "s"), fmt(app.perSecond()) + " /s (" + fmt(app.commitsPerSecond())
                    + " commits/s)", pct(app.commitsPerSecond() / b0tps) + " of B0 (" + (threads == 1 ? 1 : 4)
                    + " client" + (threads == 1 ? "" : "s") + ") in commits/s", "commits/s ≥ 25 % of B0",
                    app.commitsPerSecond() / b0tps >= 0.25));
            summary.add(new BenchRun.Summary("B1", "application ÷ bare engine, " + threads + " thread"
                    + (threads == 1 ? "" : "s"), fmt(app.perSecond() / peer.perSecond()) + "× (bare "
                    + fmt(peer.perSecond()) + " /s)", "bare engine: " + pct(peer.commitsPerSecond() / b0tps)
                    + " of B0 in commits/s", "≥ 2×", app.perSecond() / peer.perSecond() >= 2));
        }
        md.append("\n### One lifecycle, step by step (the application, mean of " + ANATOMY + ")\n\n"
                + "| step | commits | statements | ms | of which in statements |\n|---|---:|---:|---:|---:|\n");
        anatomy.bySteps().forEach((step, n) -> md.append("| ").append(step).append(" | ").append(fmt(n[0] / (double) ANATOMY))
                .append(" | ").append(fmt(n[1] / (double) ANATOMY)).append(" | ").append(fmt(n[2] / 1e6 / ANATOMY))
                .append(" | ").append(fmt(n[3] / 1e6 / ANATOMY)).append(" |\n"));
        md.append("\nIts statements: " + fmt(anatomy.statements() / (double) ANATOMY) + " a lifecycle, against "
                + fmt(peerStatements) + " on the bare engine (the same lifecycle, mean of " + ANATOMY + "). By what they "
                + "touch, per lifecycle:\n\n| statement | count |\n|---|---:|\n");
        anatomy.statementsByTarget().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> md.append("| `").append(e.getKey()).append("` | ").append(fmt(e.getValue() / (double) ANATOMY))
                        .append(" |\n"));
        md.append("\nThe statements that took longest, summed over the " + ANATOMY + " lifecycles:\n\n"
                + "| statement | times | ms |\n|---|---:|---:|\n");
        anatomy.slowest().forEach((sql, n) -> md.append("| `").append(sql.length() > 160 ? sql.substring(0, 160) + "…" : sql)
                .append("` | ").append(n[0]).append(" | ").append(fmt(n[1] / 1e6)).append(" |\n"));
        String text = md.toString();
        log.info("B1:\n{}", text);
        BenchRun.add("b1", "B1: the engine", BenchRun.demote(text), summary);
    }

    private static Run find(List<Run> runs, String side, int threads) {
        return runs.stream().filter(r -> r.side().equals(side) && r.threads() == threads).findFirst().orElseThrow();
    }

    static String fmt(double v) {
        return BenchRun.fmt(v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }
}
