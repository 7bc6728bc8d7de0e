package vn.ttdn.plan;

import java.util.List;

/**
 * The issuing body at the top left of a document, line by line (the superior body plain, the
 * issuer bold), whether the document follows the Party's layout (Guidance 36-HD/VPTW: ĐẢNG CỘNG SẢN
 * VIỆT NAM, "Số 12-BC/BTGTU") rather than the State's (Decree 30/2020: the national heading,
 * "Số: 12/BC-SVHTTDL"), and the place the date line names ("Quảng Ngãi").
 */
public record Letterhead(boolean party, List<PlanDocument.IssuerLine> issuerLines, String place) {

    public Letterhead {
        issuerLines = List.copyOf(issuerLines);
    }
}
