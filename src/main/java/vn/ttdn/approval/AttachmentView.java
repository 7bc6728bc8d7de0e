package vn.ttdn.approval;

import java.time.Instant;

/** An attachment's description, without its content. */
public record AttachmentView(long id, long planId, String fileName, String contentType, long size, String sha256,
                             String uploadedBy, Instant uploadedAt) {
}
