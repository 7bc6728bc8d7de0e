package vn.ttdn.approval;

import java.time.LocalDate;
import java.util.List;

/** Published when a plan is issued, inside the issuing transaction (IssueMail writes the e-mail to its recipients). */
public record PlanIssued(long planId, String planCode, String title, String reference, LocalDate issuedOn,
                         List<String> recipientBodies) {
}
