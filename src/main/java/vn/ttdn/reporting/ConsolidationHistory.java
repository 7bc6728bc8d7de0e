package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * The record of a round's consolidated report: where it stands, every version submitted, every step
 * (SUBMITTED, RETURNED with its reason, APPROVED with its number, SENT to whom), the files drawn when
 * it was sent (with their SHA-256) and to whom it went.
 */
public record ConsolidationHistory(Consolidation.State state, List<Version> versions, List<Step> steps,
                                   List<File> files, List<Delivery> deliveries) {

    public record Version(int version, String draftedBy, Instant draftedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int version, String step, String actor, String actorName, String actorTitle, String note,
                       Instant takenAt) {
    }

    public record File(int version, String format, String fileName, String sha256, Instant createdAt) {
    }

    /** A body it was sent to (and the body the plan names, when that one ended); ISSUER or RECEIVER. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(BodyRef body, BodyRef standsFor, String role, Instant sentAt) {
    }
}
