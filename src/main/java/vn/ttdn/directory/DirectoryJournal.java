package vn.ttdn.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The journal of the directory's changes (table directory_change) and people's former bodies (person_body_history). */
@Repository
class DirectoryJournal {

    static final String BODY = "body";
    static final String PERSON = "person";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DirectoryJournal(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(String actor, String entity, String key, String action, JsonNode before, JsonNode after) {
        jdbc.update("insert into ttdn.directory_change (actor, entity, entity_key, action, before, after) "
                + "values (?, ?, ?, ?, ?::jsonb, ?::jsonb)", actor, entity, key, action, text(before), text(after));
    }

    /** A few fields as the journal keeps them (before or after), e.g. an account's standing. */
    JsonNode fields(java.util.Map<String, String> values) {
        return json.valueToTree(new java.util.TreeMap<>(values));
    }

    /** A body's changes, and those of the people who joined or left it; the latest first. */
    List<DirectoryChange> ofBody(String code) {
        return jdbc.query("select * from ttdn.directory_change where (entity = 'body' and entity_key = ?) "
                + "or (entity = 'person' and (after ->> 'body' = ? or before ->> 'body' = ?)) order by at desc, id desc",
                this::change, code, code, code);
    }

    List<DirectoryChange> ofPerson(String username) {
        return jdbc.query("select * from ttdn.directory_change where entity = 'person' and entity_key = ? "
                + "order by at desc, id desc", this::change, username);
    }

    void formerBody(String username, String bodyCode, LocalDate from, LocalDate to, String actor) {
        jdbc.update("insert into ttdn.person_body_history (username, body_code, valid_from, valid_to, recorded_by) "
                + "values (?, ?, ?, ?, ?)", username, bodyCode, from == null ? null : Date.valueOf(from),
                Date.valueOf(to), actor);
    }

    /** The bodies a person worked for before, as {body, from, to}; the latest first. */
    List<PersonDetails.FormerBody> formerBodies(String username) {
        return jdbc.query("select body_code, valid_from, valid_to from ttdn.person_body_history where username = ? "
                + "order by valid_to desc, id desc", (rs, i) -> new PersonDetails.FormerBody(rs.getString(1),
                rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()), username);
    }

    private DirectoryChange change(ResultSet rs, int row) throws SQLException {
        return new DirectoryChange(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("entity"), rs.getString("entity_key"), rs.getString("action"),
                tree(rs.getString("before")), tree(rs.getString("after")));
    }

    private String text(JsonNode node) {
        try {
            return node == null ? null : json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
