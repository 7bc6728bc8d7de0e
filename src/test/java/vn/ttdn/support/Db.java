package vn.ttdn.support;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks at the application's tables directly, to assert what was (or was not) written. */
@Component
public class Db {

    private static final String[] PLAN_TABLES = {"plan", "task_group", "plan_task", "plan_task_lead",
            "plan_task_cooperating", "plan_legal_basis", "plan_recipient", "plan_measure"};

    private final JdbcTemplate jdbc;

    public Db(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int count(String table) {
        return jdbc.queryForObject("select count(*) from ttdn." + table, Integer.class);
    }

    /** Row counts of every plan table: equal before and after means nothing was written. */
    public Map<String, Integer> planTableCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : PLAN_TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
