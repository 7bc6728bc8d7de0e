package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.plan.PlanDetails;

/** The signer block a central issuer prints (Decree 30/2020, Appendix I). */
class SignerBlockTest {

    private static final BodyView CP = new BodyView("CP", "Chính phủ", "Chính phủ", BodyKind.GOVERNMENT,
            BodyLevel.CENTRAL, null, "CP", null, null, List.of(), List.of());
    private static final BodyView BNG = new BodyView("BNG", "Bộ Ngoại giao", "Bộ Ngoại giao", BodyKind.GOVERNMENT,
            BodyLevel.CENTRAL, "CP", "BNG", null, null, List.of(), List.of());
    private static final BodyView CNV = new BodyView("BNG-CNV", "Cục Ngoại vụ", "Cục Ngoại vụ", BodyKind.GOVERNMENT,
            BodyLevel.CENTRAL, "BNG", "CNV", null, null, List.of(), List.of());

    @Test
    void governmentSignsForTheCollectiveOrForThePrimeMinister() {
        assertThat(block(CP, "Phó Thủ tướng Chính phủ")).containsExactly("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG");
        assertThat(block(CP, "Thủ tướng Chính phủ")).containsExactly("TM. CHÍNH PHỦ", "THỦ TƯỚNG");
    }

    @Test
    void ministerSignsAloneAndADeputyForTheMinister() {
        assertThat(block(BNG, "Thứ trưởng Bộ Ngoại giao")).containsExactly("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG");
        assertThat(block(BNG, "Bộ trưởng Bộ Ngoại giao")).containsExactly(null, "BỘ TRƯỞNG");
        assertThat(block(CNV, "Phó Cục trưởng Cục Ngoại vụ")).containsExactly("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG");
    }

    private static List<String> block(BodyView issuer, String title) {
        PlanDetails.Issued issued = Approvals.signerBlock("05/CTr-" + issuer.register(), LocalDate.of(2026, 11, 20),
                issuer, new StepRecord(1, 1, Step.DECISION, Outcome.APPROVED, "x", "Tôn Thất Vĩnh", title, issuer.code(),
                        null, java.time.Instant.now()));
        return java.util.Arrays.asList(issued.authority(), issued.position());
    }
}
