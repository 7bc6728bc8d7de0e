package vn.ttdn.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The peer of B1: a bare Camunda engine, as its documentation sets one up (a plain
 * {@link StandaloneProcessEngineConfiguration}, FULL history, the job executor off, no listener, no
 * plugin), on a database of its own on the same server, running the same three-task lifecycle as
 * {@code agency-report}: started with the variables the application's report gets from its round,
 * each task claimed and completed through {@code TaskService} by its person (the engine's authenticated
 * user set, as the application sets it, so history logs the same user operations), the draft's content
 * kept as a JSON variable (the application keeps it in its own table), the decisions as variables.
 */
final class BareEngine implements AutoCloseable {

    static final String DATABASE = "bench_peer";
    static final String KEY = "peer-report";

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final String jdbcUrl;

    BareEngine(String serverJdbcUrl, DataSource raw) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        jdbcUrl = serverJdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("bench-peer");
        pool = new HikariDataSource(config);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bench-peer");
        configuration.setDataSource(SqlCapture.counting(pool));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        engine = configuration.buildProcessEngine();
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(3650)
                .startEvent("start")
                .userTask("draft").camundaCandidateGroups("officer.${reportBody}").camundaDueDate("${dueAt}")
                .userTask("approve").camundaCandidateGroups("leader.${reportBody}").camundaDueDate("${dueAt}")
                .userTask("receive").camundaCandidateGroups("officer.${consolidatingBody}")
                .endEvent("received")
                .done();
        engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
    }

    /** The peer's database, for its commits. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    HikariDataSource pool() {
        return pool;
    }

    /** One worker's lifecycles; its lookups on a connection of its own, in one read-only transaction. */
    Worker worker() throws SQLException {
        return new Worker();
    }

    final class Worker implements AutoCloseable {
        private final Connection lookups;
        private final PreparedStatement nextTask;

        Worker() throws SQLException {
            lookups = pool.getConnection();
            lookups.setAutoCommit(false);
            lookups.setReadOnly(true);
            nextTask = lookups.prepareStatement("select id_ from act_ru_task where proc_inst_id_ = ?");
        }

        /** Start → draft → leader approval → received, the body {@code n} of the province. */
        void run(String province, int n, long roundId) throws SQLException {
            String body = String.format("%s-S%03d", province, n);
            String officer = "cv." + body.toLowerCase(java.util.Locale.ROOT);
            String leader = "ld." + body.toLowerCase(java.util.Locale.ROOT);
            String receiver = "cv." + province.toLowerCase(java.util.Locale.ROOT) + "-svhttdl";
            Map<String, Object> start = new HashMap<>();
            start.put("roundId", roundId);
            start.put("planId", 1L);
            start.put("reportBody", body);
            start.put("consolidatingBody", province + "-SVHTTDL");
            start.put("dueAt", new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
            String instance = as(officer, () -> engine.getRuntimeService()
                    .startProcessInstanceByKey(KEY, "round-" + roundId + "-" + body, start).getId());
            String draft = task(instance);
            step(officer, draft, Map.of("report", "{\"tasks\":[{\"taskNumber\":\"1.1\",\"status\":\"done_on_time\","
                    + "\"result\":\"Đã tổ chức 4 hội nghị, phát hành 120 tin, bài về thông tin đối ngoại\"}],"
                    + "\"indicators\":[{\"code\":\"events\",\"value\":3},{\"code\":\"publications\",\"value\":6},"
                    + "{\"code\":\"rebuttals\",\"value\":9},{\"code\":\"trainings\",\"value\":12},"
                    + "{\"code\":\"trainees\",\"value\":15},{\"code\":\"delegations\",\"value\":18}],"
                    + "\"summary\":\"Cơ quan đã triển khai đầy đủ nhiệm vụ được giao trong kỳ báo cáo.\"}"));
            String approval = task(instance);
            step(leader, approval, Map.of("decision", "approve", "reference", n + "/BC-S" + n));
            String receipt = task(instance);
            step(receiver, receipt, Map.of("decision", "approve"));
        }

        private void step(String user, String taskId, Map<String, Object> variables) {
            as(user, () -> {
                engine.getTaskService().claim(taskId, user);
                engine.getTaskService().complete(taskId, variables);
                return null;
            });
        }

        private <T> T as(String user, java.util.function.Supplier<T> work) {
            engine.getIdentityService().setAuthentication(user, List.of());
            try {
                return work.get();
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }

        private String task(String instance) throws SQLException {
            nextTask.setString(1, instance);
            try (ResultSet rs = nextTask.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No task in " + instance);
                }
                return rs.getString(1);
            }
        }

        @Override
        public void close() throws SQLException {
            lookups.commit();
            lookups.close();
        }
    }

    /** How many lifecycles ended, from the peer's history. */
    long ended() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).finished()
                .count();
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
