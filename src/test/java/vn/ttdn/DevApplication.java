package vn.ttdn;

import org.springframework.boot.SpringApplication;

/**
 * The developer run: {@code ./mvnw spring-boot:test-run}. The application on an embedded
 * PostgreSQL whose data stays in {@code ./data/postgres}, with the demo data loaded and this year's
 * round of Quảng Ngãi's plan reported in by every body asked.
 */
public class DevApplication {

    public static void main(String[] args) {
        System.setProperty("ttdn.dev.data-dir", System.getProperty("ttdn.dev.data-dir", "data/postgres"));
        // this year's round of Quảng Ngãi's plan gets every body's report, ready to consolidate (DemoRoundReports)
        System.setProperty("ttdn.demo.round-reports", System.getProperty("ttdn.demo.round-reports", "true"));
        SpringApplication.from(TtdnApplication::main).run(args);
    }
}
