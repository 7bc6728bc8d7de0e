package vn.ttdn.support;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets the engine's clock to 1 December 2026, 09:00 in Việt Nam, before each test and gives it back
 * after: the rounds' days (opening, lateness, report dates) are the engine's, and the tests move
 * it further with {@link RoundDriver#fireTimer}. Use with {@code @ExtendWith(EngineClock.class)}.
 */
public class EngineClock implements BeforeEachCallback, AfterEachCallback {

    public static final ZonedDateTime START = ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, RoundDriver.VIETNAM);

    @Override
    public void beforeEach(ExtensionContext context) {
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
