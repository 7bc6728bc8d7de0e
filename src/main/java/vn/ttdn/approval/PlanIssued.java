package vn.ttdn.approval;

import java.time.LocalDate;
import java.util.List;

/** Published when a plan (a Kế hoạch, a Chương trình: {@code documentWord}) is issued, inside the issuing transaction (IssueMail writes the e-mail to its recipients). */
public record PlanIssued(long planId, String planCode, String title, String reference, LocalDate issuedOn,
                         List<String> recipientBodies, String documentWord) {

    /** A Kế hoạch issued. */
    public PlanIssued(long planId, String planCode, String title, String reference, LocalDate issuedOn,
                      List<String> recipientBodies) {
        this(planId, planCode, title, reference, issuedOn, recipientBodies, "Kế hoạch");
    }
}
