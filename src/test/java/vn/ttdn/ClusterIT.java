package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;
import vn.ttdn.support.Chain;
import vn.ttdn.support.NewIssuer;
import vn.ttdn.support.WebClient;

/**
 * Two nodes, one database (issue 11 §2, ADR 0014): two JVMs of the packaged jar on two ports against
 * one PostgreSQL, started at the same moment on an empty database. They start without racing (one
 * schema, one deployment, one first administrator), a session made on one node is served by the
 * other, the numbers issued from both at once are distinct and consecutive, every timer of the
 * rounds fires exactly once across both, and when one node is killed ({@code kill -9}) under load,
 * nothing that was answered is lost, the jobs it had locked run on the other after their lock
 * expires, and the other keeps serving. The nodes are told apart by the engine's hostname (node-a,
 * node-b), which the job log records and which begins each job executor's lock owner
 * ({@code ACT_RU_JOB.LOCK_OWNER_}); what a node holds and did is read from the database, not from its
 * log. The tests run in order, each on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClusterIT.class);

    private static final String ADMIN = "quantri.bng";
    private static final String ADMIN_PASSWORD = "Phố Tôn Thất Đàm số một";
    private static final String FIRST_PASSWORD = "Mật-khẩu-cấp-lần-đầu-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Chain.Cast CAST = NewIssuer.CAST;
    /** Plans issued at once from both nodes; the rounds of the first half fire their timers (b), the rest meet the kill (d). */
    private static final int PLANS = 12;
    /**
     * How long node A's job executor keeps a job locked: short, so that the test waits little for the dead
     * node's locks, long enough that they do not expire between A's taking them and its kill.
     */
    private static final long A_LOCK_MILLIS = 25_000;
    private static final long B_LOCK_MILLIS = 15_000;

    private static EmbeddedPostgres postgres;
    private static Node a;
    private static Node b;
    private static final Map<String, String> passwords = new LinkedHashMap<>();
    private static final List<Long> issued = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesAtOnce() throws Exception {
        // as docs/deployment.md asks: a connection whose node died is ended while it waits (for a lock, e.g.)
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("max_connections", "100")
                .setServerConfig("client_connection_check_interval", "1s").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role ttdn login password 'ttdn-db-secret'");
            s.execute("create database ttdn owner ttdn");
        }
        a = Node.start("node-a", A_LOCK_MILLIS, 500);
        b = Node.start("node-b", B_LOCK_MILLIS, 2000);
        a.awaitReady(Duration.ofMinutes(4));
        b.awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopTheNodes() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesStartedAtOnceOnAnEmptyDatabaseWithoutRacing() throws Exception {
        // one schema: every migration applied once, the engine's tables made once
        assertThat(count("select count(*) from ttdn.flyway_schema_history where not success")).isZero();
        assertThat(count("select count(*) from ttdn.flyway_schema_history where version is not null"))
                .isEqualTo(count("select count(distinct version) from ttdn.flyway_schema_history where version is not null"))
                .isGreaterThanOrEqualTo(15);
        assertThat(column("select version from ttdn.flyway_schema_history where version = '17'")).hasSize(1);
        assertThat(column("select value_ from act_ge_property where name_ = 'schema.version'")).hasSize(1);
        // the engine's tables in the account's own schema, first on PostgreSQL's search path ("$user", public),
        // which Flyway made before the engine started: ttdn, as the account is called, beside ours
        assertThat(column("select distinct table_schema from information_schema.tables where table_name like 'act\\_%'"))
                .containsExactly("ttdn");
        // one deployment of the processes and forms, one version of each process
        assertThat(count("select count(*) from act_re_deployment")).isEqualTo(1);
        assertThat(count("select count(*) from act_re_procdef where version_ <> 1")).isZero();
        // one first administrator, one engine user and one set of groups for them, though both nodes were given it
        assertThat(column("select username from ttdn.person")).containsExactly(ADMIN);
        assertThat(column("select code from ttdn.body")).containsExactly("QTHT");
        assertThat(column("select id_ from act_id_user")).containsExactly(ADMIN);
        assertThat(column("select distinct user_id_ from act_id_membership")).containsExactly(ADMIN);
        // each start waited for the other's start-up writers, and said nothing went wrong
        assertThat(a.lines("Start-up lock taken").size() + b.lines("Start-up lock taken").size()).isEqualTo(2);
        assertThat(Stream.concat(a.lines(" ERROR ").stream(), b.lines(" ERROR ").stream())).isEmpty();
    }

    @Test
    @Order(2)
    void aSessionMadeOnOneNodeIsServedByTheOther() throws Exception {
        // signed in through the form on node A
        WebClient signedIn = new WebClient(a.port).login(ADMIN, ADMIN_PASSWORD);
        String cookie = sessionCookie(signedIn);
        assertThat(column("select principal_name from ttdn.http_session")).containsExactly(ADMIN);

        // the same cookie on node B: the person is signed in there, API and pages
        HttpResponse<String> me = withCookie(b, "/api/account", cookie, "application/json");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo(ADMIN);
        assertThat(withCookie(b, "/ke-hoach", cookie, "text/html").statusCode()).isEqualTo(200);
        assertThat(withCookie(a, "/api/account", cookie, "application/json").statusCode()).isEqualTo(200);

        // a form of node A (its CSRF token is in the session) is accepted by node B: signing out there ends it everywhere
        String page = withCookie(a, "/ke-hoach", cookie, "text/html").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(page);
        assertThat(csrf.find()).isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> out = HttpClient.newHttpClient().send(HttpRequest.newBuilder(b.uri("/logout"))
                .header("Cookie", "SESSION=" + cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(token,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(withCookie(a, "/api/account", cookie, "application/json").statusCode()).isEqualTo(401);
        assertThat(count("select count(*) from ttdn.http_session where principal_name = '" + ADMIN + "'")).isZero();
    }

    @Test
    @Order(3)
    void numbersIssuedFromBothNodesAtOnceAreDistinctAndConsecutive() throws Exception {
        // given: the ministry's directory and people (loaded on A, passwords set on B, changed on either)
        WebClient onA = a.web();
        WebClient onB = b.web();
        ok(onA.postAs("/api/directory/import", ADMIN, ADMIN_PASSWORD, "application/yaml",
                Files.readAllBytes(NewIssuer.EXAMPLES.resolve("bo-ngoai-giao.directory.yaml"))));
        ok(onB.postAs("/api/directory/import", ADMIN, ADMIN_PASSWORD, "application/yaml",
                Files.readAllBytes(NewIssuer.EXAMPLES.resolve("bo-ngoai-giao.people.yaml"))));
        List<String> people = List.of(CAST.drafter(), CAST.director(), CAST.reviewer(), CAST.leader(), CAST.clerk());
        for (int i = 0; i < people.size(); i++) {
            String person = people.get(i);
            ok(onB.postAs("/api/people/" + person + "/password", ADMIN, ADMIN_PASSWORD, "application/json",
                    json(Map.of("password", FIRST_PASSWORD))));
            String chosen = "Sổ tay công tác số " + (i + 1) + " năm 2026";
            ok((i % 2 == 0 ? onA : onB).postAs("/api/account/password", person, FIRST_PASSWORD, "application/json",
                    json(Map.of("currentPassword", FIRST_PASSWORD, "newPassword", chosen))));
            passwords.put(person, chosen);
        }
        // and twelve programmes taken up to the clerk's issuance, each step on the node the other did not take
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> drives = IntStream.range(0, PLANS).<Callable<Long>>mapToObj(i -> () -> upToIssuance(i))
                    .toList();
            for (Future<Long> plan : pool.invokeAll(drives)) {
                issued.add(plan.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // when: the clerk issues all twelve at the same moment, half on each node
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clerks = Executors.newFixedThreadPool(PLANS);
        Map<Long, String> by = new ConcurrentHashMap<>();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < PLANS; i++) {
                long planId = issued.get(i);
                Node node = i % 2 == 0 ? a : b;
                String taskId = taskOf(node.web(), planId, "userTask_issue", CAST.clerk());
                ok(node.web().postAs("/api/tasks/" + taskId + "/claim", CAST.clerk(), passwords.get(CAST.clerk()),
                        "application/json", null));
                answers.add(clerks.submit(() -> {
                    go.await();
                    by.put(planId, node.name);
                    return node.web().postAs("/api/tasks/" + taskId + "/complete", CAST.clerk(),
                            passwords.get(CAST.clerk()), "application/json", json(Map.of("issueDate", today)));
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                ok(answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            clerks.shutdownNow();
        }

        // then: the numbers 1 to 12 of the ministry's register, once each, and each plan holds its own
        int year = LocalDate.parse(today).getYear();
        String register = "e.body_code = 'BNG' and e.document_type = 'CTr' and e.year = " + year;
        assertThat(column("select number from ttdn.register_entry e where " + register + " order by number"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PLANS).mapToObj(String::valueOf).toList());
        assertThat(count("select last_number from ttdn.register_counter e where " + register)).isEqualTo(PLANS);
        String ids = String.join(",", issued.stream().map(String::valueOf).toList());
        assertThat(column("select issued_reference from ttdn.plan where id in (" + ids + ") and status = 'ISSUED' "
                + "order by issued_reference")).containsExactlyElementsOf(IntStream.rangeClosed(1, PLANS)
                .mapToObj(n -> String.format("%02d/CTr-BNG", n)).toList());
        assertThat(count("select count(*) from ttdn.register_entry e join ttdn.plan p on p.id = e.plan_id where "
                + register + " and p.issued_reference = e.reference")).isEqualTo(PLANS);
        assertThat(Set.copyOf(by.values())).containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    @Order(4)
    void everyTimerOfTheRoundsFiresExactlyOnceAcrossBothNodes() throws Exception {
        // given: the rounds the issuance scheduled (on either node, once each), waiting for their opening day
        List<String> rounds = roundInstances(issued.subList(0, PLANS / 2));
        assertThat(rounds).isNotEmpty();

        // when: their opening day comes (the timers due now), then their reminders' and deadline's days
        dueNow(rounds, "timer_roundOpens");
        await(Duration.ofMinutes(2), () -> pendingJobs(rounds, false) == 0, "the rounds open");
        assertThat(count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where j.process_instance_id_ = any(" + array(rounds) + ") and d.act_id_ like 'boundaryEvent_%'"))
                .isEqualTo(4 * rounds.size());
        dueNow(rounds, "boundaryEvent_%");
        await(Duration.ofMinutes(2), () -> pendingJobs(rounds, true) == 0, "the reminders and the deadline fire");

        // then: each timer of each round fired once, its service task ran once, on one node or the other
        for (String activity : List.of("timer_roundOpens", "serviceTask_openRound", "boundaryEvent_remindSevenDays",
                "serviceTask_remindSevenDays", "boundaryEvent_remindThreeDays", "serviceTask_remindThreeDays",
                "boundaryEvent_remindDueDay", "serviceTask_remindDueDay", "boundaryEvent_overdue", "serviceTask_markLate")) {
            assertThat(column("select count(*) from act_hi_actinst where act_id_ = '" + activity
                    + "' and end_time_ is not null and proc_inst_id_ = any(" + array(rounds) + ") group by proc_inst_id_"))
                    .as(activity).hasSize(rounds.size()).containsOnly("1");
        }
        List<String> timerJobs = column("select distinct job_id_ from act_hi_job_log where job_def_type_ like "
                + "'timer%' and process_instance_id_ = any(" + array(rounds) + ")");
        assertThat(timerJobs).hasSize(5 * rounds.size());
        assertThat(column("select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like "
                + "'timer%' and process_instance_id_ = any(" + array(rounds) + ") group by job_id_"))
                .hasSize(timerJobs.size()).containsOnly("1");
        List<String> hosts = column("select hostname_ || ' ' || count(*) from act_hi_job_log where job_state_ = 2 "
                + "and process_instance_id_ = any(" + array(rounds) + ") group by hostname_ order by hostname_");
        log.info("The rounds' jobs ran on {}", hosts);
        assertThat(hosts).allMatch(h -> h.startsWith("node-a ") || h.startsWith("node-b "));
        // and what they did, once: every body late once, every round ready, no notice twice
        String roundIds = "select cast(substring(business_key_ from 7) as bigint) from act_ru_execution "
                + "where id_ = any(" + array(rounds) + ")";
        assertThat(column("select distinct status from ttdn.report_round where id in (" + roundIds + ")"))
                .containsExactly("READY");
        assertThat(count("select count(*) from ttdn.round_body where not late and round_id in (" + roundIds + ")")).isZero();
        assertThat(count("select count(*) from ttdn.notification where plan_id in ("
                + String.join(",", issued.subList(0, PLANS / 2).stream().map(String::valueOf).toList()) + ")")).isPositive();
        assertThat(column("select body_code || ' ' || message from ttdn.notification group by plan_id, body_code, "
                + "message having count(*) > 1")).isEmpty();
    }

    @Test
    @Order(5)
    void aNodeKilledUnderLoadLosesNothingItsLockedJobsRunAgainAndTheOtherKeepsServing() throws Exception {
        // given: the other rounds waiting to open, their rows held by the test, so that a job opening one
        // waits inside its transaction (Rounds.open locks its round first), its job locked by its node
        List<Long> plans = issued.subList(PLANS / 2, PLANS);
        String planIds = String.join(",", plans.stream().map(String::valueOf).toList());
        List<String> rounds = roundInstances(plans);
        List<String> openings = column("select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = 'timer_roundOpens' and j.process_instance_id_ = any(" + array(rounds) + ") "
                + "order by j.id_");
        assertThat(openings).hasSize(rounds.size());
        Connection holder = database().getConnection();
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.execute("select id from ttdn.report_round where plan_id in (" + planIds + ") for update");
        }

        // and load on both nodes: plans imported and their approval started, each answer kept
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> imported = new ConcurrentHashMap<>();
        Set<String> started = ConcurrentHashMap.newKeySet();
        Map<String, Integer> failedOnB = new ConcurrentHashMap<>();
        Map<String, Integer> failedOnA = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> loaders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Node node = t % 2 == 0 ? a : b;
            Map<String, Integer> failed = node == a ? failedOnA : failedOnB;
            String prefix = "LOAD-" + (node == a ? "A" : "B") + "-" + t + "-";
            loaders.add(load.submit(() -> {
                WebClient web = node.web();
                for (int i = 0; !stop.get(); i++) {
                    String code = prefix + i;
                    try {
                        HttpResponse<String> r = web.postAs("/api/plans", CAST.drafter(), passwords.get(CAST.drafter()),
                                "application/yaml", NewIssuer.programme(code, tree -> { }));
                        if (r.statusCode() != 201) {
                            failed.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
                            continue;
                        }
                        long id = JSON.readTree(r.body()).path("id").asLong();
                        imported.put(code, id);
                        HttpResponse<String> s = web.postAs("/api/plans/" + id + "/approval", CAST.drafter(),
                                passwords.get(CAST.drafter()), "application/json", null);
                        if (s.statusCode() / 100 == 2) {
                            started.add(code);
                        } else {
                            failed.merge(s.statusCode() + " " + s.body(), 1, Integer::sum);
                        }
                    } catch (IOException dead) {
                        if (node == a) {
                            return null; // killed
                        }
                        failed.merge(dead.toString(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            }));
        }
        await(Duration.ofMinutes(2), () -> answers(imported.keySet(), "A") >= 3 && answers(started, "A") >= 2
                && answers(started, "B") >= 2, () -> "both nodes answer (imported " + imported.keySet()
                + ", started " + started + ", refused by A " + failedOnA + ", by B " + failedOnB + ")");

        // and node A holding openings in execution: made due one at a time until A has locked two
        // (A looks for jobs every half second, B every two), each job A runs waiting for the test's lock
        int due = 0;
        Map<String, Timestamp> heldByA = Map.of();
        while (heldByA.size() < 2 && due < openings.size()) {
            String opening = openings.get(due++);
            try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second' where id_ = '" + opening
                        + "'");
            }
            await(Duration.ofSeconds(10), () -> count("select count(*) from act_ru_job where id_ = '" + opening
                    + "' and lock_owner_ is not null") == 1, "opening " + opening + " is taken");
            heldByA = locks(openings, "node-a");
        }
        Map<String, Timestamp> takenByA = heldByA;
        assertThat(takenByA).as("openings node A has locked, of " + due + " due").isNotEmpty();
        await(Duration.ofSeconds(10), () -> waitingOnTheTest("node-a") == takenByA.size(),
                () -> "node A runs its " + takenByA.size() + " openings (" + waitingOnTheTest("node-a") + " waiting)");
        assertThat(locks(openings, "node-a")).isEqualTo(takenByA);

        // when: node A is killed
        Set<String> importedBeforeKill = Set.copyOf(imported.keySet());
        Set<String> startedBeforeKill = Set.copyOf(started);
        a.kill();

        // then: PostgreSQL ends its connections (those waiting for the test's lock too, within the
        // client_connection_check_interval), rolling back what they had begun: the openings it held
        // are still there, still locked by it until the same moment, their rounds not opened, nothing logged
        await(Duration.ofSeconds(10), () -> count("select count(*) from pg_stat_activity where application_name = "
                + "'node-a'") == 0, "node A's connections end");
        assertThat(locks(openings, "node-a")).isEqualTo(takenByA);
        assertThat(column("select distinct r.status from act_ru_job j join act_ru_execution e on e.id_ = "
                + "j.process_instance_id_ join ttdn.report_round r on e.business_key_ = 'round-' || r.id where j.id_ = "
                + "any(" + array(takenByA.keySet()) + ")")).containsExactly("SCHEDULED");
        assertThat(count("select count(*) from act_hi_job_log where job_state_ <> 0 and job_id_ = any("
                + array(takenByA.keySet()) + ")")).isZero();
        // and node B keeps serving
        int importedByB = answers(imported.keySet(), "B");
        int startedByB = answers(started, "B");
        await(Duration.ofMinutes(1), () -> answers(imported.keySet(), "B") >= importedByB + 3
                && answers(started, "B") >= startedByB + 3, "node B answers after the kill");
        // and once their lock has expired, node B takes A's openings, not before
        await(Duration.ofMillis(A_LOCK_MILLIS).plusMinutes(1), () -> locks(openings, "node-b").keySet()
                .containsAll(takenByA.keySet()), () -> "node B takes node A's openings " + takenByA + ": "
                + column("select id_ || ' ' || lock_owner_ || ' ' || lock_exp_time_ from act_ru_job where id_ = any("
                + array(takenByA.keySet()) + ")"));
        Map<String, Timestamp> takenByB = locks(openings, "node-b");
        takenByA.forEach((job, expiry) -> assertThat(takenByB.get(job)).as(job)
                .isAfterOrEqualTo(new Timestamp(expiry.getTime() + B_LOCK_MILLIS)));
        // and when the test lets go of the rounds (and the other openings come due), every opening runs
        holder.rollback();
        holder.close();
        if (due < openings.size()) {
            dueNow(rounds, "timer_roundOpens");
        }
        await(Duration.ofMinutes(2), () -> pendingJobs(rounds, false) == 0
                && count("select count(*) from act_ru_job where id_ = any(" + array(openings) + ")") == 0,
                "the openings run");
        stop.set(true);
        for (Future<?> loader : loaders) {
            loader.get(1, TimeUnit.MINUTES);
        }
        load.shutdownNow();

        // then: every plan answered 201, on either node, before the kill or after, is in the database under
        // its code; every approval answered started has its instance and its first step; none is half made
        assertThat(importedBeforeKill).anyMatch(k -> k.startsWith("LOAD-A")).anyMatch(k -> k.startsWith("LOAD-B"));
        assertThat(startedBeforeKill).anyMatch(k -> k.startsWith("LOAD-A")).anyMatch(k -> k.startsWith("LOAD-B"));
        Map<String, String> stored = new HashMap<>();
        for (String row : column("select code || ' ' || id from ttdn.plan where code like 'LOAD-%'")) {
            stored.put(row.split(" ")[0], row.split(" ")[1]);
        }
        imported.forEach((code, id) -> assertThat(stored).as(code).containsEntry(code, String.valueOf(id)));
        assertThat(column("select business_key_ from act_hi_procinst where proc_def_key_ = 'plan-approval' and "
                + "business_key_ like 'LOAD-%'")).containsAll(started).doesNotHaveDuplicates();
        assertThat(column("select code from ttdn.plan p where code like 'LOAD-%' and (select count(*) from "
                + "ttdn.approval_step s where s.plan_id = p.id and s.step = 'START') <> (select count(*) from "
                + "act_hi_procinst h where h.business_key_ = p.code and h.proc_def_key_ = 'plan-approval')")).isEmpty();
        // node B kept serving: not one of its requests failed, and it answers now
        assertThat(failedOnB).isEmpty();
        assertThat(b.web().getAs("/actuator/health/readiness", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        // the openings node A had locked ran once, on B, after their lock expired; nothing of them on A
        for (Map.Entry<String, Timestamp> lock : takenByA.entrySet()) {
            assertThat(column("select hostname_ || ' ' || job_state_ || ' ' || (timestamp_ >= '" + lock.getValue()
                    + "') from act_hi_job_log where job_state_ <> 0 and job_id_ = '" + lock.getKey() + "'"))
                    .as(lock.getKey()).containsExactly("node-b 2 true");
        }
        // and every round opened once, whoever ran its opening
        for (String activity : List.of("timer_roundOpens", "serviceTask_openRound")) {
            assertThat(column("select count(*) from act_hi_actinst where act_id_ = '" + activity
                    + "' and end_time_ is not null and proc_inst_id_ = any(" + array(rounds) + ") group by proc_inst_id_"))
                    .as(activity).hasSize(rounds.size()).containsOnly("1");
        }
        assertThat(column("select distinct status from ttdn.report_round where plan_id in (" + planIds + ")"))
                .containsExactly("OPEN");
        log.info("Before the kill " + importedBeforeKill.size() + " plans imported and "
                + startedBeforeKill.size() + " approvals started, " + answers(importedBeforeKill, "A") + " and "
                + answers(startedBeforeKill, "A") + " on node A; in all " + imported.size() + " and " + started.size()
                + "; node A killed holding " + takenByA.size() + " of " + due + " openings due, run on node B after "
                + "their lock expired");
    }

    /** The answers in {@code codes} given by node {@code node} (A or B). */
    private static int answers(Set<String> codes, String node) {
        return (int) codes.stream().filter(c -> c.startsWith("LOAD-" + node + "-")).count();
    }

    /** Those of the jobs locked now by the node's job executor (its lock owner begins with its hostname), with their lock's expiry. */
    private static Map<String, Timestamp> locks(List<String> jobs, String node) {
        Map<String, Timestamp> locks = new TreeMap<>();
        try (Connection c = database().getConnection(); PreparedStatement q = c.prepareStatement(
                "select id_, lock_exp_time_ from act_ru_job where id_ = any(?) and lock_owner_ like ? "
                        + "and lock_exp_time_ > localtimestamp")) {
            q.setArray(1, c.createArrayOf("varchar", jobs.toArray()));
            q.setString(2, node + " %");
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    locks.put(rows.getString(1), rows.getTimestamp(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return locks;
    }

    /** The node's connections waiting now for the test's lock on the rounds. */
    private static int waitingOnTheTest(String node) {
        return count("select count(*) from pg_stat_activity where application_name = '" + node + "' and "
                + "wait_event_type = 'Lock' and query ilike '%report_round%'");
    }

    // --- the plans, the rounds and their jobs ---

    /** Imports programme {@code i} and takes it to the clerk's issuance, each step on the other node. */
    private static long upToIssuance(int i) throws Exception {
        Node first = i % 2 == 0 ? a : b;
        Node second = first == a ? b : a;
        JsonNode imported = JSON.readTree(expect(201, first.web().postAs("/api/plans", CAST.drafter(),
                passwords.get(CAST.drafter()), "application/yaml", NewIssuer.programme("BNG-CTR-CLUSTER-" + i, t -> { })))
                .body());
        long planId = imported.path("id").asLong();
        ok(second.web().postAs("/api/plans/" + planId + "/approval", CAST.drafter(), passwords.get(CAST.drafter()),
                "application/json", null));
        act(first, planId, "userTask_draftSubmission", CAST.drafter(), Chain.TO_TRINH);
        act(second, planId, "userTask_directorApproval", CAST.director(), Map.of("decision", "approve"));
        act(first, planId, "userTask_officeReview", CAST.reviewer(), Map.of("reviewOpinion", "Hồ sơ đầy đủ."));
        act(second, planId, "userTask_issuerDecision", CAST.leader(), Map.of("decision", "approve"));
        return planId;
    }

    private static void act(Node node, long planId, String taskKey, String person, Map<String, Object> values)
            throws Exception {
        String id = taskOf(node.web(), planId, taskKey, person);
        ok(node.web().postAs("/api/tasks/" + id + "/claim", person, passwords.get(person), "application/json", null));
        ok(node.web().postAs("/api/tasks/" + id + "/complete", person, passwords.get(person), "application/json",
                json(values)));
    }

    private static String taskOf(WebClient web, long planId, String taskKey, String person) throws Exception {
        JsonNode inbox = JSON.readTree(ok(web.getAs("/api/tasks?plan=" + planId, person, passwords.get(person))).body())
                .path("items");
        List<String> ids = Stream.iterate(0, i -> i < inbox.size(), i -> i + 1).map(inbox::get)
                .filter(t -> t.path("planId").asLong() == planId && t.path("taskKey").asText().equals(taskKey))
                .map(t -> t.path("id").asText()).toList();
        assertThat(ids).as("%s's inbox holds %s of plan %s", person, taskKey, planId).hasSize(1);
        return ids.get(0);
    }

    /** The round instances of the plans, once the issuance has scheduled them: one per round, each waiting to open. */
    private static List<String> roundInstances(List<Long> plans) throws Exception {
        String planIds = String.join(",", plans.stream().map(String::valueOf).toList());
        await(Duration.ofMinutes(1), () -> count("select count(distinct plan_id) from ttdn.report_round where plan_id in ("
                + planIds + ")") == plans.size() && count("select count(*) from ttdn.report_round r where plan_id in ("
                + planIds + ") and not exists (select 1 from act_ru_execution e where e.id_ = e.proc_inst_id_ "
                + "and e.business_key_ = 'round-' || r.id)") == 0, "the rounds are scheduled");
        assertThat(column("select business_key_ from act_ru_execution where id_ = proc_inst_id_ and "
                + "business_key_ like 'round-%' group by business_key_ having count(*) > 1")).isEmpty();
        return column("select e.id_ from act_ru_execution e join ttdn.report_round r on e.business_key_ = "
                + "'round-' || r.id where e.id_ = e.proc_inst_id_ and e.super_exec_ is null and r.plan_id in ("
                + planIds + ")");
    }

    /** The instances' timers of these activities due now, as if their day had come. */
    private static void dueNow(List<String> instances, String activities) throws Exception {
        try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
            int moved = s.executeUpdate("update act_ru_job j set duedate_ = now() - interval '1 second' from "
                    + "act_ru_jobdef d where d.id_ = j.job_def_id_ and j.type_ = 'timer' and d.act_id_ like '"
                    + activities + "' and j.process_instance_id_ = any(" + array(instances) + ")");
            assertThat(moved).isPositive();
        }
    }

    /** Jobs of the instances (and the reports they called) still to run now; with {@code timers}, any timer too. */
    private static int pendingJobs(List<String> instances, boolean timers) {
        return count("select count(*) from act_ru_job j where j.process_instance_id_ in (select e.proc_inst_id_ "
                + "from act_ru_execution e where e.root_proc_inst_id_ = any(" + array(instances) + ")) and "
                + "j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= now()" + (timers ? " or j.type_ = 'timer'" : "")
                + ")");
    }

    // --- the nodes ---

    /** One application JVM of the packaged jar, on its own port, with its engine named by its hostname. */
    private static final class Node {
        final String name;
        final int port;
        final Path log;
        final Process process;

        private Node(String name, int port, Path log, Process process) {
            this.name = name;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        static Node start(String name, long lockMillis, long maxWaitMillis) throws IOException {
            int port = freePort();
            Path log = Path.of("target", "cluster-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar().toString(),
                    // the engine's name for this host: in the job log (ACT_HI_JOB_LOG.HOSTNAME_) and at the
                    // head of its job executor's lock owner (ACT_RU_JOB.LOCK_OWNER_, JobLockOwner)
                    "--camunda.bpm.generic-properties.properties.hostname=" + name,
                    // short locks, so a dead node's jobs are taken again soon; an idle executor looks often
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis,
                    "--camunda.bpm.job-execution.wait-time-in-millis=500",
                    "--camunda.bpm.job-execution.max-wait=" + maxWaitMillis)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("TTDN_") || k.startsWith("DB_") || k.startsWith("SPRING_"));
            env.put("DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/ttdn?ApplicationName=" + name);
            env.put("DB_USER", "ttdn");
            env.put("DB_PASSWORD", "ttdn-db-secret");
            env.put("DB_POOL_SIZE", "15");
            env.put("PORT", String.valueOf(port));
            env.put("TTDN_DEMO", "false");
            env.put("TTDN_ADMIN_USERNAME", ADMIN);
            env.put("TTDN_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("TTDN_ADMIN_FULL_NAME", "Quản trị viên Bộ Ngoại giao");
            env.put("TTDN_BASE_URL", "http://localhost:" + port);
            return new Node(name, port, log, builder.start());
        }

        WebClient web() {
            return new WebClient(port);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        void awaitReady(Duration limit) throws Exception {
            Instant until = Instant.now().plus(limit);
            while (Instant.now().isBefore(until)) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " stopped (" + process.exitValue() + "):\n" + tail());
                }
                try {
                    if (web().get("/actuator/health/readiness").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new AssertionError(name + " did not start within " + limit + ":\n" + tail());
        }

        /** {@code kill -9}: no shutdown hook, no connection closed by the JVM. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        List<String> lines(String containing) throws IOException {
            return Files.readAllLines(log).stream().filter(l -> l.contains(containing)).toList();
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    // --- HTTP and database helpers ---

    private static String sessionCookie(WebClient web) throws Exception {
        assertThat(web.get("/ke-hoach").statusCode()).isEqualTo(200);
        return web.cookie("SESSION").orElseThrow(() -> new AssertionError("No SESSION cookie"));
    }

    private static HttpResponse<String> withCookie(Node node, String path, String session, String accept)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri(path)).header("Cookie", "SESSION=" + session)
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode() / 100).as("%s %s", response.statusCode(), response.body()).isEqualTo(2);
        return response;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static byte[] json(Object value) throws IOException {
        return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void await(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        await(limit, condition, () -> what);
    }

    private static void await(Duration limit, BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Not within " + limit + ": " + what.get());
            }
            Thread.sleep(200);
        }
    }

    private static String array(java.util.Collection<String> ids) {
        return "array[" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + "]::varchar[]";
    }

    private static PGSimpleDataSource database() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/ttdn");
        source.setUser("ttdn");
        source.setPassword("ttdn-db-secret");
        return source;
    }

    private static List<String> column(String sql) {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int count(String sql) {
        return Integer.parseInt(column(sql).get(0));
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("ttdn-workflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run the package phase"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
