package vn.ttdn.reporting.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The consolidated reports of rounds, their versions, steps, files and deliveries (Flyway V7), and
 * the two reads of a round's reports the assembly needs in one query each: the last version of every
 * body's report, and how often each was returned or sent back.
 */
@Repository
public class ConsolidationStore {

    /** A round's consolidated report as stored: its state, the officer's narrative and the draft it was saved over. */
    public record ReportRow(long roundId, String state, int version, Map<String, String> narrative,
                            Map<String, String> basedOn, String number, LocalDate dated, Map<String, String> signer,
                            Instant startedAt, Instant approvedAt, Instant sentAt) {
    }

    public record VersionRow(int version, String content, String draftedBy, Instant draftedAt) {
    }

    public record StepRow(long id, int version, String step, String actor, String actorName, String actorTitle,
                          String note, Instant takenAt) {
    }

    public record FileRow(long id, int version, String format, String fileName, String sha256, Instant createdAt) {
    }

    public record DeliveryRow(String bodyCode, String standsFor, String role, Instant sentAt) {
    }

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<ReportRow> reportRow;

    ConsolidationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.reportRow = (rs, i) -> new ReportRow(rs.getLong("round_id"), rs.getString("state"), rs.getInt("version"),
                read(rs.getString("narrative"), STRINGS), read(rs.getString("based_on"), STRINGS),
                rs.getString("number"), rs.getObject("dated", LocalDate.class), read(rs.getString("signer"), STRINGS),
                instant(rs, "started_at"), instant(rs, "approved_at"), instant(rs, "sent_at"));
    }

    /** Starts the round's consolidated report as a draft, unless it has one; whether it was started now. */
    public boolean start(long roundId, Instant at) {
        return jdbc.update("""
                insert into ttdn.consolidated_report (round_id, state, started_at) values (?, 'DRAFT', ?)
                on conflict (round_id) do nothing""", roundId, Timestamp.from(at)) == 1;
    }

    public Optional<ReportRow> find(long roundId) {
        return jdbc.query("select * from ttdn.consolidated_report where round_id = ?", reportRow, roundId).stream()
                .findFirst();
    }

    /** The row, locked for the step that changes it (no key update: versions and steps reference it). */
    public Optional<ReportRow> lock(long roundId) {
        return jdbc.query("select * from ttdn.consolidated_report where round_id = ? for no key update", reportRow,
                roundId).stream().findFirst();
    }

    public void saveNarrative(long roundId, Map<String, String> narrative, Map<String, String> basedOn) {
        jdbc.update("update ttdn.consolidated_report set narrative = ?::jsonb, based_on = ?::jsonb where round_id = ?",
                write(narrative), write(basedOn), roundId);
    }

    /** A new version holding the whole report as submitted; its number. */
    public int addVersion(long roundId, Object content, String username, Instant at) {
        Integer version = jdbc.queryForObject("""
                update ttdn.consolidated_report set version = version + 1, state = 'SUBMITTED' where round_id = ?
                returning version""", Integer.class, roundId);
        jdbc.update("""
                insert into ttdn.consolidated_version (round_id, version, content, drafted_by, drafted_at)
                values (?, ?, ?::jsonb, ?, ?)""", roundId, version, write(content), username, Timestamp.from(at));
        return version;
    }

    /** The version's content replaced by the approved report (its number, date and signer added). */
    public void replaceVersion(long roundId, int version, Object content) {
        jdbc.update("update ttdn.consolidated_version set content = ?::jsonb where round_id = ? and version = ?",
                write(content), roundId, version);
    }

    public void setState(long roundId, String state) {
        jdbc.update("update ttdn.consolidated_report set state = ? where round_id = ?", state, roundId);
    }

    public void approved(long roundId, String number, LocalDate dated, Map<String, String> signer, Instant at) {
        jdbc.update("""
                update ttdn.consolidated_report set state = 'APPROVED', number = ?, dated = ?, signer = ?::jsonb,
                    approved_at = ? where round_id = ?""", number, dated, write(signer), Timestamp.from(at), roundId);
    }

    public void sent(long roundId, Instant at) {
        jdbc.update("update ttdn.consolidated_report set state = 'SENT', sent_at = ? where round_id = ?",
                Timestamp.from(at), roundId);
    }

    public List<VersionRow> versions(long roundId) {
        return jdbc.query("""
                select version, content, drafted_by, drafted_at from ttdn.consolidated_version where round_id = ?
                order by version""", (rs, i) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                instant(rs, "drafted_at")), roundId);
    }

    public Optional<String> versionContent(long roundId, int version) {
        return jdbc.queryForList("select content from ttdn.consolidated_version where round_id = ? and version = ?",
                String.class, roundId, version).stream().findFirst();
    }

    public void step(long roundId, int version, String step, String actor, String actorName, String actorTitle,
                     String note, Instant at) {
        jdbc.update("""
                insert into ttdn.consolidated_step (round_id, version, step, actor, actor_name, actor_title, note,
                    taken_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", roundId, version, step, actor, actorName, actorTitle,
                note, Timestamp.from(at));
    }

    public List<StepRow> steps(long roundId) {
        return jdbc.query("select * from ttdn.consolidated_step where round_id = ? order by id",
                (rs, i) -> new StepRow(rs.getLong("id"), rs.getInt("version"), rs.getString("step"),
                        rs.getString("actor"), rs.getString("actor_name"), rs.getString("actor_title"),
                        rs.getString("note"), instant(rs, "taken_at")), roundId);
    }

    /** Who drafted (submitted) versions of the round's consolidated report. */
    public List<String> drafters(long roundId) {
        return jdbc.queryForList("select distinct drafted_by from ttdn.consolidated_version where round_id = ?",
                String.class, roundId);
    }

    public void addFile(long roundId, int version, String format, String fileName, byte[] content, String sha256,
                        Instant at) {
        jdbc.update("""
                insert into ttdn.consolidated_file (round_id, version, format, file_name, content, sha256, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (round_id, version, format) do nothing""", roundId, version,
                format, fileName, content, sha256, Timestamp.from(at));
    }

    public List<FileRow> files(long roundId) {
        return jdbc.query("""
                select id, version, format, file_name, sha256, created_at from ttdn.consolidated_file
                where round_id = ? order by version, format""", (rs, i) -> new FileRow(rs.getLong(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, "created_at")), roundId);
    }

    public Optional<byte[]> fileContent(long roundId, int version, String format) {
        return jdbc.query("""
                select content from ttdn.consolidated_file where round_id = ? and version = ? and format = ?""",
                (rs, i) -> rs.getBytes(1), roundId, version, format).stream().findFirst();
    }

    public void delivered(long roundId, String bodyCode, String standsFor, String role, Instant at) {
        jdbc.update("""
                insert into ttdn.consolidated_delivery (round_id, body_code, stands_for, role, sent_at)
                values (?, ?, ?, ?, ?) on conflict (round_id, body_code) do nothing""", roundId, bodyCode, standsFor,
                role, Timestamp.from(at));
    }

    public List<DeliveryRow> deliveries(long roundId) {
        return jdbc.query("""
                select body_code, stands_for, role, sent_at from ttdn.consolidated_delivery where round_id = ?
                order by role, body_code""", (rs, i) -> new DeliveryRow(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, "sent_at")), roundId);
    }

    /** The last version of every body's report in the round, by body code: one query. */
    public Map<String, Map<String, Object>> lastReports(long roundId) {
        Map<String, Map<String, Object>> last = new LinkedHashMap<>();
        jdbc.query("""
                select distinct on (body_code) body_code, content from ttdn.agency_report where round_id = ?
                order by body_code, version desc""", (ResultSet rs) -> {
            last.put(rs.getString(1), read(rs.getString(2), CONTENT));
        }, roundId);
        return last;
    }

    /** How many times each body's report was returned by its leader or sent back by the consolidating body. */
    public Map<String, Integer> returns(long roundId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("""
                select body_code, count(*) from ttdn.report_step where round_id = ? and step in ('RETURNED', 'SENT_BACK')
                group by body_code""", (ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getInt(2));
        }, roundId);
        return counts;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
