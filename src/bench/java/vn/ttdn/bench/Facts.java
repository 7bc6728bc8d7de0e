package vn.ttdn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the figures were measured on: the machine, the server, the data. */
record Facts(String cpu, int cores, String memory, String java, String postgres, Map<String, String> settings,
             Map<String, Long> rows, Map<String, String> sizes, String years, long plans, long timelineEvents) {

    /** The tables a request must not read whole. */
    static final List<String> BIG_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_identitylink", "act_hi_detail", "act_hi_op_log", "process_instance_info",
            "audit_event", "audit_seal");

    /** The machine and the database server a bench runs on. */
    record Machine(String cpu, int cores, String memory, String java, String postgres, Map<String, String> settings) {
    }

    static Machine machine(JdbcTemplate jdbc) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : List.of("shared_buffers", "work_mem", "fsync", "synchronous_commit", "max_connections")) {
            settings.put(setting, jdbc.queryForObject("show " + setting, String.class));
        }
        return new Machine(readCpu(), Runtime.getRuntime().availableProcessors(), readMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                jdbc.queryForObject("select version()", String.class), settings);
    }

    static Facts read(JdbcTemplate jdbc, String timelineInstance) throws IOException {
        Machine machine = machine(jdbc);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("finished instances (act_hi_procinst, ended)", count(jdbc,
                "select count(*) from act_hi_procinst where end_time_ is not null"));
        rows.put("running instances (act_hi_procinst, not ended)", count(jdbc,
                "select count(*) from act_hi_procinst where end_time_ is null"));
        rows.put("ttdn.process_instance_info, ended_at set", count(jdbc,
                "select count(*) from ttdn.process_instance_info where ended_at is not null"));
        rows.put("ttdn.process_instance_info, running", count(jdbc,
                "select count(*) from ttdn.process_instance_info where ended_at is null"));
        for (String process : jdbc.queryForList("select distinct process_key from ttdn.process_instance_info "
                + "where ended_at is null order by 1", String.class)) {
            rows.put("  running " + process, count(jdbc, "select count(*) from ttdn.process_instance_info where "
                    + "ended_at is null and process_key = '" + process + "'"));
        }
        for (String table : List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_identitylink",
                "act_hi_detail", "act_hi_op_log", "act_ru_execution", "act_ru_task")) {
            rows.put(table, count(jdbc, "select count(*) from public." + table));
        }
        rows.put("ttdn.audit_event", count(jdbc, "select count(*) from ttdn.audit_event"));
        rows.put("ttdn.audit_seal", count(jdbc, "select count(*) from ttdn.audit_seal"));
        Map<String, String> sizes = new LinkedHashMap<>();
        jdbc.query("select n.nspname || '.' || c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' "
                + "and n.nspname in ('public', 'ttdn') order by pg_total_relation_size(c.oid) desc limit 8",
                rs -> {
                    sizes.put(rs.getString(1), rs.getString(2));
                });
        sizes.put("database", jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))",
                String.class));
        String years = jdbc.queryForObject("select min(extract(year from started_at))::int || '–' || "
                + "max(extract(year from started_at))::int from ttdn.process_instance_info where ended_at is not null",
                String.class);
        long plans = count(jdbc, "select count(distinct plan_id) from ttdn.process_instance_info where ended_at is not null");
        long events = count(jdbc, "select count(*) from ttdn.audit_event where instance_id = '" + timelineInstance + "'");
        return new Facts(machine.cpu(), machine.cores(), machine.memory(), machine.java(), machine.postgres(),
                machine.settings(), rows, sizes, years, plans, events);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String readCpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.exists(info)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
    }

    private static String readMemory() throws IOException {
        Path info = Path.of("/proc/meminfo");
        if (!Files.exists(info)) {
            return "unknown";
        }
        return Files.readAllLines(info).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
                .findFirst().orElse("unknown");
    }
}
