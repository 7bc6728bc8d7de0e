package vn.ttdn.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, or every connection of the pool busy
 * beyond {@code spring.datasource.hikari.connection-timeout}) from any other failure, wherever it
 * surfaces: Spring's {@link CannotGetJdbcConnectionException} or a transaction that could not begin,
 * Hikari's {@link SQLTransientConnectionException}, the engine's exception around the driver's, or
 * the driver's own (SQL state class 08, or the server shutting down). Such a request is answered
 * 503 with {@value #CODE} and a {@code Retry-After}; its transaction was rolled back by the
 * database (nothing half-written remains), so the client may send it again.
 */
public final class DatabaseOutage {

    /** The problem code (and {@code problem.database.unavailable} its words). */
    public static final String CODE = "database.unavailable";
    /** Seconds a client is asked to wait before sending the request again. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 20;
    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseOutage() {
    }

    /** Whether this failure, or one it was caused by, says the database could not be reached. */
    public static boolean is(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = next(cause)) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof SQLException && thrownByAClosedPoolConnection(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's "Connection is closed", without an SQL state: the pool closed the connection under the
     * transaction because the server broke it (a rollback after a restart fails so, and overrides the
     * original failure).
     */
    private static boolean thrownByAClosedPoolConnection(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && HIKARI_CLOSED_CONNECTION.equals(trace[0].getClassName());
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof SQLException sql && sql.getNextException() != null && failure.getCause() == null) {
            return sql.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
