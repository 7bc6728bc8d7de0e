package vn.ttdn;

import org.springframework.boot.SpringApplication;

/**
 * The developer run: {@code ./mvnw spring-boot:test-run}. The application on an embedded
 * PostgreSQL whose data stays in {@code ./data/postgres}, with the demo data loaded.
 */
public class DevApplication {

    public static void main(String[] args) {
        System.setProperty("ttdn.dev.data-dir", System.getProperty("ttdn.dev.data-dir", "data/postgres"));
        SpringApplication.from(TtdnApplication::main).run(args);
    }
}
