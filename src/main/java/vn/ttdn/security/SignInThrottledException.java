package vn.ttdn.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused, whatever the password, because of the failures before it (until {@link #until()}). */
final class SignInThrottledException extends LockedException {

    static final String CODE = "account.signInThrottled";

    private final transient Instant until;

    SignInThrottledException(Instant until) {
        super("Too many failed sign-ins: try again after " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
