package vn.ttdn.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time writes at start-up (issue 11 §2, ADR 0014). Nodes started at once on one
 * database would otherwise race: the engine creates its ACT_* tables without a lock of its own (two
 * nodes on an empty database both find no table and both create them: one fails), and the
 * start-up writers after it (the engine's deployment of the processes, the first administrator,
 * the engine identity's reconciliation, the rounds scheduled at start-up, the demo data) each read
 * and then write. The first of Flyway or the engine to come takes a PostgreSQL session advisory
 * lock on a connection of its own; it is held until the application is ready (readiness
 * ACCEPTING_TRAFFIC, after every runner and ready listener), so a second node waits for the first
 * to finish starting and then finds everything done. A node that dies while holding it drops its
 * connection, and the lock with it.
 */
@Component
public class StartupLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** The advisory lock only the start-up takes ("ttdnstrt"). */
    static final long LOCK = 0x7474646E_73747274L;

    private final DataSource dataSource;
    private Connection held;
    private boolean done;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the start-up lock, waiting for another node's start to finish; once per start, later calls return. */
    public synchronized void hold() {
        if (held != null || done) {
            return;
        }
        long since = System.nanoTime();
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("The start-up lock could not be taken: " + e.getMessage(), e);
        }
        long waited = (System.nanoTime() - since) / 1_000_000;
        log.info("Start-up lock taken{}", waited > 1000 ? " after " + waited + " ms (another node was starting)" : "");
    }

    /** Ready: every start-up writer is done; another node may start. */
    @EventListener
    void ready(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            release();
        }
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        done = true;
        if (held == null) {
            return;
        }
        try (Connection connection = held; PreparedStatement unlock = connection.prepareStatement(
                "select pg_advisory_unlock(?)")) {
            unlock.setLong(1, LOCK);
            unlock.execute();
            log.info("Start-up lock released");
        } catch (SQLException e) {
            // the connection is closed anyway, and the lock goes with its session
            log.warn("Start-up lock: {}", e.getMessage());
        } finally {
            held = null;
        }
    }

    /** Flyway migrates under the lock: it is taken before Flyway is even configured. */
    @Configuration(proxyBeanMethods = false)
    static class BeforeFlyway {
        @Bean
        FlywayConfigurationCustomizer startupLockBeforeMigrations(StartupLock lock) {
            return configuration -> lock.hold();
        }
    }
}
