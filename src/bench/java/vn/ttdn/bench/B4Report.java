package vn.ttdn.bench;

import static vn.ttdn.bench.BenchRun.fmt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** B4's section of docs/benchmarks.md and its lines of the summary ({@link BenchRun}). */
final class B4Report {

    private final int users;
    private final double rate;
    private final int maxOutstanding;
    private final List<Baseline.Figure> b0;
    private final List<OpenLoad.Result> results;
    private final List<AppProcess.Gc> loadGcs;
    private final List<AppProcess.Gc> allGcs;
    private final String heapNow;
    private final boolean outOfMemory;
    private final Map<String, Duration> phases;
    private final Duration startUp;
    private final long rounds;
    private final long drafts;
    private final StringBuilder md = new StringBuilder();

    B4Report(int users, double rate, int maxOutstanding, List<Baseline.Figure> b0,
             List<OpenLoad.Result> results, List<AppProcess.Gc> gcs, double loadFrom, double loadTo, String heapNow,
             boolean outOfMemory, Map<String, Duration> phases, Duration startUp, long rounds, long drafts) {
        this.users = users;
        this.rate = rate;
        this.maxOutstanding = maxOutstanding;
        this.b0 = b0;
        this.results = results;
        this.allGcs = gcs;
        this.loadGcs = gcs.stream().filter(g -> g.at() >= loadFrom && g.at() <= loadTo).toList();
        this.heapNow = heapNow;
        this.outOfMemory = outOfMemory;
        this.phases = phases;
        this.startUp = startUp;
        this.rounds = rounds;
        this.drafts = drafts;
    }

    private double single() {
        return b0.stream().filter(f -> f.clients() == 1).findFirst().orElseThrow().tps();
    }

    private double four() {
        return b0.stream().filter(f -> f.clients() == 4).findFirst().orElseThrow().tps();
    }

    private int maxAfterGc() {
        return loadGcs.stream().mapToInt(AppProcess.Gc::afterMb).max().orElse(0);
    }

    private boolean fullGcs() {
        return loadGcs.stream().anyMatch(g -> g.kind().startsWith("Pause Full"));
    }

    private boolean heapHolds() {
        return !outOfMemory && !fullGcs();
    }

    Path write() {
        line("The application in a JVM of its own (`java -Xmx" + AppProcess.HEAP + "`, the production main class, its "
                + "own settings: Tomcat's 200 threads, a pool of 20 connections) on an embedded PostgreSQL 15 of this "
                + "bench; " + users + " demo officers, each of another body, with a client of their own (HTTP/1.1 "
                + "keep-alive on loopback). A bounded open-loop load of its own (`OpenLoad`, java.net.http; Gatling is "
                + "not in the offline Maven mirror): " + fmt(rate) + " iterations a second arrive, whatever the answers' "
                + "times, each to the next person in turn (each person every " + fmt(users / rate) + " s); an "
                + "iteration lists the inbox (`GET /api/tasks`), opens the first report draft in it "
                + "(`GET /api/tasks/{id}/form`), takes it (`POST …/claim`) and completes it with a full report "
                + "(`POST …/complete`). At most " + maxOutstanding + " iterations are under way at once; an arrival "
                + "beyond that is dropped and counted. The same load three times, on tasks of its own each time (the "
                + "arrivals for " + results.stream().map(r -> r.duration().toSeconds() + " s").toList() + "), "
                + "signed three ways: a personal API token (`Authorization: Bearer ttdn_…`: one SHA-256 "
                + "and one index probe), the session cookie of one form login per person, and HTTP Basic (BCrypt on "
                + "every request). A " + phases.keySet().stream().filter(k -> k.startsWith("warm-up")).findFirst()
                .orElse("warm-up") + " before them. The data, made through the API as the demo people would: "
                + rounds + " report rounds (ad-hoc rounds of the whole plan on the four issued provincial seed plans), "
                + drafts + " report drafts open when the load began. Each completion counted is checked against the "
                + "engine's history.");
        line("");
        line("| sign-in | operation | count | p50 ms | p95 ms | p99 ms | mean ms | p95 in B0 tx (1 client) | goal | met |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---|---|");
        for (OpenLoad.Result r : results) {
            for (String op : OpenLoad.OPERATIONS) {
                String goal = op.equals("inbox") ? "p95 < " + fmt(B4HttpBench.INBOX_GOAL_MS) + " ms"
                        : op.equals("complete") ? "p95 < " + fmt(B4HttpBench.COMPLETE_GOAL_MS) + " ms" : "";
                Boolean met = goal.isEmpty() ? null : r.ms(op, 95) < goalOf(op);
                line("| " + r.mode() + " | " + op + " | " + r.count(op) + " | " + fmt(r.ms(op, 50)) + " | "
                        + fmt(r.ms(op, 95)) + " | " + fmt(r.ms(op, 99)) + " | " + fmt(r.meanMs(op)) + " | "
                        + fmt(r.ms(op, 95) * single() / 1000) + " | " + goal + " | "
                        + (met == null ? "" : met ? "yes" : "**no**") + " |");
            }
        }
        line("");
        line("| sign-in | arrivals | completed | completions/s | ÷ B0 (4 clients) | dropped | no task left | errors | "
                + "start late p95 ms | start late max ms |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (OpenLoad.Result r : results) {
            line("| " + r.mode() + " | " + r.scheduled() + " | " + r.completed() + " | " + fmt(r.completionsPerSecond())
                    + " | " + String.format(Locale.ROOT, "%.4f", r.completionsPerSecond() / four()) + " | " + r.dropped()
                    + " | " + r.noTask() + " | " + r.errors() + " | " + fmt(r.lagMs(95)) + " | " + fmt(r.lagMs(100))
                    + " |");
        }
        List<String> samples = results.stream().flatMap(r -> r.errorSamples().stream().map(s -> r.mode() + ": " + s))
                .toList();
        if (!samples.isEmpty()) {
            line("");
            line("Errors (first of each load):");
            line("");
            samples.forEach(s -> line("- `" + s.replace('`', '\'').replace('\n', ' ') + "`"));
        }
        line("");
        line("### The heap (`-Xmx" + AppProcess.HEAP + "`)");
        line("");
        line("From the application's GC log (`-Xlog:gc`), the collections during the three loads:");
        line("");
        line("| collections | of them full | heap after a collection, max | heap before, max | committed, max | "
                + "pauses, total ms | pause, max ms | out of memory |");
        line("|---:|---:|---:|---:|---:|---:|---:|---|");
        line("| " + loadGcs.size() + " | " + loadGcs.stream().filter(g -> g.kind().startsWith("Pause Full")).count()
                + " | " + maxAfterGc() + " MB | " + loadGcs.stream().mapToInt(AppProcess.Gc::beforeMb).max().orElse(0)
                + " MB | " + loadGcs.stream().mapToInt(AppProcess.Gc::committedMb).max().orElse(0) + " MB | "
                + fmt(loadGcs.stream().mapToDouble(AppProcess.Gc::pauseMs).sum()) + " | "
                + fmt(loadGcs.stream().mapToDouble(AppProcess.Gc::pauseMs).max().orElse(0)) + " | "
                + (outOfMemory ? "**yes**" : "no") + " |");
        line("");
        line("Over the whole run (start-up and the data included): " + allGcs.size() + " collections, the heap after "
                + "one at most " + allGcs.stream().mapToInt(AppProcess.Gc::afterMb).max().orElse(0) + " MB. "
                + "At the end (`jcmd GC.heap_info`):");
        line("");
        line("```");
        line(heapNow.replaceAll("(?m)^\\d+:\\s*$", "").strip());
        line("```");
        line("");
        line("### Phases");
        line("");
        line("| phase | seconds |");
        line("|---|---:|");
        line("| (the application's start, of the first) | " + startUp.toSeconds() + " |");
        phases.forEach((k, v) -> line("| " + k + " | " + v.toSeconds() + " |"));
        return BenchRun.add("b4", "B4: HTTP, 50 users", md.toString(), summary());
    }

    private static double goalOf(String op) {
        return op.equals("inbox") ? B4HttpBench.INBOX_GOAL_MS : B4HttpBench.COMPLETE_GOAL_MS;
    }

    private List<BenchRun.Summary> summary() {
        List<BenchRun.Summary> lines = new ArrayList<>();
        for (OpenLoad.Result r : results) {
            for (String op : List.of("inbox", "complete")) {
                lines.add(new BenchRun.Summary("B4 HTTP, " + users + " users", op + " p95, " + r.mode(),
                        fmt(r.ms(op, 95)) + " ms", fmt(r.ms(op, 95) * single() / 1000) + " B0 tx (1 client)",
                        "p95 < " + fmt(goalOf(op)) + " ms", r.ms(op, 95) < goalOf(op)));
            }
            lines.add(new BenchRun.Summary("B4 HTTP, " + users + " users", "errors and drops, " + r.mode(),
                    (r.errors() + r.dropped()) + " of " + r.scheduled(), String.format(Locale.ROOT,
                    "%.4f of B0 (4 clients): %s completions/s", r.completionsPerSecond() / four(),
                    fmt(r.completionsPerSecond())), "0", r.errors() + r.dropped() == 0));
        }
        lines.add(new BenchRun.Summary("B4 HTTP, " + users + " users", "heap after GC, max, under the loads",
                maxAfterGc() + " MB of " + AppProcess.HEAP, "", "-Xmx" + AppProcess.HEAP + " holds (no OOM, no full GC)",
                heapHolds()));
        return lines;
    }

    /** The figures as a table for the log. */
    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n%-36s %-9s %6s %8s %8s %8s%n", "sign-in",
                "operation", "count", "p50 ms", "p95 ms", "p99 ms"));
        for (OpenLoad.Result r : results) {
            for (String op : OpenLoad.OPERATIONS) {
                t.append(String.format(Locale.ROOT, "%-36s %-9s %6d %8.1f %8.1f %8.1f%n", r.mode(), op, r.count(op),
                        r.ms(op, 50), r.ms(op, 95), r.ms(op, 99)));
            }
            t.append(String.format(Locale.ROOT, "%-36s completed %d of %d, dropped %d, no task %d, errors %d%n",
                    r.mode(), r.completed(), r.scheduled(), r.dropped(), r.noTask(), r.errors()));
        }
        t.append(String.format(Locale.ROOT, "heap after GC under load: max %d MB of %s; %d collections; OOM %s%n",
                maxAfterGc(), AppProcess.HEAP, loadGcs.size(), outOfMemory));
        return t.toString();
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
