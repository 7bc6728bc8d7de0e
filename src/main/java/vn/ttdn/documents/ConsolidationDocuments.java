package vn.ttdn.documents;

import org.springframework.stereotype.Component;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.ConsolidationFiles;

/** The documents of a consolidated report (or of one body's report): Word, Excel and PDF. */
@Component
class ConsolidationDocuments implements ConsolidationFiles {

    private final ConsolidationDocx docx = new ConsolidationDocx();
    private final ConsolidationXlsx xlsx = new ConsolidationXlsx();
    private final ConsolidationPdf pdf = new ConsolidationPdf();

    @Override
    public byte[] docx(Consolidation consolidation) {
        return docx.draw(consolidation);
    }

    @Override
    public byte[] xlsx(Consolidation consolidation) {
        return xlsx.draw(consolidation);
    }

    @Override
    public byte[] pdf(Consolidation consolidation) {
        return pdf.draw(consolidation);
    }
}
