package vn.ttdn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes many finished instances out of a few real ones: every row that the finished process trees
 * (a root that ended, with all it called) left in the engine's history tables, in the instance
 * catalogue and in the audit record is copied {@code copies} times in SQL, each copy with ids of its
 * own (an id becomes the UUID of md5(id:copy), the same in every table, so each copy is a whole,
 * consistent tree), a plan of its own (the copies go round the plans given), and its times moved
 * back by up to five years (the oldest copy first, so the record's ids still grow with time).
 * Audit events are appended (the record refuses updates, not inserts), for the sealer to seal.
 */
final class HistoryCopies {

    /** The engine's columns that hold ids of rows made by an instance: mapped per copy. */
    private static final Set<String> IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "super_process_instance_id_", "execution_id_", "act_inst_id_", "parent_act_inst_id_",
            "call_proc_inst_id_", "task_id_", "parent_task_id_", "var_inst_id_", "job_id_", "operation_id_",
            "cause_incident_id_", "root_cause_incident_id_", "process_instance_id_");
    private static final int DAYS_BACK = 5 * 365;

    private final JdbcTemplate jdbc;

    HistoryCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The roots of the finished process trees: the templates. */
    List<String> finishedRoots() {
        return jdbc.queryForList("select r.instance_id from ttdn.process_instance_info r where r.instance_id = "
                + "r.root_instance_id and r.ended_at is not null and not exists (select 1 from ttdn.process_instance_info "
                + "c where c.root_instance_id = r.instance_id and c.ended_at is null) order by r.started_at", String.class);
    }

    /** Copies the trees under these roots {@code copies} times; the rows added, by table. */
    Map<String, Long> copy(List<String> roots, int copies, List<Long> plans) {
        return copy(roots, copies, plans, null, true);
    }

    /**
     * Copies the trees under these roots {@code copies} times, only the engine's history tables named
     * ({@code null}: every one), with the audit record's events or without them; the rows added, by table.
     */
    Map<String, Long> copy(List<String> roots, int copies, List<Long> plans, Set<String> historyTables,
                           boolean auditEvents) {
        jdbc.execute("create table public.bench_roots (root varchar(64) primary key)");
        try {
            jdbc.batchUpdate("insert into public.bench_roots values (?)", roots.stream().map(r -> new Object[] {r}).toList());
            String shift = "(((" + copies + " - g) * " + DAYS_BACK + " / " + copies + ") * interval '1 day')";
            String plan = "(array[" + String.join(",", plans.stream().map(String::valueOf).toList()) + "]::bigint[])[1 + g % "
                    + plans.size() + "]";
            Map<String, String> inserts = new LinkedHashMap<>();
            for (String table : jdbc.queryForList("select c.table_name from information_schema.columns c "
                    + "where c.table_schema = 'public' and c.table_name like 'act\\_hi\\_%' "
                    + "and c.column_name = 'root_proc_inst_id_' order by c.table_name", String.class)) {
                if (historyTables != null && !historyTables.contains(table)) {
                    continue;
                }
                List<String> columns = new ArrayList<>();
                List<String> values = new ArrayList<>();
                jdbc.query("select column_name, data_type from information_schema.columns where table_schema = 'public' "
                        + "and table_name = ? order by ordinal_position", rs -> {
                    String column = rs.getString(1);
                    columns.add(column);
                    if (IDS.contains(column)) {
                        values.add(id("t." + column));
                    } else if (rs.getString(2).startsWith("timestamp")) {
                        values.add("t." + column + " - " + shift);
                    } else {
                        values.add("t." + column);
                    }
                }, table);
                inserts.put(table, "insert into public." + table + " (" + String.join(", ", columns) + ") select "
                        + String.join(", ", values) + " from public." + table + " t join public.bench_roots x on x.root = "
                        + "t.root_proc_inst_id_ cross join generate_series(1, " + copies + ") g");
            }
            inserts.put("ttdn.process_instance_info", "insert into ttdn.process_instance_info "
                    + "(instance_id, root_instance_id, super_instance_id, process_key, business_key, plan_id, round_id, "
                    + "body_code, started_at, ended_at) select " + id("i.instance_id") + ", " + id("i.root_instance_id")
                    + ", " + id("i.super_instance_id") + ", i.process_key, i.business_key, case when i.plan_id is null "
                    + "then null else " + plan + " end, i.round_id, i.body_code, i.started_at - " + shift
                    + ", i.ended_at - " + shift + " from ttdn.process_instance_info i join public.bench_roots x on x.root = "
                    + "i.root_instance_id cross join generate_series(1, " + copies + ") g");
            if (auditEvents) {
                inserts.put("ttdn.audit_event", "insert into ttdn.audit_event (recorded_at, kind, "
                        + "instance_id, root_instance_id, process_key, business_key, task_id, activity_id, activity_name, actor, "
                        + "actor_name, actor_body, actor_body_name, plan_id, round_id, details) select e.recorded_at - " + shift
                        + ", e.kind, " + id("e.instance_id") + ", " + id("e.root_instance_id") + ", e.process_key, "
                        + "e.business_key, " + id("e.task_id") + ", e.activity_id, e.activity_name, e.actor, e.actor_name, "
                        + "e.actor_body, e.actor_body_name, case when e.plan_id is null then null else " + plan + " end, "
                        + "e.round_id, e.details from ttdn.audit_event e join public.bench_roots x on x.root = e.root_instance_id "
                        + "cross join generate_series(1, " + copies + ") g order by g, e.id");
            }
            // a bulk load: the indexes that are no constraint's are dropped, and made again after the rows are in
            Map<String, String> indexes = new LinkedHashMap<>();
            for (String table : inserts.keySet()) {
                String[] name = table.contains(".") ? table.split("\\.") : new String[] {"public", table};
                jdbc.query("select i.schemaname || '.' || i.indexname, i.indexdef from pg_indexes i where i.schemaname = ? "
                        + "and i.tablename = ? and not exists (select 1 from pg_constraint c where c.conindid = "
                        + "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)", rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                }, name[0], name[1]);
            }
            indexes.keySet().forEach(index -> jdbc.execute("drop index " + index));
            Map<String, Long> added = inParallel(inserts);
            Map<String, String> creates = new LinkedHashMap<>();
            indexes.forEach((index, definition) -> creates.put(index, definition));
            inParallel(creates);
            return added;
        } finally {
            jdbc.execute("drop table public.bench_roots");
        }
    }

    /** Runs the inserts two at a time (the server works one statement on one core): the rows each added. */
    private Map<String, Long> inParallel(Map<String, String> inserts) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            Map<String, java.util.concurrent.Future<Integer>> running = new LinkedHashMap<>();
            // the largest first: the audit record, then the engine's tables
            List<String> order = new ArrayList<>(inserts.keySet());
            java.util.Collections.reverse(order);
            for (String table : order) {
                running.put(table, pool.submit(() -> jdbc.execute((java.sql.Connection c) -> {
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("set maintenance_work_mem = '256MB'");
                        st.execute(inserts.get(table));
                        int n = st.getUpdateCount();
                        st.execute("reset maintenance_work_mem");
                        return n;
                    }
                })));
            }
            Map<String, Long> added = new LinkedHashMap<>();
            for (String table : inserts.keySet()) {
                long n = running.get(table).get();
                if (n > 0) {
                    added.put(table, n);
                }
            }
            return added;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A copy failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The copy's id for an id: a UUID made of md5(id:copy), null for null. */
    private static String id(String column) {
        return "case when " + column + " is null then null else md5(" + column + " || ':' || g)::uuid::text end";
    }
}
