package vn.ttdn.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mail module ({@code ttdn.mail.*} in application.yaml); the SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from             the sender of every e-mail
 * @param retryInterval    how often mail that could not be sent is looked at again, and how old an
 *                         unsent mail must be before it is first tried again (a younger one may still
 *                         be on its way)
 * @param retryMaxInterval the longest wait between two retries of one mail (the wait doubles from
 *                         the retry interval up to this)
 */
@ConfigurationProperties(prefix = "ttdn.mail")
record MailSettings(@DefaultValue("ttdn-workflow@localhost") String from,
                    @DefaultValue("PT1M") Duration retryInterval,
                    @DefaultValue("PT15M") Duration retryMaxInterval) {
}
