package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A body's end was recorded (renamed, merged into, function transferred, dissolved into): published
 * in the transaction that records it, so the work it had open moves to its successors in the same
 * transaction, or not at all.
 */
public record BodyEnded(String code, LocalDate on, List<BodyView.Successor> successors, String actor) {

    public BodyEnded {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }
}
