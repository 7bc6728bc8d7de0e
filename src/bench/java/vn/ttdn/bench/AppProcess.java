package vn.ttdn.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, with a heap of {@value #HEAP}: the production main class on
 * the build's classpath without the test classes (so that no embedded PostgreSQL of the tests starts
 * in it, and nothing of the tests' configuration applies), pointed at a database the bench started,
 * with the demo data (the developer run's settings, given on its command line). Its GC log tells
 * what the heap held after each collection.
 */
final class AppProcess implements AutoCloseable {

    static final String HEAP = "512m";
    private static final Pattern GC_LINE = Pattern.compile("^\\[([0-9.]+)s].*GC\\(\\d+\\) (Pause [^(]*(?:\\([^)]*\\) )*)"
            + "(\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");

    /** What one collection left: when (seconds since the JVM started), the kind, before, after, committed, pause. */
    record Gc(double at, String kind, int beforeMb, int afterMb, int committedMb, double pauseMs) {
    }

    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final int port;
    private final Instant started;
    private Duration startUp;

    private AppProcess(Process process, Path log, Path gcLog, int port, Instant started) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.port = port;
        this.started = started;
    }

    /** Starts the application on a free port against {@code jdbcUrl} (user postgres) and waits until it is ready. */
    static AppProcess start(String jdbcUrl, Duration patience) throws Exception {
        int port = freePort();
        Path log = Path.of("target", "bench-b4-app.log").toAbsolutePath();
        Path gcLog = Path.of("target", "bench-b4-gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-Xlog:gc:file=" + gcLog, "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:HeapDumpPath=" + Path.of("target").toAbsolutePath(),
                "-cp", applicationClasspath(), "vn.ttdn.TtdnApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                // the developer run's settings (src/test/resources/config/application.yaml): the demo data
                "--ttdn.dev.run=true",
                "--ttdn.demo.enabled=true",
                "--ttdn.mail.retry-interval=PT24H",
                "--logging.level.root=WARN",
                "--logging.level.org.springframework.boot.web.embedded.tomcat=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TTDN_") || k.startsWith("DB_")
                || k.startsWith("SPRING_") || k.equals("PORT"));
        Instant started = Instant.now();
        AppProcess app = new AppProcess(builder.start(), log, gcLog, port, started);
        app.awaitReady(patience);
        return app;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** From the process started to its readiness. */
    Duration startUp() {
        return startUp;
    }

    Path log() {
        return log;
    }

    /** The build's classpath as surefire gives it to the bench, without the test and bench classes. */
    private static String applicationClasspath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().equals("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady(Duration patience) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application ended with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    startUp = Duration.between(started, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The application was not ready within " + patience + ":\n" + tail());
    }

    /** The collections of the GC log. */
    List<Gc> collections() throws IOException {
        List<Gc> found = new ArrayList<>();
        if (!Files.exists(gcLog)) {
            return found;
        }
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                found.add(new Gc(Double.parseDouble(m.group(1)), m.group(2).strip(), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Double.parseDouble(m.group(6))));
            }
        }
        return found;
    }

    /** Seconds since this JVM started, on the GC log's clock (roughly: from the start of the process). */
    double uptimeSeconds() {
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }

    /** The heap as the JVM reports it now (jcmd GC.heap_info), or why not. */
    String heapInfo() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "(no jcmd in " + System.getProperty("java.home") + ")";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.strip();
        } catch (IOException | InterruptedException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        }
    }

    /** Whether the application ran out of heap (its log says so). */
    boolean outOfMemory() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
