package vn.ttdn.reporting;

/**
 * Draws the documents of a consolidated report and of one body's report: Word (Decree 30/2020
 * Appendix I, or Guidance 36-HD/VPTW for a Party body), Excel (the matrix) and PDF. Implemented by
 * the {@code documents} module; the consolidation keeps what it drew when the report is sent.
 */
public interface ConsolidationFiles {

    byte[] docx(Consolidation consolidation);

    byte[] xlsx(Consolidation consolidation);

    byte[] pdf(Consolidation consolidation);
}
