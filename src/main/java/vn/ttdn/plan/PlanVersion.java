package vn.ttdn.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of an issued plan: 1 is the plan as issued, each amendment with an approved change makes
 * the next, under the number and date of its decision ({@code reference}, {@code issuedOn}; empty for
 * a plan that came in issued without them). {@code changes} says what it changed from the one before.
 */
public record PlanVersion(long planId, int version, String reference, LocalDate issuedOn, Long amendmentId,
                          Instant createdAt, String createdBy, List<PlanChange> changes) {
}
