package vn.ttdn.approval;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A body consulted in one round and its answer: {@code outcome} is null while it may still answer,
 * {@link Outcome#NO_ANSWER} when its due date passed in silence (counted as no comment).
 */
public record ConsultationView(int version, String bodyCode, String bodyName, LocalDate dueOn, Outcome outcome,
                               String comment, String answeredBy, Instant answeredAt) {
}
