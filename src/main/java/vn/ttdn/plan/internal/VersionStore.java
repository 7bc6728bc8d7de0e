package vn.ttdn.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.ttdn.plan.PlanChange;
import vn.ttdn.plan.PlanVersion;

/**
 * The versions of issued plans (table {@code plan_version}): the plan file of each as JSON and the
 * changes that made it. Written once, never changed.
 */
@Component
public class VersionStore {

    private static final TypeReference<List<PlanChange>> CHANGES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final RowMapper<PlanVersion> version = (rs, i) -> new PlanVersion(rs.getLong("plan_id"),
            rs.getInt("version"), rs.getString("reference"), rs.getObject("issued_on", LocalDate.class),
            (Long) rs.getObject("amendment_id"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"), read(rs.getString("changes")));

    VersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes version 1 unless the plan has it; whether it was written now. */
    public boolean insertFirst(long planId, String reference, LocalDate issuedOn, String snapshot, String by) {
        return jdbc.update("""
                insert into ttdn.plan_version (plan_id, version, reference, issued_on, snapshot, changes, created_at,
                                               created_by)
                values (?, 1, ?, ?, ?::jsonb, '[]'::jsonb, ?, ?) on conflict do nothing""",
                planId, reference, issuedOn, snapshot, Timestamp.from(Instant.now()), by) == 1;
    }

    public void insert(long planId, int number, String reference, LocalDate issuedOn, Long amendmentId,
                       String snapshot, List<PlanChange> changes, String by) {
        jdbc.update("""
                insert into ttdn.plan_version (plan_id, version, reference, issued_on, amendment_id, snapshot, changes,
                                               created_at, created_by)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""", planId, number, reference, issuedOn, amendmentId,
                snapshot, write(changes), Timestamp.from(Instant.now()), by);
    }

    public Optional<Integer> latest(long planId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(version) from ttdn.plan_version where plan_id = ?",
                Integer.class, planId));
    }

    public Optional<String> snapshot(long planId, int number) {
        return jdbc.queryForList("select snapshot::text from ttdn.plan_version where plan_id = ? and version = ?",
                String.class, planId, number).stream().findFirst();
    }

    /** Every kept plan file of the plan, oldest first (to know which numbers its tasks ever had). */
    public List<String> snapshots(long planId) {
        return jdbc.queryForList("select snapshot::text from ttdn.plan_version where plan_id = ? order by version",
                String.class, planId);
    }

    public List<PlanVersion> list(long planId) {
        return jdbc.query("select * from ttdn.plan_version where plan_id = ? order by version", version, planId);
    }

    public Optional<PlanVersion> one(long planId, int number) {
        return jdbc.query("select * from ttdn.plan_version where plan_id = ? and version = ?", version, planId, number)
                .stream().findFirst();
    }

    private String write(List<PlanChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PlanChange> read(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
