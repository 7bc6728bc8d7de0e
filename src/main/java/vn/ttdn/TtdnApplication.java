package vn.ttdn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** TTĐN Workflow: provincial plans for foreign-information work, run on a workflow engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TtdnApplication {

    public static void main(String[] args) {
        SpringApplication.run(TtdnApplication.class, args);
    }
}
