package vn.ttdn.approval;

import java.time.Instant;
import java.time.LocalDate;

/** A number taken from a body's register: issued on a plan, or voided with its reason. */
public record RegisterEntry(long id, String bodyCode, int year, String documentType, int number, String reference,
                           Long planId, LocalDate issuedOn, String issuedBy, String status, String voidReason,
                           String voidedBy, Instant voidedAt) {

    public boolean isVoid() {
        return "VOID".equals(status);
    }
}
