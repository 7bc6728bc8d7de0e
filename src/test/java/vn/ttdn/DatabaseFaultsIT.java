package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.EmbeddedPostgresInitializer;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebClient;
import vn.ttdn.support.WebTest;

/**
 * The database failing under the application, on a PostgreSQL of this test's own: every connection
 * of the pool taken, and the server stopped and started again while requests are running. Each
 * request the database cannot serve is answered 503 with its problem (the API) or the Vietnamese
 * error page, within the pool's connection timeout; a completion cut off in its transaction leaves
 * nothing behind; and once the database is back the application serves again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        EmbeddedPostgresInitializer.OWN_DATABASE + "=true",
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.hikari.connection-timeout=" + DatabaseFaultsIT.CONNECTION_TIMEOUT_MILLIS,
        "spring.datasource.hikari.maximum-pool-size=8"})
@AutoConfigureMockMvc
@Import({Db.class, WebTest.Beans.class})
@ContextConfiguration(initializers = DatabaseFaultsIT.ServerLease.class)
@DirtiesContext
class DatabaseFaultsIT {

    static final long CONNECTION_TIMEOUT_MILLIS = 2000;
    /** Far above the connection timeout: an answer later than this is a hang. */
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final Cast QNG = Cast.of("qng");
    private static final Logger log = LoggerFactory.getLogger(DatabaseFaultsIT.class);

    private static Path dataDirectory;
    private static EmbeddedPostgres server;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDetailsService users;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory = Files.createTempDirectory("ttdn-faults-postgres");
        server = startServer(0);
        String url = server.getJdbcUrl("postgres", "postgres");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The server on this data directory; port 0 picks a free one (the first start), else the same again. */
    private static EmbeddedPostgres startServer(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setServerConfig("fsync", "off").setServerConfig("max_connections", "100");
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Stops the server when the application has closed (registered first, so destroyed last). */
    static class ServerLease implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("faultsPostgresLease",
                    (DisposableBean) () -> server.close());
        }
    }

    @Test
    void aPoolWithEveryConnectionTakenAnswers503WithinItsTimeoutAndServesAgainOnceOneIsFree() throws Exception {
        // given an officer signed in (the browser) and every connection of the pool taken
        WebClient browser = new WebClient(port).login(QNG.drafter(), "demo");
        UserDetails officer = users.loadUserByUsername(QNG.drafter());
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> taken = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                taken.add(pool.getConnection());
            }

            // when the API and a page are asked for
            long started = System.nanoTime();
            Future<MvcResult> api = clients.submit(() -> perform(MockMvcRequestBuilders.get("/api/tasks"), officer));
            Future<HttpResponse<String>> page = clients.submit(() -> browser.get("/viec"));
            MvcResult apiAnswer = api.get(HANG.toSeconds(), TimeUnit.SECONDS);
            long apiMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            HttpResponse<String> pageAnswer = page.get(HANG.toSeconds(), TimeUnit.SECONDS);
            log.info("Pool exhausted: the API answered {} after {} ms (connection timeout {} ms)",
                    apiAnswer.getResponse().getStatus(), apiMillis, CONNECTION_TIMEOUT_MILLIS);

            // then both answer 503, with the problem or the Vietnamese page, and wait no longer than the timeout allows
            assertUnavailable(apiAnswer);
            assertThat(apiMillis).isGreaterThanOrEqualTo(CONNECTION_TIMEOUT_MILLIS);
            assertUnavailablePage(pageAnswer);
        } finally {
            for (Connection c : taken) {
                c.close();
            }
            clients.shutdownNow();
        }

        // and once connections are free again, the same requests are served
        assertThat(perform(MockMvcRequestBuilders.get("/api/tasks"), officer).getResponse().getStatus()).isEqualTo(200);
        assertThat(browser.get("/viec").statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartOfTheDatabaseFailsTheRequestsInFlightCleanlyAndTheApplicationRecoversOnItsOwn() throws Exception {
        // given the director holding the Tờ trình of a plan in approval, and people signed in
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-FAULT-RESTART");
        Chain.ok(chain.start(planId, QNG.drafter()));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        String taskId = chain.task(planId, "userTask_directorApproval", QNG.director());
        Chain.ok(chain.post("/api/tasks/" + taskId + "/claim", QNG.director(), null));
        UserDetails director = users.loadUserByUsername(QNG.director());
        List<UserDetails> readers = List.of(users.loadUserByUsername(QNG.drafter()),
                users.loadUserByUsername(QNG.reviewer()), users.loadUserByUsername("giamsat"));
        WebClient browser = new WebClient(port).login(QNG.drafter(), "demo");
        await().atMost(Duration.ofSeconds(60)).until(() -> db.jdbc().queryForObject(
                "select count(*) from ttdn.event_publication where completion_date is null", Integer.class) == 0);
        Map<String, List<String>> engineBefore = db.engineRuntimeRows();
        long lastAudit = db.lastAuditEvent();
        int stepsBefore = steps(planId);

        ExecutorService clients = Executors.newFixedThreadPool(readers.size() + 1);
        AtomicBoolean loading = new AtomicBoolean(true);
        Set<Integer> loadStatuses = ConcurrentHashMap.newKeySet();
        List<Future<?>> load = new ArrayList<>();
        Future<MvcResult> completion;
        try (Connection locker = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
            // and the director's completion under way, held inside its transaction by a lock on the task's row
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.executeQuery("select id_ from public.act_ru_task where id_ = '" + taskId + "' for update").close();
            }
            completion = clients.submit(() -> perform(MockMvcRequestBuilders.post("/api/tasks/" + taskId + "/complete")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"approve\"}"), director));
            await().atMost(HANG).until(() -> waitingOnALock(locker));
            // and readers listing their tasks all along
            for (UserDetails reader : readers) {
                load.add(clients.submit(() -> {
                    while (loading.get()) {
                        loadStatuses.add(perform(MockMvcRequestBuilders.get("/api/tasks"), reader).getResponse().getStatus());
                    }
                    return null;
                }));
            }

            // when the database stops (every session cut off, the completion's too)
            int serverPort = server.getPort();
            server.close();

            // then the completion in flight fails cleanly with 503, and so do requests while the database is away
            assertUnavailable(completion.get(HANG.toSeconds(), TimeUnit.SECONDS));
            assertUnavailable(perform(MockMvcRequestBuilders.get("/api/tasks"), readers.get(0)));
            assertUnavailablePage(browser.get("/viec"));

            // when the database is back, on the same port and data
            server = startServer(serverPort);
        } catch (SQLException cutOff) {
            // closing the locker's connection, cut off by the stop: nothing to give back
            log.debug("The locker's connection was cut off: {}", cutOff.getMessage());
        }

        // then the application serves again without a restart
        await().atMost(HANG).until(() -> perform(MockMvcRequestBuilders.get("/api/tasks"), readers.get(0))
                .getResponse().getStatus() == 200);
        assertThat(browser.get("/viec").statusCode()).isEqualTo(200);
        loading.set(false);
        for (Future<?> reader : load) {
            reader.get(HANG.toSeconds(), TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(loadStatuses).as("statuses of the readers' requests").contains(200, 503).isSubsetOf(200, 503);

        // and nothing of the cut-off completion remains: the task open and held, no step, no audit event
        assertThat(db.engineRuntimeRows()).isEqualTo(engineBefore);
        assertThat(steps(planId)).isEqualTo(stepsBefore);
        assertThat(db.auditEventsAfter(lastAudit)).isEmpty();
        assertThat(db.jdbc().queryForObject("select end_time_ is null from public.act_hi_taskinst where id_ = ?",
                Boolean.class, taskId)).isTrue();

        // and the director sending it again completes it, once
        assertThat(perform(MockMvcRequestBuilders.post("/api/tasks/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"approve\"}"), director)
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(steps(planId)).isEqualTo(stepsBefore + 1);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.audit_event where kind = 'task.completed' "
                + "and task_id = ?", Integer.class, taskId)).isEqualTo(1);
        assertThat(chain.tasks(planId, "userTask_officeReview", QNG.reviewer())).hasSize(1);
    }

    /** A request as this person, their account read before (so that it needs no database to be built). */
    private MvcResult perform(MockHttpServletRequestBuilder request, UserDetails person) throws Exception {
        return mvc.perform(request.with(user(person)).with(csrf())).andReturn();
    }

    private void assertUnavailable(MvcResult answer) throws Exception {
        assertThat(answer.getResponse().getStatus()).isEqualTo(503);
        assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("database.unavailable");
        assertThat(problem.path("errors").get(0).path("text").asText())
                .startsWith("Cơ sở dữ liệu tạm thời không truy cập được");
    }

    private static void assertUnavailablePage(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("main").attr("data-status")).isEqualTo("503");
        assertThat(page.getElementById("error-heading").text()).isEqualTo("Hệ thống tạm thời gián đoạn");
        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
    }

    /** Whether a session of the application waits for a lock (the completion, on the task's row). */
    private static boolean waitingOnALock(Connection locker) throws SQLException {
        try (Statement s = locker.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                     + "and pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1) > 0;
        }
    }

    private int steps(long planId) {
        return db.jdbc().queryForObject("select count(*) from ttdn.approval_step where plan_id = ?", Integer.class,
                planId);
    }
}
