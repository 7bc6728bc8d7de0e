package vn.ttdn.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ttdn.security.lockout.*}: after {@code accountFailures} failed sign-ins of one account, or
 * {@code addressFailures} from one address, within {@code window}, that account or address cannot
 * sign in (not even with the right password) for {@code delay}.
 */
@ConfigurationProperties(prefix = "ttdn.security.lockout")
record LockoutProperties(@DefaultValue("5") int accountFailures, @DefaultValue("30") int addressFailures,
                         @DefaultValue("PT15M") Duration window, @DefaultValue("PT15M") Duration delay) {
}
