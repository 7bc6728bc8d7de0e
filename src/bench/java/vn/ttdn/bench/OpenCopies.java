package vn.ttdn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes many open report drafts out of a few real ones, in SQL: each report instance the engine
 * started ({@code agency-report}, waiting on its draft: one execution, one task, its candidate
 * group, its variables) is copied as many times as asked, every row with ids of its own (an id
 * becomes the UUID of md5(id:open:copy), the same in every table): its execution, task, candidate
 * link, variables (and their byte arrays), the engine's history of it so far (process, activity
 * and task instances, variables, identity links) and its line in the instance catalogue. A copy is
 * the same body's report in the same round, its task due {@code (copy · 37) mod 300} days later
 * and created up to ten days earlier; every {@code holdEvery}-th copy held by the body's officer (its
 * assignee set, as a claim leaves it). The copies are sub-instances of nobody in the engine's runtime
 * ({@code super_exec_} empty: the round's execution knows only its own report); history and the
 * catalogue keep the round as their parent, as they do for the original.
 */
final class OpenCopies {

    private static final Set<String> IDS = Set.of("id_", "proc_inst_id_", "execution_id_", "parent_id_",
            "act_inst_id_", "parent_act_inst_id_", "task_id_", "var_inst_id_", "var_scope_", "bytearray_id_",
            "call_proc_inst_id_", "process_instance_id_");
    private static final List<String> RUNTIME = List.of("act_ru_execution", "act_ru_task", "act_ru_variable",
            "act_ru_identitylink");
    private static final List<String> HISTORY = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_identitylink");

    private final JdbcTemplate jdbc;

    OpenCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies each report instance the number of times given ({@code copies}: instance id → how many),
     * the copies' drafts held by the officer given per instance ({@code holders}) every
     * {@code holdEvery}-th; the rows added, by table.
     */
    Map<String, Long> copy(Map<String, Integer> copies, Map<String, String> holders, int holdEvery) {
        jdbc.execute("create table public.bench_open (template varchar(64), g int primary key, holder varchar(255))");
        try {
            List<Object[]> rows = new ArrayList<>();
            int g = 0;
            for (Map.Entry<String, Integer> c : copies.entrySet()) {
                for (int i = 0; i < c.getValue(); i++) {
                    g++;
                    rows.add(new Object[] {c.getKey(), g, i % holdEvery == holdEvery - 1 ? holders.get(c.getKey()) : null});
                }
            }
            jdbc.batchUpdate("insert into public.bench_open values (?, ?, ?)", rows);
            jdbc.execute("create index on public.bench_open (template)");
            jdbc.execute("analyze public.bench_open");
            Map<String, Long> added = new LinkedHashMap<>();
            String bytes = "insert into public.act_ge_bytearray (" + columns("act_ge_bytearray", false) + ") select "
                    + values("act_ge_bytearray", "b", false) + " from public.act_ge_bytearray b join (select distinct o.g, x.bid "
                    + "from (select proc_inst_id_ as p, bytearray_id_ as bid from public.act_ru_variable where bytearray_id_ "
                    + "is not null union select proc_inst_id_, bytearray_id_ from public.act_hi_varinst where bytearray_id_ "
                    + "is not null) x join public.bench_open o on o.template = x.p) o on o.bid = b.id_";
            added.put("act_ge_bytearray", (long) jdbc.update(bytes));
            for (String table : RUNTIME) {
                added.put(table, (long) jdbc.update(insert(table, false)));
            }
            for (String table : HISTORY) {
                added.put(table, (long) jdbc.update(insert(table, true)));
            }
            added.put("ttdn.process_instance_info", (long) jdbc.update("insert into ttdn.process_instance_info "
                    + "(instance_id, root_instance_id, super_instance_id, process_key, business_key, plan_id, round_id, "
                    + "body_code, started_at, ended_at) select " + id("i.instance_id") + ", i.root_instance_id, "
                    + "i.super_instance_id, i.process_key, i.business_key, i.plan_id, i.round_id, i.body_code, i.started_at - "
                    + EARLIER + ", null from ttdn.process_instance_info i join public.bench_open o on o.template = "
                    + "i.instance_id"));
            return added;
        } finally {
            jdbc.execute("drop table public.bench_open");
        }
    }

    /** A copy's times: up to ten days before the original's. */
    private static final String EARLIER = "((o.g % 240) * interval '1 hour')";

    private String insert(String table, boolean history) {
        String join = switch (table) {
            case "act_ru_identitylink" -> " join public.act_ru_task k on k.id_ = t.task_id_ join public.bench_open o "
                    + "on o.template = k.proc_inst_id_";
            case "act_hi_identitylink" -> " join public.act_hi_taskinst k on k.id_ = t.task_id_ join public.bench_open o "
                    + "on o.template = k.proc_inst_id_";
            default -> " join public.bench_open o on o.template = t.proc_inst_id_";
        };
        String where = table.equals("act_ru_identitylink") || table.equals("act_hi_identitylink") ? " where t.task_id_ "
                + "is not null" : "";
        return "insert into public." + table + " (" + columns(table, history) + ") select " + values(table, "t", history)
                + " from public." + table + " t" + join + where;
    }

    private String columns(String table, boolean history) {
        return String.join(", ", jdbc.queryForList("select column_name from information_schema.columns where "
                + "table_schema = 'public' and table_name = ? order by ordinal_position", String.class, table));
    }

    private String values(String table, String alias, boolean history) {
        List<String> values = new ArrayList<>();
        jdbc.query("select column_name, data_type from information_schema.columns where table_schema = 'public' "
                + "and table_name = ? order by ordinal_position", rs -> {
            String column = rs.getString(1);
            String c = alias + "." + column;
            if (IDS.contains(column)) {
                values.add(id(c));
            } else if (column.equals("super_exec_")) {
                values.add("null");
            } else if (column.equals("due_date_")) {
                values.add(c + " + ((o.g * 37) % 300) * interval '1 day'");
            } else if (column.equals("assignee_") && (table.equals("act_ru_task") || table.equals("act_hi_taskinst"))) {
                // held or not as the copy is, whatever the original
                values.add("o.holder");
            } else if (rs.getString(2).startsWith("timestamp")) {
                values.add(c + " - " + EARLIER);
            } else {
                values.add(c);
            }
        }, table);
        return String.join(", ", values);
    }

    /** The copy's id for an id: a UUID made of md5(id:open:copy), null for null. */
    private static String id(String column) {
        return "case when " + column + " is null then null else md5(" + column + " || ':open:' || o.g)::uuid::text end";
    }
}
