package vn.ttdn.approval;

import java.time.Instant;

/** An in-app notice to the reader's body. */
public record NotificationView(long id, Long planId, String message, Instant createdAt, boolean read) {
}
