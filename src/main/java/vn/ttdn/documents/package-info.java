/**
 * The files of a consolidated report and of one body's report: Word (Decree 30/2020/NĐ-CP Appendix I,
 * or Guidance 36-HD/VPTW for a Party body), Excel (the matrix of tasks by body, the indicators, who
 * reported when) and PDF (the Word document's content, with an embedded Vietnamese font). It draws
 * {@link vn.ttdn.reporting.Consolidation} and nothing else; {@link vn.ttdn.documents.ConsolidationDocuments}
 * is the {@link vn.ttdn.reporting.ConsolidationFiles} the reporting module calls.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package vn.ttdn.documents;
