package vn.ttdn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes docs/benchmarks.md from one run, and prints its figures' table. */
final class BenchReport {

    /** Issue 10's bound for the dashboard and the timeline, at the 95th percentile. */
    static final double TARGET_P95_MS = 150;
    private static final int PLAN_LINES = 45;

    private final JdbcTemplate jdbc;
    private final StringBuilder md = new StringBuilder();

    BenchReport(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
    }

    /** The dashboard's section of docs/benchmarks.md, with its lines of the summary table; the document. */
    Path write(Facts facts, Map<String, Long> added, List<Baseline.Figure> b0, List<Latency.Figure> figures,
               Map<String, DashboardBench.Request> requests, Map<String, List<QueryPlans.Plan>> plans,
               Map<String, Duration> phases, String claimer) throws IOException {
        Baseline.Figure single = b0.stream().filter(f -> f.clients() == 1).findFirst().orElseThrow();
        line("Issue 10's figures: the supervisors' dashboard and a timeline of 500 events with 100,000 finished "
                + "instances in history, each under " + fmt(TARGET_P95_MS) + " ms at the 95th percentile. The client: "
                + "one HTTP client on loopback (java.net.http), requests back to back, session cookie of one form "
                + "login (no password hash per request); " + DashboardBench.WARM_UP + " warm-up requests, then "
                + DashboardBench.COUNT + " timed, each.");
        line();
        line("## Figures");
        line();
        line("Times over HTTP, from sending the request to the whole answer read. **Ratio to B0**, two ways: "
                + "*req/s ÷ B0* is the requests per second one client gets (1000 ÷ mean ms) divided by B0's "
                + "transactions per second with one client (" + fmt(single.tps()) + "); *p95 in B0 tx* is the 95th "
                + "percentile divided by the time of one B0 transaction with one client (" + fmt(1000 / single.tps())
                + " ms): how many simple-update transactions fit in one such answer.");
        line();
        line("| figure | request | as | count | p50 ms | p95 ms | p99 ms | mean ms | req/s | req/s ÷ B0 | p95 in B0 tx | "
                + "answer (chars) | p95 < " + fmt(TARGET_P95_MS) + " ms |");
        line("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Latency.Figure f : figures) {
            line("| " + f.name() + " | `GET " + f.path() + "` | " + f.user() + " | " + f.count() + " | " + ms(f.ms(50))
                    + " | " + ms(f.ms(95)) + " | " + ms(f.ms(99)) + " | " + ms(f.meanMs()) + " | " + fmt(f.perSecond())
                    + " | " + fmt3(f.perSecond() / single.tps()) + " | " + fmt(f.ms(95) * single.tps() / 1000) + " | "
                    + f.bytes() + " | " + (f.ms(95) < TARGET_P95_MS ? "yes" : "**no**") + " |");
        }
        line();
        line("## The data");
        line();
        line("Made by the run. Real lifecycles through the API as the demo users: two seed plans' copies approved "
                + "and issued (`DLK-BENCH`, `QNG-BENCH`); on `DLK-BENCH` a round of every body, each report drafted, "
                + "approved and received (one returned once by its leader first), the round closed, its consolidation "
                + "drafted, approved and sent. The finished process trees these left (in the engine's history, the "
                + "instance catalogue `ttdn.process_instance_info` and the audit record `ttdn.audit_event`) were then "
                + "copied in SQL with ids of their own, across " + facts.plans() + " plans and the years " + facts.years()
                + " (bench `HistoryCopies`, with the indexes that are no constraint's dropped during the load and made again after it; the copied audit events appended, then sealed in the record's chain by the application's sealer (`AuditSealer`), before anything was timed). Running: two rounds "
                + "of every body on each of the four issued seed plans with a consolidating body today (due 4/12/2026 "
                + "and 15/1/2027; the first three reports of each drafted), the approvals of four drafts, "
                + "and the demo's yearly rounds waiting for their day; the engine's clock set to 10/12/2026 09:00. The "
                + "timeline's instance is a body's report whose draft its officer (`" + claimer + "`) claimed and "
                + "released " + DashboardBench.CLAIMS + " times through the task API: " + facts.timelineEvents()
                + " events.");
        line();
        line("| rows | count |");
        line("|---|---:|");
        facts.rows().forEach((k, v) -> line("| " + k.replace("  ", "· ") + " | " + String.format(Locale.ROOT, "%,d", v) + " |"));
        line();
        line("Rows added by the copies: " + String.join(", ", added.entrySet().stream()
                .map(e -> "`" + e.getKey() + "` " + String.format(Locale.ROOT, "%,d", e.getValue())).toList()) + ".");
        line();
        line("Largest tables: " + String.join(", ", facts.sizes().entrySet().stream()
                .map(e -> "`" + e.getKey() + "` " + e.getValue()).toList()) + ".");
        line();
        line("## The statements behind each request");
        line();
        line("Every statement one request sent (recorded at the application's data source, with its parameters), "
                + "each EXPLAINed (ANALYZE, BUFFERS) again with those parameters right after the timed requests. "
                + "\"Whole scans\" names the big tables (history, catalogue, audit) a plan reads with a sequential scan.");
        for (Map.Entry<String, List<QueryPlans.Plan>> r : plans.entrySet()) {
            line();
            line("### " + r.getKey() + ": `GET " + requests.get(r.getKey()).path() + "`");
            line();
            line("| # | statement | sent | execution ms (each, as explained) | whole scans |");
            line("|---:|---|---:|---:|---|");
            int i = 1;
            for (Map.Entry<String, List<QueryPlans.Plan>> same : distinct(r.getValue()).entrySet()) {
                QueryPlans.Plan p = same.getValue().get(0);
                line("| " + i++ + " | `" + shorten(p.firstLine(), 110).replace("|", "\\|") + "` | " + same.getValue().size()
                        + " | " + String.join(" ", same.getValue().stream().limit(6).map(x -> fmt(x.executionMs())).toList())
                        + (same.getValue().size() > 6 ? " …" : "") + " | "
                        + (p.seqScans().isEmpty() ? "" : "**" + String.join(", ", p.seqScans()) + "**") + " |");
            }
            line();
            line("In all " + r.getValue().size() + " statements; their execution times, as explained, add up to "
                    + fmt(r.getValue().stream().mapToDouble(QueryPlans.Plan::executionMs).sum()) + " ms.");
        }
        line();
        line("## Query plans");
        line();
        line("The main statements: the dashboard's page (`SupervisionSql.page`), its rows (`ROWS`) and waits "
                + "(`WAITS`), the one plan's page, the timeline (`AuditRecord.timeline`) and the search "
                + "(`AuditRecord.search`); and any other statement that took over 5 ms or scanned a big table whole. "
                + "Plans cut at " + PLAN_LINES + " lines.");
        for (Map.Entry<String, List<QueryPlans.Plan>> r : plans.entrySet()) {
            int i = 1;
            for (List<QueryPlans.Plan> same : distinct(r.getValue()).values()) {
                QueryPlans.Plan p = same.stream().max(java.util.Comparator.comparingDouble(QueryPlans.Plan::executionMs))
                        .orElseThrow();
                String what = main(r.getKey(), p.sql());
                if (what != null || p.executionMs() > 5 || !p.seqScans().isEmpty()) {
                    line();
                    line("### " + r.getKey() + ", statement " + i + (same.size() > 1 ? " (sent " + same.size()
                            + " times, the slowest shown)" : "") + (what != null ? ": " + what : ""));
                    line();
                    line("```sql");
                    line(p.sql().strip());
                    line("```");
                    line();
                    line("```");
                    List<String> lines = p.lines();
                    lines.stream().limit(PLAN_LINES).forEach(this::line);
                    if (lines.size() > PLAN_LINES) {
                        line("… (" + (lines.size() - PLAN_LINES) + " more lines)");
                        lines.stream().filter(l -> l.startsWith("Planning") || l.startsWith("Execution"))
                                .forEach(this::line);
                    }
                    line("```");
                }
                i++;
            }
        }
        line();
        Path beforeAfter = Path.of("src", "bench", "before-after.md");
        if (Files.exists(beforeAfter)) {
            line("## Before and after");
            line();
            md.append(Files.readString(beforeAfter, StandardCharsets.UTF_8).strip()).append('\n');
            line();
        }
        line("## Indexes");
        line();
        boolean slow = figures.stream().anyMatch(f -> f.ms(95) >= TARGET_P95_MS);
        List<String> scanned = plans.values().stream().flatMap(List::stream)
                .filter(p -> main("", p.sql()) != null && !p.seqScans().isEmpty()).map(QueryPlans.Plan::firstLine).toList();
        line("The indexes of the tables these statements read (besides the engine's own on `act_ru_*` and "
                + "`act_hi_*`, which it creates with its schema). In this run " + (slow ? "some p95 reached "
                + fmt(TARGET_P95_MS) + " ms" : "every p95 is under " + fmt(TARGET_P95_MS) + " ms") + " and "
                + (scanned.isEmpty() ? "none of the main statements scans a history, catalogue or audit table whole"
                : scanned.size() + " of the main statements scan a big table whole") + ". No index was added for "
                + "these requests: the dashboard reads only the running instances, through the partial indexes of V13 "
                + "(`where ended_at is null`), so the finished ones cost it nothing, and the timeline and the search use "
                + "V12's `audit_event_instance` and `audit_event_plan` with the seal's unique index on `event_id`.");
        line();
        line("| table | index |");
        line("|---|---|");
        jdbc.query("select tablename, indexdef from pg_indexes where schemaname = 'ttdn' and tablename in "
                + "('process_instance_info', 'audit_event', 'audit_seal') or (schemaname = 'public' and tablename in "
                + "('act_hi_actinst', 'act_hi_procinst')) order by tablename, indexname", rs -> {
                    line("| " + rs.getString(1) + " | `" + rs.getString(2).replaceAll(" ON \\S+ USING", " USING") + "` |");
                });
        line();
        line("## How long the run took");
        line();
        line("| phase | seconds |");
        line("|---|---:|");
        phases.forEach((k, v) -> line("| " + k + " | " + v.toSeconds() + " |"));
        List<BenchRun.Summary> summary = figures.stream().map(f -> new BenchRun.Summary("dashboard (issue 10)",
                f.name() + ", p95", ms(f.ms(95)) + " ms", fmt(f.ms(95) * single.tps() / 1000) + " B0 tx (1 client)",
                "p95 < " + fmt(TARGET_P95_MS) + " ms", f.ms(95) < TARGET_P95_MS)).toList();
        return BenchRun.add("d-dashboard", "Dashboard and audit under history (issue 10)", BenchRun.demote(md.toString()),
                summary);
    }

    /** The statements by their text, in the order first sent. */
    private static Map<String, List<QueryPlans.Plan>> distinct(List<QueryPlans.Plan> plans) {
        Map<String, List<QueryPlans.Plan>> same = new java.util.LinkedHashMap<>();
        plans.forEach(p -> same.computeIfAbsent(p.sql(), k -> new java.util.ArrayList<>()).add(p));
        return same;
    }

    /** What the statement is, when it is one of the statements issue 10 asks about. */
    private static String main(String request, String sql) {
        if (sql.contains("with f as materialized")) {
            return "SupervisionSql.page";
        }
        if (sql.contains("(select count(*) from act_ru_incident x where x.proc_inst_id_ = i.instance_id)")) {
            return "SupervisionSql.ROWS";
        }
        if (sql.contains("left join act_hi_actinst h on h.id_ = e.act_inst_id_")) {
            return "SupervisionSql.WAITS";
        }
        if (sql.contains("from ttdn.audit_event e left join ttdn.audit_seal s") && sql.contains("e.instance_id = ?")) {
            return "AuditRecord.timeline";
        }
        if (sql.contains("from ttdn.audit_event e left join ttdn.audit_seal s") && sql.contains("e.plan_id = ?")) {
            return "AuditRecord.search";
        }
        return null;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
