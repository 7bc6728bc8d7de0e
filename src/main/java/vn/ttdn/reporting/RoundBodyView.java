package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * A body asked in a round: who (and whom it stands for, "thay cho"), assigned or requested, where its
 * report stands, whether it is late, when it was submitted and received, its number, the tasks it
 * reports on; {@code actedBy} the successor that finishes its work when the body ended after the round
 * opened (its officers act "thay cho" it); {@code deadline} the body's own, later than the round's, when a
 * supervisor gave it more time (null: the round's). {@code status} is what the round page says: the state, or "late" for a body that is
 * overdue and not in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundBodyView(String code, String name, BodyRef replaces, AskKind kind, BodyState state, boolean late,
                            int version, Instant submittedAt, Instant receivedAt, String reportNumber,
                            List<TaskRef> tasks, BodyRef actedBy, java.time.LocalDate deadline) {

    /** A task the body reports on, and whether it leads it or cooperates. */
    public record TaskRef(String number, String role) {
    }

    @com.fasterxml.jackson.annotation.JsonProperty("status")
    public String status() {
        return late && !state.isIn() && state != BodyState.MISSING ? "late" : state.code();
    }
}
