package vn.ttdn.reporting;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rounds run: a yearly round opens {@code openDaysBefore} days before its deadline (default 30);
 * reminders go out {@code reminderWorkingDays} working days before it (default 7 and 3) and on the day.
 */
@ConfigurationProperties(prefix = "ttdn.reporting")
public record ReportingProperties(@DefaultValue("30") int openDaysBefore,
                                  @DefaultValue({"7", "3"}) List<Integer> reminderWorkingDays) {
}
