package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * An end to record: the last day the body existed and its successors, each with the relation and
 * what it takes over.
 */
public record BodyEnd(LocalDate on, List<BodyView.Successor> successors) {

    public BodyEnd {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }
}
