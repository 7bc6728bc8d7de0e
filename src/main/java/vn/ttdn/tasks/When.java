package vn.ttdn.tasks;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the pages print them, in Việt Nam's time: {@code ${@when.at(task.due)}}. */
@Component("when")
class When {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String at(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** For a datetime attribute: {@code <time th:datetime="${@when.iso(t.due)}">}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
