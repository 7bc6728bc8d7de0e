package vn.ttdn.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link WebTest} whose application sends mail over SMTP to {@code localhost:3025}, GreenMail's
 * test port ({@code ServerSetupTest.SMTP}): nothing listens there until a test starts GreenMail.
 * Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
public @interface MailTest {
}
