package vn.ttdn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.AdhocRoundInput;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.support.EmbeddedPostgresInitializer;
import vn.ttdn.workflow.InstanceFilter;
import vn.ttdn.workflow.InstancePage;
import vn.ttdn.workflow.RoundProcess;
import vn.ttdn.workflow.Supervision;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskPage;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * B3 (issue 11): the inbox under history. {@value #OPEN_DEFAULT} open tasks and {@value #FINISHED_DEFAULT}
 * finished ones; an officer's inbox (their own tasks, their groups', both) and the supervisor's list of
 * every open task, a page at a time through the application's service ({@link WorkflowTasks#page}, as
 * {@code GET /api/tasks} calls it, without HTTP), and the supervisor's dashboard ({@link Supervision#list},
 * as {@code GET /api/instances} calls it) on the same data; p50/p95/p99 over {@link #CALLS} calls each
 * after a warm-up; every statement a call sends EXPLAINed (ANALYZE, BUFFERS).
 *
 * <p>The open tasks are made by the engine, as the application makes them: {@link #PROVINCES} provinces
 * of {@link #BODIES} bodies ({@link BenchProvince}), ad-hoc rounds opened on their plans
 * ({@link RoundProcess#create}) each asking some of the bodies, so that a body's officers' group is
 * offered from a few report drafts to some 180 (a skewed spread, the same in every province), and each
 * body's officer holding (claimed) a share of them. The finished ones: one whole round of a small
 * province of its own run through the services (every report drafted, approved, received; consolidated,
 * approved, sent), and the finished process trees in the engine's history then copied in SQL
 * ({@link HistoryCopies}) until {@code act_hi_taskinst} holds as many finished tasks as asked, with
 * their activity instances, variables, identity links, process instances and the instance catalogue.
 *
 * <p>Not a test of speed: nothing fails on a time. It fails when the data is not what it says, or an
 * inbox answers what it should not (another body's task, a page larger than asked, a wrong total).
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
        EmbeddedPostgresInitializer.FRESH_DATABASE + "=true", "logging.level.vn.ttdn.bench=INFO"})
@DirtiesContext
@Import(SqlCapture.class)
class B3InboxBench {

    private static final Logger log = LoggerFactory.getLogger(B3InboxBench.class);
    static final int OPEN_DEFAULT = 20_000;
    static final int FINISHED_DEFAULT = 1_000_000;
    static final int OPEN = Integer.getInteger("bench.b3.open", OPEN_DEFAULT);
    static final int FINISHED = Integer.getInteger("bench.b3.finished", FINISHED_DEFAULT);
    static final int PROVINCES = Integer.getInteger("bench.b3.provinces", 4);
    static final int BODIES = 100;
    static final int TASKS = 20;
    /** The small province whose one whole round is the finished history's template. */
    static final int TEMPLATE_BODIES = 20;
    static final int CALLS = Integer.getInteger("bench.b3.calls", 2000);
    static final int DASHBOARD_CALLS = Integer.getInteger("bench.b3.dashboard-calls", 300);
    static final int WARM_UP = Integer.getInteger("bench.b3.warmup", 200);
    static final int BEFORE_CALLS = Integer.getInteger("bench.b3.before-calls", 200);
    static final int THREADS = 2;
    /** Rounds opened for real on each province's plan, asking every body; the other drafts are their copies. */
    static final int REAL_ROUNDS = Integer.getInteger("bench.b3.real-rounds", 2);
    /** Every third copy is held by the body's officer; of the real drafts, those of every other body's first round. */
    static final int HOLD_EVERY = 3;
    static final int PAGE_SIZE = WorkflowTasks.DEFAULT_PAGE_SIZE;
    static final int DASHBOARD_PAGE_SIZE = 20;
    static final double INBOX_GOAL_MS = 20;
    static final double DASHBOARD_GOAL_MS = 150;
    /** The engine's history tables copied: the finished tasks and what the engine writes with each. */
    static final Set<String> HISTORY = Set.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_identitylink");
    /** The index the application adds for the inbox (workflow's InboxIndexes), dropped for a while for "before". */
    static final String INBOX_INDEX = "ttdn_idx_task_inbox";
    static final List<String> BIG_TABLES = List.of("act_ru_task", "act_ru_identitylink", "act_ru_execution",
            "act_ru_variable", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
            "act_hi_identitylink", "process_instance_info");

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
    TaskService engineTasks;
    @Autowired
    WorkflowTasks tasks;
    @Autowired
    Supervision supervision;

    private final Map<String, Duration> phases = new LinkedHashMap<>();

    /** One measured figure: what was called, as whom, the sorted times in nanoseconds, a typical total. */
    record Figure(String name, String call, String as, long[] sorted, String totals) {

        double ms(double percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(sorted).average().orElse(0) / 1e6;
        }
    }

    @Test
    void inboxAndDashboardWithAMillionFinishedTasks() throws Exception {
        DataSource raw = SqlCapture.raw(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(raw);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String hash = passwords.encode("demo");
        long whole = System.nanoTime();

        // the directory and the plans
        long started = System.nanoTime();
        BenchProvince template = BenchProvince.make(directory, plans, transaction, hash, "H3", TEMPLATE_BODIES, 5);
        List<BenchProvince> provinces = new ArrayList<>();
        for (int i = 1; i <= PROVINCES; i++) {
            provinces.add(BenchProvince.make(directory, plans, transaction, hash, "I" + i, BODIES, TASKS));
        }
        phase("directory and plans: " + (PROVINCES + 1) + " provinces", started);

        // the template of the finished history: one whole round, for real
        started = System.nanoTime();
        wholeRound(template, raw);
        phase("one whole round of " + TEMPLATE_BODIES + " bodies, opened to sent (the history's template)", started);

        // the open tasks: rounds opened for real on the provinces' plans, their report drafts then copied in SQL
        started = System.nanoTime();
        int[] perBody = spread(OPEN / PROVINCES, BODIES);
        perBody[BODIES - 1] += OPEN % PROVINCES;
        ConcurrentLinkedQueue<BenchProvince> queue = new ConcurrentLinkedQueue<>(provinces);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            workers.add(pool.submit(() -> {
                List<Long> opened = new ArrayList<>();
                for (BenchProvince p = queue.poll(); p != null; p = queue.poll()) {
                    opened.addAll(openRounds(p, perBody, raw));
                }
                return opened;
            }));
        }
        List<Long> realRounds = new ArrayList<>();
        for (Future<List<Long>> f : workers) {
            realRounds.addAll(f.get());
        }
        long realDrafts = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        phase("open tasks through the engine: " + realRounds.size() + " rounds opened, " + realDrafts + " drafts",
                started);

        // the officers take some of them, through the engine
        started = System.nanoTime();
        List<Future<Integer>> claiming = new ArrayList<>();
        for (BenchProvince p : provinces) {
            claiming.add(pool.submit(() -> claim(p, jdbc)));
        }
        int claimed = 0;
        for (Future<Integer> f : claiming) {
            claimed += f.get();
        }
        pool.shutdown();
        phase("claims through the engine: " + claimed, started);

        started = System.nanoTime();
        Map<String, Integer> copiesOf = new LinkedHashMap<>();
        Map<String, String> holders = new LinkedHashMap<>();
        for (BenchProvince p : provinces) {
            for (int i = 0; i < BODIES; i++) {
                String body = p.bodies().get(i);
                List<String> real = jdbc.queryForList("select instance_id from ttdn.process_instance_info where "
                        + "process_key = 'agency-report' and ended_at is null and body_code = ? and round_id = any(?) "
                        + "order by instance_id", String.class, body, (Object) realRounds.toArray(Long[]::new));
                int extra = perBody[i] - real.size();
                for (int j = 0; j < real.size() && extra > 0; j++) {
                    copiesOf.put(real.get(j), extra / real.size() + (j < extra % real.size() ? 1 : 0));
                    holders.put(real.get(j), p.officers().get(body).username());
                }
            }
        }
        Map<String, Long> openAdded = new OpenCopies(jdbc).copy(copiesOf, holders, HOLD_EVERY);
        long openTasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        phase("open drafts copied in SQL: " + (openTasks - realDrafts) + ", " + openTasks + " tasks open", started);

        // the finished history: the finished process trees copied in SQL
        started = System.nanoTime();
        HistoryCopies copies = new HistoryCopies(jdbc);
        List<String> roots = copies.finishedRoots();
        long templateTasks = jdbc.queryForObject("select count(*) from act_hi_taskinst where end_time_ is not null "
                + "and root_proc_inst_id_ = any(?)", Long.class, (Object) roots.toArray(String[]::new));
        long finishedBefore = jdbc.queryForObject("select count(*) from act_hi_taskinst where end_time_ is not null",
                Long.class);
        int n = (int) Math.max(0, Math.ceil((double) (FINISHED - finishedBefore) / templateTasks));
        List<Long> planIds = jdbc.queryForList("select id from ttdn.plan order by id", Long.class);
        Map<String, Long> added = new LinkedHashMap<>(n == 0 ? Map.of() : copies.copy(roots, n, planIds, HISTORY, false));
        phase("history copied in SQL: " + roots.size() + " finished trees (" + templateTasks + " finished tasks) × "
                + n, started);
        started = System.nanoTime();
        jdbc.execute("vacuum analyze");
        phase("vacuum analyze", started);
        Duration generation = Duration.ofNanos(System.nanoTime() - whole);

        long finished = jdbc.queryForObject("select count(*) from act_hi_taskinst where end_time_ is not null", Long.class);
        assertThat(finished).isGreaterThanOrEqualTo(FINISHED);
        assertThat(openTasks).isGreaterThanOrEqualTo(OPEN);
        Map<String, Long> rows = rows(jdbc);

        // the people
        List<CurrentUser> officers = new ArrayList<>();
        provinces.forEach(p -> officers.addAll(p.officers().values()));
        Map<String, int[]> sizes = sizes(jdbc, officers);
        CurrentUser supervisor = new CurrentUser("giamsat.b3", "Giám sát B3", DirectoryService.SYSTEM_BODY,
                Set.of(Role.SUPERVISOR));
        CurrentUser busiest = provinces.get(0).officers().get(provinces.get(0).bodies().get(BODIES - 1));

        // B0 on the same server
        started = System.nanoTime();
        List<Baseline.Figure> b0 = BenchRun.b0(jdbcUrl, raw);
        phase("B0", started);

        // before: the supervisor's list of every task without the inbox's index
        started = System.nanoTime();
        int deep = (int) Math.min(99, openTasks / PAGE_SIZE - 1);
        QueryPlans explainer = new QueryPlans(raw, BIG_TABLES);
        List<Figure> before = new ArrayList<>();
        Map<String, List<QueryPlans.Plan>> explainedBefore = new LinkedHashMap<>();
        String indexDefinition = jdbc.queryForList("select indexdef from pg_indexes where indexname = ?", String.class,
                INBOX_INDEX).stream().findFirst().orElse(null);
        if (indexDefinition != null) {
            jdbc.execute("drop index " + INBOX_INDEX);
            jdbc.execute("analyze act_ru_task");
            for (int p : List.of(0, deep)) {
                String name = "supervisor's list of every open task, page " + (p + 1) + ", without " + INBOX_INDEX;
                before.add(time(name, "page(supervisor, EVERY, NONE, " + p + ", " + PAGE_SIZE + ")",
                        supervisor.username(), BEFORE_CALLS, i -> tasks.page(supervisor, WorkflowTasks.Scope.EVERY,
                                TaskFilter.NONE, p, PAGE_SIZE).total()));
                explainedBefore.put(name, explainer.explain(SqlCapture.during(() -> tasks.page(supervisor,
                        WorkflowTasks.Scope.EVERY, TaskFilter.NONE, p, PAGE_SIZE))));
            }
            jdbc.execute(indexDefinition);
            jdbc.execute("analyze act_ru_task");
        }
        phase("before: without " + INBOX_INDEX, started);

        // the calls timed
        started = System.nanoTime();
        List<Figure> figures = new ArrayList<>();
        for (WorkflowTasks.Scope scope : List.of(WorkflowTasks.Scope.MINE, WorkflowTasks.Scope.GROUPS,
                WorkflowTasks.Scope.ALL_MINE)) {
            figures.add(time("officer's inbox, " + label(scope), "page(officer, " + scope + ", NONE, 0, " + PAGE_SIZE
                    + ")", officers.size() + " officers in turn", CALLS, i -> {
                CurrentUser officer = officers.get((int) ((i * 7919L) % officers.size()));
                TaskPage page = tasks.page(officer, scope, TaskFilter.NONE, 0, PAGE_SIZE);
                check(page, officer, scope);
                return page.total();
            }));
        }
        figures.add(time("busiest officer's inbox, own and groups'", "page(" + busiest.username() + ", ALL_MINE, NONE, 0, "
                + PAGE_SIZE + ")", busiest.username(), CALLS, i -> {
            TaskPage page = tasks.page(busiest, WorkflowTasks.Scope.ALL_MINE, TaskFilter.NONE, 0, PAGE_SIZE);
            check(page, busiest, WorkflowTasks.Scope.ALL_MINE);
            return page.total();
        }));
        figures.add(time("supervisor's list of every open task, first page", "page(supervisor, EVERY, NONE, 0, "
                + PAGE_SIZE + ")", supervisor.username(), CALLS, i -> {
            TaskPage page = tasks.page(supervisor, WorkflowTasks.Scope.EVERY, TaskFilter.NONE, 0, PAGE_SIZE);
            assertThat(page.items()).hasSize(PAGE_SIZE);
            return page.total();
        }));
        figures.add(time("supervisor's list of every open task, page " + (deep + 1), "page(supervisor, EVERY, NONE, "
                + deep + ", " + PAGE_SIZE + ")", supervisor.username(), DASHBOARD_CALLS, i -> {
            TaskPage page = tasks.page(supervisor, WorkflowTasks.Scope.EVERY, TaskFilter.NONE, deep, PAGE_SIZE);
            assertThat(page.items()).hasSize(PAGE_SIZE);
            return page.total();
        }));
        figures.add(time("supervisor's dashboard, first page", "Supervision.list(NONE, 0, " + DASHBOARD_PAGE_SIZE + ")",
                supervisor.username(), DASHBOARD_CALLS, i -> {
            InstancePage page = supervision.list(InstanceFilter.NONE, 0, DASHBOARD_PAGE_SIZE, supervisor);
            assertThat(page.items()).hasSize(DASHBOARD_PAGE_SIZE);
            return page.total();
        }));
        phase("calls timed", started);

        // what they ask the database, explained
        started = System.nanoTime();
        Map<String, List<QueryPlans.Plan>> explained = new LinkedHashMap<>();
        CurrentUser typical = officers.get(officers.size() / 2);
        for (WorkflowTasks.Scope scope : List.of(WorkflowTasks.Scope.MINE, WorkflowTasks.Scope.GROUPS,
                WorkflowTasks.Scope.ALL_MINE)) {
            explained.put("officer's inbox, " + label(scope) + " (" + busiest.username() + ")", explainer.explain(
                    SqlCapture.during(() -> tasks.page(busiest, scope, TaskFilter.NONE, 0, PAGE_SIZE))));
        }
        explained.put("supervisor's list of every open task, first page", explainer.explain(SqlCapture.during(
                () -> tasks.page(supervisor, WorkflowTasks.Scope.EVERY, TaskFilter.NONE, 0, PAGE_SIZE))));
        explained.put("supervisor's list of every open task, page " + (deep + 1), explainer.explain(SqlCapture.during(
                () -> tasks.page(supervisor, WorkflowTasks.Scope.EVERY, TaskFilter.NONE, deep, PAGE_SIZE))));
        explained.put("supervisor's dashboard, first page", explainer.explain(SqlCapture.during(
                () -> supervision.list(InstanceFilter.NONE, 0, DASHBOARD_PAGE_SIZE, supervisor))));
        phase("statements explained", started);
        log.info("B3: typical officer {}, busiest {}", typical.username(), busiest.username());

        String markdown = report(figures, explained, before, explainedBefore, indexDefinition, rows, openAdded, added,
                sizes, generation, b0, busiest);
        log.info("B3:\n{}", markdown);
        double single = BenchRun.b0Tps(1);
        List<BenchRun.Summary> summary = new ArrayList<>();
        for (Figure f : figures) {
            boolean dashboard = f.name().contains("dashboard");
            double goal = dashboard ? DASHBOARD_GOAL_MS : INBOX_GOAL_MS;
            summary.add(new BenchRun.Summary("B3", f.name() + ", p95", fmt(f.ms(95)) + " ms",
                    fmt(f.ms(95) * single / 1000) + " B0 transactions (1 client)", "p95 < " + fmt(goal) + " ms"
                    + (dashboard ? " (d-dashboard's)" : ""), f.ms(95) < goal));
        }
        BenchRun.add("b3", "B3: the inbox under history", markdown, summary);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the data

    /**
     * How many report drafts each of {@code bodies} bodies is offered, {@code total} in all: a few for most,
     * many for some (8 + b·x³ over the bodies in order, x from 0 to 1), the remainder given from the top.
     */
    static int[] spread(int total, int bodies) {
        int floor = Math.max(1, Math.min(8, total / bodies / 3));
        double cubes = 0;
        for (int i = 0; i < bodies; i++) {
            cubes += Math.pow((double) i / (bodies - 1), 3);
        }
        double b = (total - (double) floor * bodies) / cubes;
        int[] counts = new int[bodies];
        int sum = 0;
        for (int i = 0; i < bodies; i++) {
            counts[i] = (int) Math.floor(floor + b * Math.pow((double) i / (bodies - 1), 3));
            sum += counts[i];
        }
        for (int i = bodies - 1; sum < total; i = i == 0 ? bodies - 1 : i - 1) {
            counts[i]++;
            sum++;
        }
        return counts;
    }

    /**
     * {@link #REAL_ROUNDS} rounds opened on the province's plan, round r asking the bodies offered more
     * than r drafts; each report started by the engine (the round's job for it). The rounds' ids.
     */
    private List<Long> openRounds(BenchProvince p, int[] perBody, DataSource raw) throws Exception {
        List<String> bodies = p.bodies();
        List<Long> opened = new ArrayList<>();
        long creating = 0;
        long starting = 0;
        int made = 0;
        try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
            for (int r = 0; r < REAL_ROUNDS; r++) {
                List<String> asked = new ArrayList<>();
                for (int i = 0; i < bodies.size(); i++) {
                    if (perBody[i] > r) {
                        asked.add(bodies.get(i));
                    }
                }
                LocalDate deadline = RoundProcess.today().plusDays(10 + (r * 37L) % 300);
                long t0 = System.nanoTime();
                long roundId = roundProcess.create(p.planId(), new AdhocRoundInput("adhoc", "Báo cáo đột xuất B3 số "
                        + (r + 1), deadline, asked, null), p.receiver());
                String instance = runtime.createProcessInstanceQuery().processDefinitionKey("report-round")
                        .processInstanceBusinessKey("round-" + roundId).singleResult().getId();
                List<ReportLifecycles.Start> starts = ReportLifecycles.starts(raw, instance);
                assertThat(starts).hasSize(asked.size());
                long t1 = System.nanoTime();
                for (ReportLifecycles.Start start : starts) {
                    lifecycles.execute(start.jobId());
                }
                creating += t1 - t0;
                starting += System.nanoTime() - t1;
                made += asked.size();
                opened.add(roundId);
            }
        }
        log.info("Province {}: {} rounds ({} ms opening them), {} drafts ({} ms starting them)", p.code(), opened.size(),
                creating / 1_000_000, made, starting / 1_000_000);
        return opened;
    }

    /** Every other body's officer claims the body's first real draft (the earliest due): how many. */
    private int claim(BenchProvince p, JdbcTemplate jdbc) {
        int claimed = 0;
        List<String> bodies = p.bodies();
        for (int i = 0; i < bodies.size(); i += 2) {
            List<String> drafts = jdbc.queryForList("select t.id_ from act_ru_task t join act_ru_identitylink l on "
                    + "l.task_id_ = t.id_ and l.type_ = 'candidate' where l.group_id_ = ? and t.assignee_ is null "
                    + "order by t.due_date_, t.id_ limit 1", String.class, "officer." + bodies.get(i));
            for (String draft : drafts) {
                engineTasks.claim(draft, p.officers().get(bodies.get(i)).username());
                claimed++;
            }
        }
        return claimed;
    }

    /** One province's round from opened to sent, through the services (as B2 runs it, on one thread). */
    private void wholeRound(BenchProvince p, DataSource raw) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(raw);
        long roundId = roundProcess.create(p.planId(), new AdhocRoundInput("adhoc", "Báo cáo mẫu B3",
                RoundProcess.today().plusDays(40), null, null), p.receiver());
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("report-round")
                .processInstanceBusinessKey("round-" + roundId).singleResult().getId();
        try (ReportLifecycles lifecycles = new ReportLifecycles(tasks, management, raw)) {
            for (ReportLifecycles.Start start : ReportLifecycles.starts(raw, instance)) {
                lifecycles.run(start, p, null);
            }
        }
        roundProcess.close(roundId, p.receiver());
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
        String approval = task(jdbc, consolidation, "userTask_approveConsolidation");
        tasks.claim(approval, p.consolidationLeader());
        tasks.complete(approval, Map.of("decision", "approve"), p.consolidationLeader());
        String send = jdbc.queryForObject("select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = "
                + "j.process_instance_id_ where e.business_key_ = ? and e.id_ = e.proc_inst_id_", String.class,
                consolidation);
        management.executeJob(send);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("round-" + roundId).count())
                .as("the template round ended").isZero();
    }

    private static String task(JdbcTemplate jdbc, String businessKey, String key) {
        return jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                + "where e.business_key_ = ? and t.task_def_key_ = ?", String.class, businessKey, key);
    }

    private static Map<String, Long> rows(JdbcTemplate jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("open tasks (act_ru_task)", count(jdbc, "select count(*) from act_ru_task"));
        rows.put("· held by someone (assignee set)", count(jdbc, "select count(*) from act_ru_task where assignee_ is not null"));
        rows.put("act_ru_identitylink", count(jdbc, "select count(*) from act_ru_identitylink"));
        rows.put("act_ru_execution", count(jdbc, "select count(*) from act_ru_execution"));
        rows.put("act_ru_variable", count(jdbc, "select count(*) from act_ru_variable"));
        rows.put("finished tasks (act_hi_taskinst, ended)", count(jdbc,
                "select count(*) from act_hi_taskinst where end_time_ is not null"));
        rows.put("act_hi_taskinst", count(jdbc, "select count(*) from act_hi_taskinst"));
        rows.put("act_hi_actinst", count(jdbc, "select count(*) from act_hi_actinst"));
        rows.put("act_hi_procinst", count(jdbc, "select count(*) from act_hi_procinst"));
        rows.put("· ended", count(jdbc, "select count(*) from act_hi_procinst where end_time_ is not null"));
        rows.put("act_hi_varinst", count(jdbc, "select count(*) from act_hi_varinst"));
        rows.put("act_hi_identitylink", count(jdbc, "select count(*) from act_hi_identitylink"));
        rows.put("ttdn.process_instance_info", count(jdbc, "select count(*) from ttdn.process_instance_info"));
        rows.put("· running", count(jdbc, "select count(*) from ttdn.process_instance_info where ended_at is null"));
        return rows;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Every officer's inbox sizes, by scope (counted in SQL as the inbox counts them): sorted, for the spread. */
    private static Map<String, int[]> sizes(JdbcTemplate jdbc, List<CurrentUser> officers) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put(label(WorkflowTasks.Scope.MINE), "select count(*) from act_ru_task where suspension_state_ = 1 and "
                + "assignee_ = ?");
        counts.put(label(WorkflowTasks.Scope.GROUPS), "select count(*) from act_ru_task t where t.suspension_state_ = 1 "
                + "and t.id_ in (select l.task_id_ from act_ru_identitylink l where l.type_ = 'candidate' and l.group_id_ "
                + "in ('officer', 'officer.' || ?))");
        counts.put(label(WorkflowTasks.Scope.ALL_MINE), "select count(*) from act_ru_task t where t.suspension_state_ = 1 "
                + "and (t.assignee_ = ? or t.id_ in (select l.task_id_ from act_ru_identitylink l where l.type_ = "
                + "'candidate' and l.group_id_ in ('officer', 'officer.' || ?)))");
        Map<String, int[]> sizes = new LinkedHashMap<>();
        counts.forEach((scope, sql) -> {
            int[] each = new int[officers.size()];
            for (int i = 0; i < officers.size(); i++) {
                CurrentUser o = officers.get(i);
                Object[] args = scope.equals(label(WorkflowTasks.Scope.MINE)) ? new Object[] {o.username()}
                        : scope.equals(label(WorkflowTasks.Scope.GROUPS)) ? new Object[] {o.bodyCode()}
                        : new Object[] {o.username(), o.bodyCode()};
                each[i] = jdbc.queryForObject(sql, Integer.class, args);
            }
            Arrays.sort(each);
            sizes.put(scope, each);
        });
        return sizes;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the figures

    interface Call {
        long run(int i);
    }

    private Figure time(String name, String call, String as, int count, Call work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run(i);
        }
        long[] times = new long[count];
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            long total = work.run(i);
            times[i] = System.nanoTime() - start;
            totals.add(total);
        }
        Arrays.sort(times);
        Collections.sort(totals);
        Figure f = new Figure(name, call, as, times, totals.get(0).equals(totals.get(totals.size() - 1))
                ? String.valueOf(totals.get(0)) : totals.get(0) + "–" + totals.get(totals.size() - 1) + " (median "
                + totals.get(totals.size() / 2) + ")");
        log.info("{}: p50 {} ms, p95 {} ms, p99 {} ms ({} calls, totals {})", name, fmt(f.ms(50)), fmt(f.ms(95)),
                fmt(f.ms(99)), count, f.totals());
        return f;
    }

    /** The page is the officer's: at most a page, the total at least what it holds, every task theirs. */
    private static void check(TaskPage page, CurrentUser officer, WorkflowTasks.Scope scope) {
        assertThat(page.items().size()).isLessThanOrEqualTo(PAGE_SIZE);
        assertThat(page.total()).isGreaterThanOrEqualTo(page.items().size());
        for (var item : page.items()) {
            if (scope == WorkflowTasks.Scope.MINE) {
                assertThat(item.assignee()).isEqualTo(officer.username());
            } else {
                assertThat(item.bodyCode()).as("a task of the officer's body").isEqualTo(officer.bodyCode());
            }
        }
    }

    private static String label(WorkflowTasks.Scope scope) {
        return switch (scope) {
            case MINE -> "own (assigned to them)";
            case GROUPS -> "groups' (offered to their groups)";
            case ALL_MINE -> "own and groups'";
            case EVERY -> "every open task";
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // the section

    private String report(List<Figure> figures, Map<String, List<QueryPlans.Plan>> explained, List<Figure> before,
                          Map<String, List<QueryPlans.Plan>> explainedBefore, String indexDefinition, Map<String, Long> rows,
                          Map<String, Long> openAdded, Map<String, Long> added, Map<String, int[]> sizes, Duration generation,
                          List<Baseline.Figure> b0, CurrentUser busiest) {
        double single = b0.stream().filter(f -> f.clients() == 1).findFirst().orElseThrow().tps();
        StringBuilder md = new StringBuilder();
        md.append("An officer's inbox and the supervisor's views with " + String.format(Locale.ROOT, "%,d", OPEN)
                + " open tasks and " + String.format(Locale.ROOT, "%,d", FINISHED) + " finished ones, called through "
                + "the application's services as the API calls them, without HTTP: `WorkflowTasks.page` (`GET /api/tasks`, "
                + "a page of " + PAGE_SIZE + ", SQL paging over `act_ru_task` and the candidate links, the page's plans, "
                + "bodies and names read in one query each) and `Supervision.list` (`GET /api/instances`, the "
                + "dashboard, a page of " + DASHBOARD_PAGE_SIZE + "). One call after another on one thread, "
                + WARM_UP + " calls of warm-up first. The officers' calls go round " + sizes.get(label(
                WorkflowTasks.Scope.MINE)).length + " officers (each body's), so that every call is a different "
                + "person's inbox; the busiest officer's is timed on its own too. Section d-dashboard times the "
                + "dashboard over HTTP with 100,000 finished instances and few running ones; here it runs beside "
                + "tens of thousands of running report instances.\n\n");
        md.append("### Figures\n\n| figure | call | as | calls | p50 ms | p95 ms | p99 ms | mean ms | total (the page's "
                + "`total`) | p95 in B0 tx | goal | met |\n|---|---|---|---:|---:|---:|---:|---:|---|---:|---|---|\n");
        for (Figure f : figures) {
            boolean dashboard = f.name().contains("dashboard");
            double goal = dashboard ? DASHBOARD_GOAL_MS : INBOX_GOAL_MS;
            md.append("| ").append(f.name()).append(" | `").append(f.call()).append("` | ").append(f.as()).append(" | ")
                    .append(f.sorted().length).append(" | ").append(fmt(f.ms(50))).append(" | ").append(fmt(f.ms(95)))
                    .append(" | ").append(fmt(f.ms(99))).append(" | ").append(fmt(f.meanMs())).append(" | ")
                    .append(f.totals()).append(" | ").append(fmt(f.ms(95) * single / 1000)).append(" | p95 < ")
                    .append(fmt(goal)).append(" ms | ").append(f.ms(95) < goal ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n### The index added, before and after\n\n");
        if (indexDefinition == null) {
            md.append("No `" + INBOX_INDEX + "` in the database: nothing to compare.\n");
        } else {
            md.append("The plans below showed the supervisor's list of every open task reading every open task and "
                    + "sorting them for each page (`Seq Scan on act_ru_task`, then a sort of all of them): the "
                    + "application now adds, once the engine has made its tables (workflow's `InboxIndexes`, an "
                    + "engine plugin; the engine's tables are in `public` and do not exist yet when Flyway migrates "
                    + "`ttdn` on an empty database, so it is no Flyway migration), `" + indexDefinition + "`. "
                    + "An officer's own and groups' tasks need no index of ours (the engine's `act_idx_task_assignee` "
                    + "and `act_idx_ident_lnk_group` find them), but their `id_ in (select …)` was planned as a hash "
                    + "semi join over a sequential scan of every open task (at 20,000 open tasks, in the run before "
                    + "this change: 8.8 ms for the busiest officer's page of groups' tasks and 12.1 ms for its count, "
                    + "as explained, 33 ms for own and groups'), so `InboxSql` now gathers the ids into one array first "
                    + "(`id_ = any(array(…))`) and reads them by the primary key: the plans below. Before: the same calls with that index dropped (and "
                    + "`act_ru_task` analyzed), " + BEFORE_CALLS + " calls each after the warm-up; it was made again "
                    + "before the figures above.\n\n| figure | calls | p50 ms | p95 ms | p99 ms | mean ms |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            for (Figure f : before) {
                md.append("| ").append(f.name()).append(" | ").append(f.sorted().length).append(" | ")
                        .append(fmt(f.ms(50))).append(" | ").append(fmt(f.ms(95))).append(" | ").append(fmt(f.ms(99)))
                        .append(" | ").append(fmt(f.meanMs())).append(" |\n");
            }
            for (Map.Entry<String, List<QueryPlans.Plan>> r : explainedBefore.entrySet()) {
                for (QueryPlans.Plan p : r.getValue()) {
                    if (p.firstLine().toLowerCase(Locale.ROOT).contains("from act_ru_task res")) {
                        md.append("\n#### Before: ").append(r.getKey()).append("\n\n```sql\n").append(p.sql().strip())
                                .append("\n```\n\n```\n").append(String.join("\n", p.lines())).append("\n```\n");
                    }
                }
            }
        }
        md.append("\n### The data\n\n");
        md.append("Open tasks: made by the engine, then copied in SQL (starting 20,000 reports through the engine "
                + "takes over ten minutes on this machine). " + PROVINCES + " provinces of " + BODIES + " bodies each "
                + "(bench `BenchProvince`: an officer and a leader per body, an issued plan of " + TASKS + " tasks over "
                + "them); on each plan " + REAL_ROUNDS + " ad-hoc rounds opened for real with `RoundProcess.create`, "
                + "each body's report started by the engine (the round's job for it, run by the bench: the job executor "
                + "is off), its draft offered to the group `officer.<body>`; every other body's officer claims its "
                + "earliest draft (`TaskService.claim`). Then bench `OpenCopies` copies each body's real report "
                + "instances in SQL until the body is offered its share of drafts: the instance's execution, task, "
                + "candidate link, variables (with their byte arrays), its history so far (process, activity and task "
                + "instances, variables, identity links) and its catalogue line, each copy with ids of its own, due "
                + "(copy · 37) mod 300 days later, created up to ten days earlier, every " + HOLD_EVERY + "rd copy held by "
                + "the body's officer (assignee set, as a claim leaves it). A copy is the same body's report in the same "
                + "round and a sub-instance of nobody in the engine's runtime (the round's own execution knows only the "
                + "real one); the inbox and the dashboard read it as any other. The drafts a body is offered run from 8 "
                + "to some 180 (8 + b·x³ over the bodies, the same spread in every province). Rows the copies added: "
                + String.join(", ", openAdded.entrySet().stream().map(e -> "`" + e.getKey() + "` "
                + String.format(Locale.ROOT, "%,d", e.getValue())).toList()) + ".\n\n");
        md.append("Finished tasks: one whole round of a province of " + TEMPLATE_BODIES + " bodies of its own, for real "
                + "(every report drafted, approved, received; closed; consolidated, approved and sent), and the finished "
                + "process trees in the database (that round and the demo's) then copied in SQL by bench `HistoryCopies` "
                + "(each copy with ids of its own, a plan of its own, moved back by up to five years; the indexes that are "
                + "no constraint's dropped during the load and made again after it) until `act_hi_taskinst` holds the "
                + "finished tasks asked for. Copied: the engine's " + String.join(", ", HISTORY.stream().sorted()
                .map(t -> "`" + t + "`").toList()) + " and the instance catalogue; not copied (not read by the inbox "
                + "nor the dashboard, and they would treble the load's time): `act_hi_varinst`, `act_hi_detail`, "
                + "`act_hi_op_log`, `act_hi_job_log` and the audit record. Then `vacuum analyze`.\n\n");
        md.append("| rows | count |\n|---|---:|\n");
        rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%,d", v))
                .append(" |\n"));
        md.append("\nRows added by the copies of the finished trees: ").append(String.join(", ", added.entrySet().stream()
                .map(e -> "`" + e.getKey() + "` " + String.format(Locale.ROOT, "%,d", e.getValue())).toList()))
                .append(".\n\n");
        md.append("What an officer's inbox holds (the page's `total`), over the " + sizes.values().iterator().next().length
                + " officers:\n\n| scope | min | median | p95 | max |\n|---|---:|---:|---:|---:|\n");
        sizes.forEach((scope, each) -> md.append("| ").append(scope).append(" | ").append(each[0]).append(" | ")
                .append(each[each.length / 2]).append(" | ").append(each[(int) Math.ceil(0.95 * each.length) - 1])
                .append(" | ").append(each[each.length - 1]).append(" |\n"));
        md.append("\nThe busiest officer: `").append(busiest.username()).append("`.\n\n");
        md.append("How long the making took (all of it, B0 not included): **").append(generation.toSeconds())
                .append(" s**.\n\n| phase | seconds |\n|---|---:|\n");
        phases.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.toSeconds()).append(" |\n"));
        md.append("\n### The statements behind each call\n\nEvery statement one call sent (recorded at the "
                + "application's data source with its parameters), each EXPLAINed (ANALYZE, BUFFERS) again with those "
                + "parameters after the timed calls. \"Whole scans\" names the tables of " + String.join(", ",
                BIG_TABLES) + " a plan reads with a sequential scan.\n");
        for (Map.Entry<String, List<QueryPlans.Plan>> r : explained.entrySet()) {
            md.append("\n#### ").append(r.getKey()).append("\n\n| # | statement | execution ms | whole scans |\n"
                    + "|---:|---|---:|---|\n");
            int i = 1;
            double sum = 0;
            for (QueryPlans.Plan p : r.getValue()) {
                String first = p.firstLine();
                md.append("| ").append(i++).append(" | `").append(first.length() > 150 ? first.substring(0, 150) + "…"
                        : first).append("` | ").append(fmt(p.executionMs())).append(" | ")
                        .append(String.join(", ", p.seqScans())).append(" |\n");
                sum += p.executionMs();
            }
            md.append("\n").append(r.getValue().size()).append(" statements, ").append(fmt(sum))
                    .append(" ms in the database as explained.\n");
        }
        md.append("\n### Query plans of the inbox's statements\n\nThe statements over `act_ru_task` (the page and, when "
                + "the page is full, its count) of each call above, every statement that scans one of the tables above "
                + "whole, and the dashboard's page, in full.\n");
        for (Map.Entry<String, List<QueryPlans.Plan>> r : explained.entrySet()) {
            for (QueryPlans.Plan p : r.getValue()) {
                String sql = p.firstLine().toLowerCase(Locale.ROOT);
                if (sql.contains("from act_ru_task res") || !p.seqScans().isEmpty()
                        || r.getKey().contains("dashboard") && sql.startsWith("with ")) {
                    md.append("\n#### ").append(r.getKey()).append("\n\n```sql\n").append(p.sql().strip())
                            .append("\n```\n\n```\n").append(String.join("\n", p.lines())).append("\n```\n");
                }
            }
        }
        return md.toString();
    }

    private void phase(String name, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        phases.put(name, took);
        log.info("{}: {} s", name, took.toSeconds());
    }

    static String fmt(double v) {
        return BenchRun.fmt(v);
    }
}
