package vn.ttdn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ttdn.support.WebClient;

/**
 * B4 (issue 11 §1): 50 people at once over HTTP, at a fixed arrival rate, each listing their inbox,
 * opening a report draft and completing it; the application in a JVM of its own with
 * {@code -Xmx512m} ({@link AppProcess}), on an embedded PostgreSQL 15 this bench starts. The same
 * load three times, each on tasks of its own, signed three ways: a personal API token (Bearer, one
 * SHA-256 and one index probe per request), the browser's session cookie (one form login each), and
 * HTTP Basic (BCrypt on every request). The data is made through the API as the demo people would:
 * ad-hoc rounds opened on the four issued provincial seed plans until each person has a report to
 * draft for every iteration that will come to them.
 *
 * <p>Not a test of speed: nothing fails on a time. It fails when the data is not what it says, or when
 * the completions counted are not the ones the database holds.
 */
class B4HttpBench {

    private static final Logger log = LoggerFactory.getLogger(B4HttpBench.class);
    static final int USERS = Integer.getInteger("bench.b4.users", 50);
    /** Iterations (inbox, form, claim, complete) per second, across every user. */
    static final double RATE = Double.parseDouble(System.getProperty("bench.b4.rate", "5"));
    /** How long the token's load lasts; the session's and Basic's, {@link #OTHER_SECONDS}. */
    static final int SECONDS = Integer.getInteger("bench.b4.seconds", 60);
    static final int OTHER_SECONDS = Integer.getInteger("bench.b4.other-seconds", 30);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.b4.warmup", 10);
    static final int MAX_OUTSTANDING = Integer.getInteger("bench.b4.max-outstanding", 150);
    static final double INBOX_GOAL_MS = 100;
    static final double COMPLETE_GOAL_MS = 200;
    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\">");
    private static final Map<String, String> PLANS = Map.of("QNG-KH-116", "cv.svhttdl.qng", "NTH-KH-NQ47",
            "cv.svhttdl.nth", "NDH-KH-NQ47", "cv.svhttdl.ndh", "DLK-KH-NQ47", "cv.svhttdl.dlk");

    static {
        // no Spring context here to set the levels: the bench's own lines, and warnings
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("vn.ttdn.bench"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    private static EmbeddedPostgres postgres;
    private static AppProcess app;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Duration> phases = new LinkedHashMap<>();

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void fiftyPeopleListOpenAndCompleteTheirTasks() throws Exception {
        long started = System.nanoTime();
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        DataSource raw = postgres.getPostgresDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(raw);
        app = AppProcess.start(jdbcUrl, Duration.ofMinutes(5));
        phase("application started (its own JVM, -Xmx" + AppProcess.HEAP + ", demo data)", started);
        WebClient admin = new WebClient(app.port());

        // the people: one officer of each body the plans' rounds ask, as many as there are up to USERS
        started = System.nanoTime();
        Map<String, Long> planIds = new LinkedHashMap<>();
        PLANS.keySet().stream().sorted().forEach(code -> planIds.put(code,
                jdbc.queryForObject("select id from ttdn.plan where code = ?", Long.class, code)));
        List<String> people = new ArrayList<>();
        for (Map.Entry<String, Long> plan : planIds.entrySet()) {
            JsonNode round = openRound(admin, plan.getValue(), PLANS.get(plan.getKey()), 0);
            for (JsonNode body : round.path("bodies")) {
                List<String> officer = jdbc.queryForList("select min(p.username) from ttdn.person p join ttdn.person_role r "
                        + "on r.username = p.username where p.body_code = ? and upper(r.role) = 'OFFICER' and p.enabled",
                        String.class, body.path("code").asText());
                if (officer.get(0) != null && !people.contains(officer.get(0))
                        && !PLANS.containsValue(officer.get(0))) {
                    people.add(officer.get(0));
                }
            }
        }
        assertThat(people).as("officers of the bodies asked").hasSizeGreaterThanOrEqualTo(USERS);
        List<String> users = people.subList(0, USERS);
        int iterations = (int) Math.ceil(RATE * (WARM_UP_SECONDS + SECONDS + 2 * OTHER_SECONDS)) + USERS;
        int perUser = (int) Math.ceil((double) iterations / USERS) + 2;

        // their tasks: rounds opened until each has a draft for every iteration that will come to them
        ExecutorService openers = Executors.newFixedThreadPool(planIds.size());
        List<Future<?>> opened = new ArrayList<>();
        for (Map.Entry<String, Long> plan : planIds.entrySet()) {
            opened.add(openers.submit(() -> {
                for (int n = 1; n < perUser; n++) {
                    openRound(admin, plan.getValue(), PLANS.get(plan.getKey()), n);
                }
                return null;
            }));
        }
        for (Future<?> f : opened) {
            f.get();
        }
        openers.shutdown();
        awaitDrafts(jdbc, users, perUser);
        long openDrafts = jdbc.queryForObject("select count(*) from act_ru_task where task_def_key_ = ?", Long.class,
                OpenLoad.DRAFT);
        long rounds = jdbc.queryForObject("select count(*) from ttdn.report_round", Long.class);
        phase("data: " + rounds + " rounds, " + openDrafts + " report drafts open, ≥ " + perUser + " per person", started);

        // how each signs in: a token each, a session each (one form login), Basic
        started = System.nanoTime();
        List<OpenLoad.User> byToken = new ArrayList<>();
        List<OpenLoad.User> bySession = new ArrayList<>();
        List<OpenLoad.User> byBasic = new ArrayList<>();
        ExecutorService signers = Executors.newFixedThreadPool(4);
        List<Future<OpenLoad.User[]>> signedIn = new ArrayList<>();
        for (String user : users) {
            signedIn.add(signers.submit(() -> signIns(user)));
        }
        for (Future<OpenLoad.User[]> f : signedIn) {
            OpenLoad.User[] three = f.get();
            byToken.add(three[0]);
            bySession.add(three[1]);
            byBasic.add(three[2]);
        }
        signers.shutdown();
        assertThat(jdbc.queryForObject("select count(*) from ttdn.api_token where revoked_at is null", Long.class))
                .isEqualTo(USERS);
        phase("sign-ins: " + USERS + " tokens made, " + USERS + " form logins", started);

        // B0 on the same server, before anything is timed
        started = System.nanoTime();
        List<Baseline.Figure> b0 = BenchRun.b0(jdbcUrl, raw);
        phase("B0", started);

        // the loads
        OpenLoad load = new OpenLoad(json);
        started = System.nanoTime();
        load.run("warm-up", byToken, RATE, Duration.ofSeconds(WARM_UP_SECONDS), MAX_OUTSTANDING);
        phase("warm-up (" + WARM_UP_SECONDS + " s, token)", started);
        double loadFrom = app.uptimeSeconds();
        List<OpenLoad.Result> results = new ArrayList<>();
        record Mode(String name, List<OpenLoad.User> users, int seconds) {
        }
        for (Mode mode : List.of(new Mode("personal API token (Bearer)", byToken, SECONDS),
                new Mode("session cookie (form login)", bySession, OTHER_SECONDS),
                new Mode("HTTP Basic (BCrypt per request)", byBasic, OTHER_SECONDS))) {
            started = System.nanoTime();
            long before = completedDrafts(jdbc);
            OpenLoad.Result result = load.run(mode.name(), mode.users(), RATE, Duration.ofSeconds(mode.seconds()),
                    MAX_OUTSTANDING);
            assertThat(completedDrafts(jdbc) - before).as("completions " + mode.name() + " in the database")
                    .isEqualTo(result.completed());
            results.add(result);
            log.info("{}: {} of {} iterations completed, {} dropped, {} without a task, {} errors {}; p95 inbox {} ms, "
                            + "form {} ms, claim {} ms, complete {} ms", result.mode(), result.completed(),
                    result.scheduled(), result.dropped(), result.noTask(), result.errors(), result.errorSamples(),
                    result.ms("inbox", 95), result.ms("form", 95), result.ms("claim", 95), result.ms("complete", 95));
            phase(mode.name() + " (" + mode.seconds() + " s of arrivals)", started);
        }
        double loadTo = app.uptimeSeconds();
        List<AppProcess.Gc> gcs = app.collections();
        String heapNow = app.heapInfo();
        boolean outOfMemory = app.outOfMemory();

        B4Report report = new B4Report(USERS, RATE, MAX_OUTSTANDING, b0, results, gcs, loadFrom, loadTo,
                heapNow, outOfMemory, phases, app.startUp(), rounds, openDrafts);
        log.info("{}", report.table());
        log.info("Written: {}", report.write().toAbsolutePath());
    }

    /** The person signed three ways: a token made for the bench, a form login (its CSRF token read), Basic. */
    private OpenLoad.User[] signIns(String user) throws Exception {
        WebClient client = new WebClient(app.port());
        HttpResponse<String> made = client.postAs("/api/account/tokens", user, "demo", "application/json",
                json.writeValueAsBytes(Map.of("name", "B4", "expiresInDays", 1)));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = "Bearer " + json.readTree(made.body()).path("token").asText();
        String basic = WebClient.basic(user, "demo");
        WebClient browser = new WebClient(app.port()).login(user, "demo");
        Map<String, String> csrf = csrf(browser.get("/viec").body());
        return new OpenLoad.User[] {
            new OpenLoad.User(user, new WebClient(app.port()), (r, write) -> r.header("Authorization", token)),
            new OpenLoad.User(user, browser, (r, write) -> {
                if (write) {
                    r.header(csrf.get("_csrf_header"), csrf.get("_csrf"));
                }
            }),
            new OpenLoad.User(user, new WebClient(app.port()), (r, write) -> r.header("Authorization", basic))};
    }

    /** An ad-hoc round of the whole plan, opened by its consolidating officer; the round. */
    private JsonNode openRound(WebClient client, long planId, String officer, int n) throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("kind", "adhoc", "label", "Kỳ B4 số " + n,
                "deadline", LocalDate.now().plusDays(60).toString()));
        HttpResponse<String> answer = client.postAs("/api/plans/" + planId + "/rounds", officer, "demo",
                "application/json", body);
        if (answer.statusCode() != 201) {
            throw new AssertionError("Round not opened on plan " + planId + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return json.readTree(answer.body());
    }

    /** Until each person has {@code perUser} report drafts to take (the rounds' reports start in the background). */
    private static void awaitDrafts(JdbcTemplate jdbc, List<String> users, int perUser) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String sql = "select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_ "
                + "and l.type_ = 'candidate' join ttdn.person p on l.group_id_ = concat('officer.', p.body_code) "
                + "where p.username = ? and t.task_def_key_ = ? and t.assignee_ is null";
        while (true) {
            int fewest = Integer.MAX_VALUE;
            for (String user : users) {
                fewest = Math.min(fewest, jdbc.queryForObject(sql, Integer.class, user, OpenLoad.DRAFT));
            }
            if (fewest >= perUser) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewest drafts of a person: " + fewest + ", wanted " + perUser);
            }
            Thread.sleep(1000);
        }
    }

    private static long completedDrafts(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from act_hi_taskinst where task_def_key_ = ? and end_time_ is not null "
                + "and delete_reason_ = 'completed'", Long.class, OpenLoad.DRAFT);
    }

    private static Map<String, String> csrf(String page) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = META.matcher(page);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        if (found.size() != 2) {
            throw new IllegalStateException("No CSRF token on the page: "
                    + new String(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).substring(0, 200));
        }
        return found;
    }

    private void phase(String name, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        phases.put(name, took);
        log.info("{}: {} s", name, took.toSeconds());
    }
}
