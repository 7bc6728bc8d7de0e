package vn.ttdn.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * Personal API tokens (ADR 0015): a person makes a token for their scripts, which then send it as
 * {@code Authorization: Bearer ttdn_…} instead of their password, so that no request pays BCrypt. The
 * token is 256 random bits, shown once when it is made; only its SHA-256 is kept, so that checking one
 * is one index probe. A token acts as its person as they stand at each request (roles, body, enabled);
 * it expires, and its person can revoke it. Making and revoking one are journaled with the person's
 * other account changes.
 */
@Service
@Transactional
public class ApiTokens {

    /** Every token starts with this, so that it is recognised (by a person, a secret scanner) for what it is. */
    public static final String PREFIX = "ttdn_";
    public static final int NAME_MAX = 100;
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;
    /** Tokens a person may have that are neither revoked nor expired. */
    public static final int MAX_ACTIVE = 20;
    private static final int RANDOM_BYTES = 32;
    /** last_used_at is written when it is older than this, not on every request. */
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    /** A token just made: the only time its text is known. */
    public record Created(long id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    /** A token as its person lists it: never its text nor its hash. */
    public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                            boolean expired) {
    }

    /** Why a token does or does not sign a request in. */
    public enum Outcome { VALID, UNKNOWN, REVOKED, EXPIRED, DISABLED }

    /** A token checked: its outcome, and for a valid one its person and id. */
    public record Check(Outcome outcome, String username, long id) {

        static Check refused(Outcome outcome) {
            return new Check(outcome, null, 0);
        }
    }

    private final JdbcTemplate jdbc;
    private final DirectoryJournal journal;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, DirectoryJournal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /** A new token of the person's, named, expiring after {@code days} (null: {@value #DEFAULT_DAYS}). */
    public Created create(String username, String name, Integer days) {
        String trimmed = name == null ? "" : name.strip();
        int lifetime = days == null ? DEFAULT_DAYS : days;
        List<InputProblem> problems = new ArrayList<>();
        if (trimmed.isEmpty()) {
            problems.add(InputProblem.of("name", "token.nameMissing", "Give the token a name"));
        } else if (trimmed.length() > NAME_MAX) {
            problems.add(InputProblem.of("name", "token.nameTooLong", "A token's name has at most " + NAME_MAX
                    + " characters", NAME_MAX));
        }
        if (lifetime < 1 || lifetime > MAX_DAYS) {
            problems.add(InputProblem.of("expiresInDays", "token.expiryOutOfRange",
                    "A token lasts from 1 to " + MAX_DAYS + " days", 1, MAX_DAYS));
        }
        // the person's row locked: two requests at once cannot both pass the count
        jdbc.query("select 1 from ttdn.person where username = ? for update", (rs, i) -> 1, username).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("No person " + username));
        Integer active = jdbc.queryForObject("select count(*) from ttdn.api_token where username = ? "
                + "and revoked_at is null and expires_at > now()", Integer.class, username);
        if (active != null && active >= MAX_ACTIVE) {
            problems.add(InputProblem.of("", "token.tooMany", "Revoke a token first: at most " + MAX_ACTIVE
                    + " are active at once", MAX_ACTIVE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The token was not made", problems);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = created.plus(Duration.ofDays(lifetime));
        Long id = jdbc.queryForObject("insert into ttdn.api_token (username, name, token_hash, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?) returning id", Long.class, username, trimmed, hash(token),
                Timestamp.from(created), Timestamp.from(expires));
        journal.record(username, DirectoryJournal.PERSON, username, "API_TOKEN_CREATED", null,
                journal.fields(Map.of("token", String.valueOf(id), "name", trimmed, "expiresAt", expires.toString())));
        return new Created(id, trimmed, token, created, expires);
    }

    /** The person's tokens not revoked (expired ones too, marked), the newest first. */
    @Transactional(readOnly = true)
    public List<TokenView> list(String username) {
        return jdbc.query("select id, name, created_at, last_used_at, expires_at, expires_at <= now() "
                        + "from ttdn.api_token where username = ? and revoked_at is null order by created_at desc, id desc",
                (rs, i) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6)), username);
    }

    /**
     * Revokes one of the person's own tokens: it never works again. Another person's token, one revoked
     * already, or no token at all: 404 alike (whose ids exist is not told).
     */
    public void revoke(String username, long id) {
        List<String> names = jdbc.queryForList("update ttdn.api_token set revoked_at = now(), revoked_by = ? "
                + "where id = ? and username = ? and revoked_at is null returning name", String.class, username, id,
                username);
        if (names.isEmpty()) {
            throw new NotFoundException("No token " + id);
        }
        journal.record(username, DirectoryJournal.PERSON, username, "API_TOKEN_REVOKED",
                journal.fields(Map.of("token", String.valueOf(id), "name", names.get(0))), null);
    }

    /**
     * Checks a token a request carries: one probe by its hash, with its person's standing. Valid only
     * when it is known, neither revoked nor expired, and its person is enabled; its last use noted.
     */
    public Check check(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Check.refused(Outcome.UNKNOWN);
        }
        record Row(long id, String username, Instant expires, boolean revoked, Instant lastUsed, boolean enabled) {
        }
        Optional<Row> found = jdbc.query("select t.id, t.username, t.expires_at, t.revoked_at is not null, "
                        + "t.last_used_at, p.enabled from ttdn.api_token t join ttdn.person p on p.username = t.username "
                        + "where t.token_hash = ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBoolean(6)),
                hash(token)).stream().findFirst();
        if (found.isEmpty()) {
            return Check.refused(Outcome.UNKNOWN);
        }
        Row row = found.get();
        Instant now = Instant.now();
        if (row.revoked()) {
            return Check.refused(Outcome.REVOKED);
        }
        if (!row.expires().isAfter(now)) {
            return Check.refused(Outcome.EXPIRED);
        }
        if (!row.enabled()) {
            return Check.refused(Outcome.DISABLED);
        }
        if (row.lastUsed() == null || row.lastUsed().plus(LAST_USED_STEP).isBefore(now)) {
            jdbc.update("update ttdn.api_token set last_used_at = now() where id = ?", row.id());
        }
        return new Check(Outcome.VALID, row.username(), row.id());
    }

    /** The SHA-256 of a token's text, in hexadecimal: what the table keeps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
