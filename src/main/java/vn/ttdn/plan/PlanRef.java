package vn.ttdn.plan;

import java.util.List;

/**
 * What the approval chain needs to know of a plan: who consolidates and who issues it, where it
 * stands, which bodies its tasks name (those one may consult) and who receives it once issued.
 */
public record PlanRef(long id, String code, String title, String documentType, String issuerCode,
                      String consolidatingCode, PlanStatus status, List<String> taskBodies,
                      List<String> recipientBodies) {

    /** Kế hoạch or Chương trình, as its {@code documentType} says. */
    public DocumentType type() {
        return DocumentType.of(documentType);
    }
}
