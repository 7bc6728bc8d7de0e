package vn.ttdn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements a request sent, run again with the parameters it
 * bound, on a connection of the bench's own. Only reads are explained (ANALYZE executes the
 * statement); writes are listed as such.
 */
final class QueryPlans {

    /** A statement, its plan's lines, the execution time the plan gives, and the big tables it scans whole. */
    record Plan(String sql, List<String> lines, double executionMs, List<String> seqScans) {

        String firstLine() {
            return sql.strip().replaceAll("\\s+", " ");
        }
    }

    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");

    private final DataSource raw;
    private final List<String> bigTables;

    QueryPlans(DataSource raw, List<String> bigTables) {
        this.raw = raw;
        this.bigTables = bigTables;
    }

    List<Plan> explain(List<SqlCapture.Sent> sent) throws Exception {
        List<Plan> plans = new ArrayList<>();
        try (Connection c = raw.getConnection()) {
            c.setReadOnly(true);
            for (SqlCapture.Sent s : sent) {
                String head = s.sql().strip().toLowerCase(Locale.ROOT);
                if (!head.startsWith("select") && !head.startsWith("with")) {
                    plans.add(new Plan(s.sql(), List.of("(not a read: not explained)"), 0, List.of()));
                    continue;
                }
                List<String> lines = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("explain (analyze, buffers) " + s.sql())) {
                    for (Map.Entry<Integer, Object> param : s.params().entrySet()) {
                        if (param.getValue() == null) {
                            p.setNull(param.getKey(), java.sql.Types.NULL);
                        } else {
                            p.setObject(param.getKey(), param.getValue());
                        }
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            lines.add(rs.getString(1));
                        }
                    }
                }
                double ms = 0;
                List<String> scans = new ArrayList<>();
                for (String line : lines) {
                    Matcher m = EXECUTION.matcher(line);
                    if (m.find()) {
                        ms = Double.parseDouble(m.group(1));
                    }
                    Matcher scan = SEQ_SCAN.matcher(line);
                    if (scan.find() && bigTables.contains(scan.group(1))) {
                        scans.add(scan.group(1));
                    }
                }
                plans.add(new Plan(s.sql(), lines, ms, scans));
            }
        }
        return plans;
    }
}
