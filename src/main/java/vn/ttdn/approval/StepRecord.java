package vn.ttdn.approval;

import java.time.Instant;

/** One line of the journal: who did which step of which Tờ trình version, with what result and words. */
public record StepRecord(long id, int version, Step step, Outcome outcome, String actor, String actorName,
                         String actorTitle, String actorBody, String note, Instant takenAt) {
}
