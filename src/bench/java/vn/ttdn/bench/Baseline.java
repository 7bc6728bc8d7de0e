package vn.ttdn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * B0, the machine's ceiling the other figures are set against: simple-update transactions per
 * second on the same PostgreSQL server, in the same run, with 1 and 4 clients. With pgbench on the
 * machine, its built-in "simple-update" script (one UPDATE of pgbench_accounts, a SELECT, an INSERT
 * into pgbench_history, each transaction committed) on scale 1; otherwise a JDBC loop of its own
 * doing the same three statements per committed transaction on a table of 100,000 rows.
 */
final class Baseline {

    /** One B0 measurement: what did it, with how many clients, transactions per second, for how long. */
    record Figure(String tool, int clients, double tps, int seconds) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/([^?]+)");
    private static final int ROWS = 100_000;

    private final String jdbcUrl;
    private final DataSource dataSource;
    private final int seconds;

    Baseline(String jdbcUrl, DataSource dataSource, int seconds) {
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.seconds = seconds;
    }

    /** pgbench where it is found (Debian's PostgreSQL 15 first, then the PATH), unless told to use JDBC. */
    static Path pgbench() {
        if ("jdbc".equals(System.getProperty("bench.b0"))) {
            return null;
        }
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/lib/postgresql/15/bin/pgbench")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "pgbench"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    List<Figure> measure() throws Exception {
        Path pgbench = pgbench();
        return pgbench != null ? withPgbench(pgbench) : withJdbc();
    }

    private List<Figure> withPgbench(Path pgbench) throws Exception {
        Matcher url = PORT.matcher(jdbcUrl);
        if (!url.find()) {
            throw new IllegalStateException("No port in " + jdbcUrl);
        }
        List<String> target = List.of("-h", "localhost", "-p", url.group(1), "-U", "postgres", url.group(2));
        run(pgbench, concat(List.of("-i", "-s", "1", "-q"), target));
        List<Figure> figures = new ArrayList<>();
        try {
            for (int clients : new int[] {1, 4}) {
                String out = run(pgbench, concat(List.of("-b", "simple-update", "-n", "-c", String.valueOf(clients),
                        "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds)), target));
                Matcher tps = TPS.matcher(out);
                if (!tps.find()) {
                    throw new IllegalStateException("pgbench printed no tps:\n" + out);
                }
                figures.add(new Figure("pgbench " + version(pgbench) + ", simple-update, scale 1", clients,
                        Double.parseDouble(tps.group(1)), seconds));
            }
        } finally {
            run(pgbench, concat(List.of("-i", "-I", "d"), target));
        }
        return figures;
    }

    private static String version(Path pgbench) throws Exception {
        String out = run(pgbench, List.of("--version")).trim();
        return out.replaceAll("^pgbench \\(PostgreSQL\\) ", "");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String run(Path pgbench, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(pgbench.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not end: " + command);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("pgbench failed (" + process.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    /** The same transaction as pgbench's simple-update, from JDBC: UPDATE one row, read it, INSERT a line, commit. */
    private List<Figure> withJdbc() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table public.bench_b0_accounts (aid int primary key, abalance int not null default 0)");
            s.execute("create table public.bench_b0_history (aid int, delta int, mtime timestamp)");
            s.execute("insert into public.bench_b0_accounts (aid) select generate_series(1, " + ROWS + ")");
            s.execute("vacuum analyze public.bench_b0_accounts");
        }
        try {
            List<Figure> figures = new ArrayList<>();
            for (int clients : new int[] {1, 4}) {
                figures.add(new Figure("JDBC loop, UPDATE + SELECT + INSERT per transaction, 100,000 rows", clients,
                        jdbcLoop(clients), seconds));
            }
            return figures;
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop table public.bench_b0_accounts, public.bench_b0_history");
            }
        }
    }

    private double jdbcLoop(int clients) throws Exception {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement update = c.prepareStatement(
                             "update public.bench_b0_accounts set abalance = abalance + ? where aid = ?");
                     PreparedStatement select = c.prepareStatement(
                             "select abalance from public.bench_b0_accounts where aid = ?");
                     PreparedStatement insert = c.prepareStatement(
                             "insert into public.bench_b0_history (aid, delta, mtime) values (?, ?, current_timestamp)")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        int aid = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
                        int delta = ThreadLocalRandom.current().nextInt(-5000, 5001);
                        update.setInt(1, delta);
                        update.setInt(2, aid);
                        update.executeUpdate();
                        select.setInt(1, aid);
                        select.executeQuery().close();
                        insert.setInt(1, aid);
                        insert.setInt(2, delta);
                        insert.executeUpdate();
                        c.commit();
                        done.increment();
                    }
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    failures.add(e);
                }
            }, "bench-b0-" + i);
            threads.add(thread);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
