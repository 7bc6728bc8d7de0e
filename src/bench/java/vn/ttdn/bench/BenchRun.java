package vn.ttdn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run of the benchmark suite, {@code ./mvnw -Pbench verify}: every {@code *Bench} class runs in
 * the same JVM (surefire's one fork), in the order of their names. B0 is measured once, by the first
 * bench that asks for it, on its own database server; every bench then adds its section and the lines
 * of the summary table here, and {@code docs/benchmarks.md} is written again after each, from all the
 * sections so far: after the last one it holds the whole run. A bench that fails adds nothing, and the
 * document says which sections the run holds.
 *
 * <p>Each bench has an embedded PostgreSQL 15 server of its own ({@code ttdn.test.fresh-database}),
 * all with the same settings, so that one bench's data is not another's.
 */
final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    static final Path DOCUMENT = Path.of("docs", "benchmarks.md");
    private static final int B0_SECONDS = Integer.getInteger("bench.b0.seconds", 15);

    /**
     * One line of the summary table: which bench, the figure, its value and unit, its ratio to B0 in
     * words (e.g. "0.31 of B0 (1 client)"), the goal, and whether it is met (null: no goal).
     */
    record Summary(String bench, String figure, String value, String ratioToB0, String goal, Boolean met) {
    }

    private record Section(String title, String markdown, List<Summary> summary) {
    }

    private static List<Baseline.Figure> b0;
    private static String b0Server;
    private static Facts.Machine machine;
    private static final Map<String, Section> SECTIONS = new TreeMap<>();

    private BenchRun() {
    }

    /**
     * B0 of this run: measured the first time it is asked for, on the server of the bench asking, and
     * the same figures for every bench after it.
     */
    static synchronized List<Baseline.Figure> b0(String jdbcUrl, DataSource raw) throws Exception {
        if (b0 == null) {
            JdbcTemplate jdbc = new JdbcTemplate(raw);
            machine = Facts.machine(jdbc);
            b0 = new Baseline(jdbcUrl, raw, B0_SECONDS).measure();
            b0Server = jdbcUrl;
            b0.forEach(f -> log.info("B0: {}, {} clients: {} tps", f.tool(), f.clients(), f.tps()));
        }
        return b0;
    }

    /** B0's transactions per second with this many clients (1 or 4). */
    static double b0Tps(int clients) {
        if (b0 == null) {
            throw new IllegalStateException("B0 is not measured yet: call BenchRun.b0 first");
        }
        return b0.stream().filter(f -> f.clients() == clients).findFirst().orElseThrow().tps();
    }

    /**
     * A bench's section, under its id (the sections are in the order of their ids: "b1", "b2", …),
     * with its lines of the summary table; docs/benchmarks.md written again from every section so far.
     */
    static synchronized Path add(String id, String title, String markdown, List<Summary> summary) {
        SECTIONS.put(id, new Section(title, markdown, List.copyOf(summary)));
        try {
            return write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark suite, `./mvnw -B -ntp -Pbench verify` (issue 11: its own data, embedded "
                + "PostgreSQL 15, never part of the plain `verify`), from one run. Each bench has a server of its own "
                + "with the same settings; B0, the ceiling, was measured once in the run and every figure is set "
                + "against it.\n\n");
        md.append("This run holds: ").append(String.join(", ", SECTIONS.values().stream().map(Section::title).toList()))
                .append(".\n\n");
        md.append("## The run\n\n| | |\n|---|---|\n");
        md.append("| date | ").append(ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" (Asia/Ho_Chi_Minh) |\n");
        if (machine != null) {
            md.append("| machine | ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
                    .append(machine.memory()).append(" of memory |\n");
            md.append("| Java | ").append(machine.java()).append(" |\n");
            md.append("| PostgreSQL | ").append(machine.postgres().replaceAll(" on .*", ""))
                    .append(", embedded (zonky), on the same machine |\n");
            md.append("| server settings | ").append(String.join(", ", machine.settings().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList())).append(" (the tests' embedded server) |\n");
        }
        md.append("| load | the machine is shared: other builds may run beside the bench (none is stopped for it); "
                + "compare runs by their ratios to B0, measured in the same conditions |\n\n");
        if (b0 != null) {
            md.append("## B0: the ceiling\n\nSimple-update transactions per second on a bench's server (")
                    .append(b0Server.replaceAll("\\?.*", "")).append("), measured once in the run, before that "
                    + "bench's figures.\n\n| tool | clients | tps | seconds |\n|---|---:|---:|---:|\n");
            for (Baseline.Figure f : b0) {
                md.append("| ").append(f.tool()).append(" | ").append(f.clients()).append(" | ").append(fmt(f.tps()))
                        .append(" | ").append(f.seconds()).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Every figure against B0 and its goal\n\n| bench | figure | value | ratio to B0 | goal | met |\n"
                + "|---|---|---:|---|---|---|\n");
        for (Section s : SECTIONS.values()) {
            for (Summary line : s.summary()) {
                md.append("| ").append(line.bench()).append(" | ").append(line.figure()).append(" | ")
                        .append(line.value()).append(" | ").append(line.ratioToB0()).append(" | ")
                        .append(line.goal() == null ? "" : line.goal()).append(" | ")
                        .append(line.met() == null ? "" : line.met() ? "yes" : "**no**").append(" |\n");
            }
        }
        for (Section s : SECTIONS.values()) {
            md.append("\n## ").append(s.title()).append("\n\n").append(s.markdown().strip()).append('\n');
        }
        Files.writeString(DOCUMENT, md.toString(), StandardCharsets.UTF_8);
        log.info("Written: {} ({} sections)", DOCUMENT.toAbsolutePath(), SECTIONS.size());
        return DOCUMENT;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Sections' headings one level down, so that a bench's own "## X" sits under its section. */
    static String demote(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            out.add(line.startsWith("#") ? "#" + line : line);
        }
        return String.join("\n", out);
    }
}
