package vn.ttdn.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link MailRetry} on Spring's scheduler (Spring Boot's {@code taskScheduler}, one thread).
 * The engine's job executor is unaffected: it runs on its own {@code camundaTaskExecutor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailScheduling {
}
