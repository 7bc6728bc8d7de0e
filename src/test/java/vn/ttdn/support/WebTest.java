package vn.ttdn.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application (engine, security, embedded PostgreSQL with the demo data) behind
 * MockMvc. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// The job executor is off here: tests run the jobs of the instances they drive (support/RoundDriver)
// and fire timers by executing their jobs with the engine clock set, never by waiting.
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureMockMvc
@Import({Db.class, WebTest.Beans.class, Statements.class})
public @interface WebTest {

    /** The fixtures every web test may inject. */
    class Beans {
        @org.springframework.context.annotation.Bean
        Api api(org.springframework.test.web.servlet.MockMvc mvc, com.fasterxml.jackson.databind.ObjectMapper json) {
            return new Api(mvc, json);
        }

        @org.springframework.context.annotation.Bean
        Chain chain(org.springframework.test.web.servlet.MockMvc mvc, com.fasterxml.jackson.databind.ObjectMapper json,
                    org.springframework.security.core.userdetails.UserDetailsService users) {
            return new Chain(mvc, json, users);
        }

        @org.springframework.context.annotation.Bean
        RoundDriver roundDriver(Chain chain, org.camunda.bpm.engine.ProcessEngine engine,
                                vn.ttdn.directory.DirectoryService directory) {
            return new RoundDriver(chain, engine, directory);
        }

        /** Sessions in the database, also for MockMvc requests that carry a MockHttpSession. */
        @org.springframework.context.annotation.Bean
        org.springframework.session.web.http.HttpSessionIdResolver httpSessionIdResolver() {
            return new MockMvcSessions();
        }

        @org.springframework.context.annotation.Bean
        Pages pages(org.springframework.test.web.servlet.MockMvc mvc) {
            return new Pages(mvc);
        }
    }
}
