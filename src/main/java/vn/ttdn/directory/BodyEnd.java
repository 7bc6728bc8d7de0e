package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * An end to record: the last day the body existed and its successors, each with the relation and
 * what it takes over; and, when the administrator says so, the successor its people move to (from
 * the day after the end), or null to leave them where they are.
 */
public record BodyEnd(LocalDate on, List<BodyView.Successor> successors, String movePeopleTo) {

    public BodyEnd {
        successors = successors == null ? List.of() : List.copyOf(successors);
        movePeopleTo = movePeopleTo == null || movePeopleTo.isBlank() ? null : movePeopleTo;
    }

    public BodyEnd(LocalDate on, List<BodyView.Successor> successors) {
        this(on, successors, null);
    }
}
