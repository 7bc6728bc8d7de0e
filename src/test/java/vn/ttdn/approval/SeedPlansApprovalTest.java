package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** Each of the five seed plans goes from draft to an issued, numbered plan through the API, as its own actors. */
@WebTest
class SeedPlansApprovalTest {

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    vn.ttdn.support.Pages pages;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "quang-ngai-kh-116.yaml, QNG-SEED-API, qng, /KH-UBND, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "nam-dinh-kh-nq47.yaml, NDH-SEED-API, ndh, /KH-UBND, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "ninh-thuan-kh-nq47.yaml, NTH-SEED-API, nth, /KH-UBND, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "dak-lak-kh-nq47.yaml, DLK-SEED-API, dlk, /KH-UBND, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "phan-rang-thap-cham-kh-256.yaml, PRTC-SEED-API, prtc, -KH/TU, T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ"})
    void aSeedPlanIsIssuedWithTheNextNumberOfItsIssuersRegister(String seed, String code, String province,
                                                                 String suffix, String authority, String position)
            throws Exception {
        Cast cast = Cast.of(province);
        long planId = chain.importSeed(seed, code);

        Chain.ok(chain.start(planId, cast.drafter()));
        chain.straightThrough(planId, cast);

        Map<String, Object> plan = db.jdbc().queryForMap("select status, issued_reference, signer_authority, "
                + "signer_position from ttdn.plan where id = ?", planId);
        assertThat(plan).containsEntry("status", "ISSUED").containsEntry("signer_authority", authority)
                .containsEntry("signer_position", position);
        assertThat((String) plan.get("issued_reference")).matches("\\d+" + java.util.regex.Pattern.quote(suffix));
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.notification where plan_id = ?", Integer.class,
                planId)).isPositive();
        var api = Chain.ok(chain.get("/api/plans/" + planId, cast.drafter())).body();
        assertThat(api.path("issued").path("reference").asText()).isEqualTo(plan.get("issued_reference"));
        // the plan page shows the document as issued: number, date, signer block and name
        var page = pages.page("/ke-hoach/" + planId, cast.drafter());
        assertThat(page.getElementById("plan-status").attr("data-status")).isEqualTo("ISSUED");
        assertThat(page.getElementById("plan-number").text()).contains((String) plan.get("issued_reference"));
        assertThat(page.getElementById("signer").text()).contains(authority, position);
        assertThat(page.getElementById("signer-name").text()).isNotBlank();
        assertThat(page.getElementById("approval-issued").text()).contains((String) plan.get("issued_reference"));
    }
}
