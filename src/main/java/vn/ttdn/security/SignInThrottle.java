package vn.ttdn.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address in {@code ttdn.sign_in_failure}, so that every
 * node sees the same counts, with the database's clock. A count older than the window, or whose
 * lock has passed, starts afresh; reaching the limit locks for the delay. A successful sign-in
 * clears its account's count (not its address's: one good account must not cover a guesser).
 */
@Component
class SignInThrottle {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    private static final int KEY_LENGTH = 200;

    /** The lock in force on a sign-in, if any, and whether its account has failures to clear on success. */
    record Check(Optional<Instant> lockedUntil, boolean accountHasFailures) {
    }

    private static final String RESTART = "(f.first_at < now() - :window * interval '1 second' "
            + "or f.locked_until <= now())";
    private static final String FAILED = """
            insert into ttdn.sign_in_failure as f (kind, key, failures, first_at, locked_until)
            values (:kind, :key, 1, now(), case when :limit <= 1 then now() + :delay * interval '1 second' end)
            on conflict (kind, key) do update set
                failures = case when %1$s then 1 else f.failures + 1 end,
                first_at = case when %1$s then now() else f.first_at end,
                locked_until = case
                    when (case when %1$s then 1 else f.failures + 1 end) >= :limit
                        then now() + :delay * interval '1 second'
                    when %1$s then null
                    else f.locked_until end
            """.formatted(RESTART);

    private final NamedParameterJdbcTemplate jdbc;
    private final LockoutProperties lockout;

    SignInThrottle(NamedParameterJdbcTemplate jdbc, LockoutProperties lockout) {
        this.jdbc = jdbc;
        this.lockout = lockout;
    }

    Check check(String username, String address) {
        MapSqlParameterSource keys = new MapSqlParameterSource("account", key(username))
                .addValue("address", address == null ? null : key(address));
        return jdbc.queryForObject("""
                select max(locked_until) filter (where locked_until > now()), coalesce(bool_or(kind = 'account'), false)
                  from ttdn.sign_in_failure
                 where (kind = 'account' and key = :account) or (kind = 'address' and key = :address)
                """, keys, (rs, i) -> {
            Timestamp until = rs.getTimestamp(1);
            return new Check(Optional.ofNullable(until).map(Timestamp::toInstant), rs.getBoolean(2));
        });
    }

    void failed(String username, String address) {
        record(ACCOUNT, key(username), lockout.accountFailures());
        if (address != null) {
            record(ADDRESS, key(address), lockout.addressFailures());
        }
        // counts long past their window and lock are of no use
        jdbc.update("delete from ttdn.sign_in_failure where first_at < now() - :stale * interval '1 second' "
                        + "and (locked_until is null or locked_until < now())",
                new MapSqlParameterSource("stale", lockout.window().plus(lockout.delay()).toSeconds()));
    }

    void succeeded(String username) {
        jdbc.update("delete from ttdn.sign_in_failure where kind = 'account' and key = :key",
                new MapSqlParameterSource("key", key(username)));
    }

    private void record(String kind, String key, int limit) {
        jdbc.update(FAILED, new MapSqlParameterSource("kind", kind).addValue("key", key).addValue("limit", limit)
                .addValue("window", lockout.window().toSeconds()).addValue("delay", lockout.delay().toSeconds()));
    }

    private static String key(String text) {
        String key = String.valueOf(text).strip().toLowerCase(Locale.ROOT);
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }
}
