package vn.ttdn.audit;

import java.time.OffsetDateTime;

/**
 * What a verification of the chain found.
 *
 * @param intact     every seal matched its event and the seal before it (and the head given, if one was)
 * @param count      the seals checked
 * @param head       the last seal: what an auditor keeps elsewhere to verify against later
 * @param firstBad   the first seal that does not match, or null
 * @param unsealed   events recorded but not sealed yet (the sealer runs every few seconds)
 * @param checkedAt  when
 */
public record AuditVerification(boolean intact, long count, Head head, Problem firstBad, long unsealed,
                                OffsetDateTime checkedAt) {

    /** A point of the chain: its sequence number, the hash there, and the event sealed there. */
    public record Head(long seq, String hash, long eventId, OffsetDateTime sealedAt) {
    }

    /**
     * The first place the chain does not hold.
     *
     * @param seq     the seal's number (or the number missing)
     * @param eventId the event it seals, when known
     * @param reason  {@code content} (the event is not what was sealed), {@code missing} (the event is
     *                gone), {@code link} (the seal does not follow the one before), {@code gap} (a seal is
     *                missing), {@code head} (the head kept elsewhere is not in this chain)
     */
    public record Problem(long seq, Long eventId, String reason) {
    }
}
