package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.ttdn.support.Chain;
import vn.ttdn.support.NewIssuer;
import vn.ttdn.support.WebClient;

/**
 * The production jar as an installer runs it (issue 9, "done when"): {@code java -jar} on the
 * packaged jar, {@code TTDN_DEMO=false}, a PostgreSQL of its own with an ordinary account that owns
 * its database, the first administrator from the variables. Over HTTP only, the administrator tries
 * and then imports a ministry the demo does not know (docs/examples), sets its people's passwords;
 * each must change theirs, then they take the ministry's Chương trình from draft to issued.
 */
class ProductionJarIT {

    private static final String ADMIN = "quantri.bng";
    private static final String ADMIN_PASSWORD = "Phố Tôn Thất Đàm số một";
    private static final String FIRST_PASSWORD = "Mật-khẩu-cấp-lần-đầu-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static Process application;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startTheJar() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role ttdn login password 'ttdn-db-secret'");
            s.execute("create database ttdn owner ttdn");
        }
        port = freePort();
        log = Path.of("target", "production-jar.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TTDN_") || k.startsWith("DB_") || k.startsWith("SPRING_"));
        env.put("DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/ttdn");
        env.put("DB_USER", "ttdn");
        env.put("DB_PASSWORD", "ttdn-db-secret");
        env.put("DB_POOL_SIZE", "5");
        env.put("PORT", String.valueOf(port));
        env.put("TTDN_DEMO", "false");
        env.put("TTDN_ADMIN_USERNAME", ADMIN);
        env.put("TTDN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("TTDN_ADMIN_FULL_NAME", "Quản trị viên Bộ Ngoại giao");
        application = builder.start();
        awaitStarted(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (application != null) {
            application.destroy();
            if (!application.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                application.destroyForcibly().waitFor();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aMinistryIsLoadedByItsAdministratorAndItsPeopleIssueTheirProgramme() throws Exception {
        WebClient web = new WebClient(port);
        // an empty install: the administrator alone, no plan, no demo body
        assertThat(column("select username from ttdn.person")).containsExactly(ADMIN);
        assertThat(column("select code from ttdn.body")).containsExactly("QTHT");
        assertThat(count("select count(*) from ttdn.plan")).isZero();
        assertThat(web.getAs("/api/plans", "admin", "demo").statusCode()).isEqualTo(401);

        // the directory file tried first: what it would add, nothing written
        byte[] bodies = Files.readAllBytes(NewIssuer.EXAMPLES.resolve("bo-ngoai-giao.directory.yaml"));
        JsonNode tried = ok(web.postAs("/api/directory/import?dryRun=true", ADMIN, ADMIN_PASSWORD,
                "application/yaml", bodies));
        assertThat(texts(tried.path("bodies").path("added"))).contains("CP", "BNG", "BNG-TTBC", "BNG-VP");
        assertThat(column("select code from ttdn.body")).containsExactly("QTHT");
        assertThat(count("select count(*) from ttdn.directory_change")).isZero();

        // then written, and its people after it
        ok(web.postAs("/api/directory/import", ADMIN, ADMIN_PASSWORD, "application/yaml", bodies));
        JsonNode people = ok(web.postAs("/api/directory/import", ADMIN, ADMIN_PASSWORD, "application/yaml",
                Files.readAllBytes(NewIssuer.EXAMPLES.resolve("bo-ngoai-giao.people.yaml"))));
        assertThat(texts(people.path("people").path("added"))).contains("cv.ttbc.bng", "ld.ttbc.bng", "cv.vp.bng",
                "tt.bng", "vt.bng");
        assertThat(count("select count(*) from ttdn.body where code like 'BNG%'")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from ttdn.directory_change where actor = '" + ADMIN + "'"))
                .isGreaterThanOrEqualTo(9);

        // each of them gets a first password from the administrator, must change it, and does
        Map<String, String> passwords = new LinkedHashMap<>();
        Chain.Cast cast = NewIssuer.CAST;
        for (String person : List.of(cast.drafter(), cast.director(), cast.reviewer(), cast.leader(), cast.clerk())) {
            assertThat(web.getAs("/api/plans", person, FIRST_PASSWORD).statusCode()).isEqualTo(401);
            expect(204, web.postAs("/api/people/" + person + "/password", ADMIN, ADMIN_PASSWORD, "application/json",
                    json(Map.of("password", FIRST_PASSWORD))));
            HttpResponse<String> refused = web.getAs("/api/plans", person, FIRST_PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("account.mustChangePassword");
            String chosen = "Sổ tay công tác số " + (passwords.size() + 1) + " năm 2026";
            expect(204, web.postAs("/api/account/password", person, FIRST_PASSWORD, "application/json",
                    json(Map.of("currentPassword", FIRST_PASSWORD, "newPassword", chosen))));
            passwords.put(person, chosen);
        }
        assertThat(count("select count(*) from ttdn.person where must_change_password")).isZero();

        // the ministry's officer imports the programme and starts its approval
        byte[] programme = Files.readAllBytes(NewIssuer.EXAMPLES.resolve(NewIssuer.PROGRAMME));
        JsonNode imported = expect(201, web.postAs("/api/plans", cast.drafter(), passwords.get(cast.drafter()),
                "application/yaml", programme));
        long planId = imported.path("id").asLong();
        assertThat(imported.path("documentType").asText()).isEqualTo("CTr");
        ok(web.postAs("/api/plans/" + planId + "/approval", cast.drafter(), passwords.get(cast.drafter()),
                "application/json", null));

        // every step by its own person, through the inbox
        Steps steps = new Steps(web, planId, passwords);
        steps.act("userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        steps.act("userTask_directorApproval", cast.director(), Map.of("decision", "approve"));
        steps.act("userTask_officeReview", cast.reviewer(), Map.of("reviewOpinion", "Hồ sơ đầy đủ; đề nghị ban hành."));
        steps.act("userTask_issuerDecision", cast.leader(), Map.of("decision", "approve"));
        steps.act("userTask_issue", cast.clerk(), Map.of("issueDate", "2026-12-02"));

        // issued with the first number of the ministry's register of Chương trình
        JsonNode plan = ok(web.getAs("/api/plans/" + planId, cast.leader(), passwords.get(cast.leader())));
        assertThat(plan.path("status").asText()).isEqualTo("ISSUED");
        assertThat(plan.path("issued").path("reference").asText()).isEqualTo("01/CTr-BNG");
        assertThat(plan.path("issued").path("authority").asText()).isEqualTo("KT. BỘ TRƯỞNG");
        assertThat(column("select status || ' ' || number from ttdn.register_entry where plan_id = " + planId
                + " and body_code = 'BNG' and document_type = 'CTr'")).containsExactly("ISSUED 1");

        // and the page, to a person signed in through the form, prints it so
        WebClient browser = new WebClient(port).login(cast.leader(), passwords.get(cast.leader()));
        Document page = Jsoup.parse(browser.get("/ke-hoach/" + planId).body());
        assertThat(page.getElementById("plan-type").text()).isEqualTo("CHƯƠNG TRÌNH");
        assertThat(page.getElementById("plan-number").text()).isEqualTo("Số: 01/CTr-BNG");
        assertThat(page.getElementById("plan-date").text()).isEqualTo("Hà Nội, ngày 02 tháng 12 năm 2026");

        // the start said nothing went wrong
        assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains(" ERROR "));
    }

    /** Claims and completes the plan's open task of that key, as its person finds it in the inbox. */
    private record Steps(WebClient web, long planId, Map<String, String> passwords) {

        void act(String taskKey, String person, Map<String, Object> values) throws Exception {
            String password = passwords.get(person);
            JsonNode inbox = ok(web.getAs("/api/tasks?plan=" + planId, person, password)).path("items");
            List<String> ids = Stream.iterate(0, i -> i < inbox.size(), i -> i + 1).map(inbox::get)
                    .filter(t -> t.path("planId").asLong() == planId && t.path("taskKey").asText().equals(taskKey))
                    .map(t -> t.path("id").asText()).toList();
            assertThat(ids).as("%s's inbox holds %s", person, taskKey).hasSize(1);
            ok(web.postAs("/api/tasks/" + ids.get(0) + "/claim", person, password, "application/json", null));
            ok(web.postAs("/api/tasks/" + ids.get(0) + "/complete", person, password, "application/json",
                    json(values)));
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode() / 100).as("%s %s", response.statusCode(), response.body()).isEqualTo(2);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static byte[] json(Object value) throws IOException {
        return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
    }

    /** The application's database, read as its own account. */
    private static PGSimpleDataSource database() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/ttdn");
        source.setUser("ttdn");
        source.setPassword("ttdn-db-secret");
        return source;
    }

    private static List<String> column(String sql) throws Exception {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static int count(String sql) throws Exception {
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

    private static void awaitStarted(Duration limit) throws Exception {
        WebClient web = new WebClient(port);
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!application.isAlive()) {
                throw new AssertionError("The jar stopped (" + application.exitValue() + "):\n" + tail());
            }
            try {
                // ready only after the start-up runners (the first administrator among them), unlike /login
                if (web.get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The jar did not start within " + limit + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
