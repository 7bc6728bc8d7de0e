package vn.ttdn.approval;

import java.time.Instant;
import java.time.LocalDate;

/** A version of the Tờ trình as submitted. */
public record SubmissionView(int version, String number, LocalDate dated, String summary, String proposal,
                             String explanation, String draftedBy, Instant submittedAt) {
}
