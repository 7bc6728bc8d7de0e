package vn.ttdn.approval;

/**
 * Who acts on a plan's approval: the consolidating body drafts (its officers) and signs the Tờ
 * trình (its leaders), the issuing body's office reviews, the issuing body's leaders decide and
 * its clerks issue. The process routes its tasks by these codes.
 */
public record ApprovalRoute(long planId, String planCode, String drafter, String consolidatingBody,
                            String issuingBody, String issuingOffice) {
}
