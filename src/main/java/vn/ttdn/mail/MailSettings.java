package vn.ttdn.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail module ({@code ttdn.mail.*} in application.yaml); the SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from          the sender of every e-mail
 * @param retryInterval how often mail that could not be sent is tried again, and how old an
 *                      unsent mail must be before it is (a younger one may still be on its way)
 */
@ConfigurationProperties(prefix = "ttdn.mail")
record MailSettings(@DefaultValue("ttdn-workflow@localhost") String from,
                    @DefaultValue("PT1M") Duration retryInterval) {
}
