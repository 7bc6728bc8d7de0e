package vn.ttdn.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * How an event is hashed into the chain: {@code hash = SHA-256(prev_hash, LF, content)} in hex, the
 * first seal's {@code prev_hash} being 64 zeros, and {@code content} every column of the event in a
 * fixed order, as PostgreSQL prints it ({@link #COLUMNS}), joined by the unit separator. jsonb prints
 * its keys in one order whatever order they were written in, so the content is canonical.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** The event's columns as text, in the order hashed; {@code e} is audit_event. */
    static final String COLUMNS = "e.id::text, to_char(e.recorded_at at time zone 'UTC', "
            + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), e.kind, e.instance_id, e.root_instance_id, e.process_key, "
            + "e.business_key, e.task_id, e.activity_id, e.activity_name, e.actor, e.actor_name, e.actor_body, "
            + "e.actor_body_name, e.plan_id::text, e.round_id::text, e.details::text";
    private static final int COLUMN_COUNT = 17;
    private static final char SEPARATOR = '\u001f';

    private AuditChain() {
    }

    /** The content of the event whose {@link #COLUMNS} start at column {@code first} of the row. */
    static String content(ResultSet row, int first) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < COLUMN_COUNT; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            String value = row.getString(first + i);
            text.append(value == null ? "\u2400" : value);
        }
        return text.toString();
    }

    static String hash(String previous, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
