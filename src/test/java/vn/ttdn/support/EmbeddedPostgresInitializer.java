package vn.ttdn.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real, embedded PostgreSQL (zonky, PostgreSQL 15) for the tests and the developer run,
 * and points the datasource at it. One server per JVM, shared by every test context. With
 * {@code ttdn.dev.data-dir} set (the developer run) the data stays in that folder across restarts;
 * otherwise it lives in a temporary folder.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String dataDir = context.getEnvironment().getProperty("ttdn.dev.data-dir");
        EmbeddedPostgres server = start(dataDir);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    private static synchronized EmbeddedPostgres start(String dataDir) {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
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
        }
        return postgres;
    }
}
