package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the transaction that records a body's end: by "record an end"
 * ({@link DirectoryAdmin#endBody}), and by an edit or an import that gives a body with no end a
 * {@code validTo}. Listeners move the body's open work to its successors.
 *
 * @param code       the body that ended
 * @param on         the last day it existed (its {@code validTo})
 * @param successors where its work went, each with what it takes over (may be empty: dissolved with no successor)
 * @param actor      the username of the administrator who recorded it
 */
public record BodyEnded(String code, LocalDate on, List<BodyView.Successor> successors, String actor) {

    public BodyEnded {
        successors = List.copyOf(successors);
    }
}
