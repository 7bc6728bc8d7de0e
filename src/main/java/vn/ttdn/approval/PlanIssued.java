package vn.ttdn.approval;

import java.time.LocalDate;
import java.util.List;

/** Published when a plan is issued; the e-mail to its recipients goes out once the issuance commits. */
public record PlanIssued(long planId, String planCode, String title, String reference, LocalDate issuedOn,
                         List<String> recipientBodies) {
}
