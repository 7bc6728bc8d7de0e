package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** The registers: numbers written as the state and the Party write them, voided with a reason, never reused. */
@WebTest
class RegistersTest {

    @Autowired
    Registers registers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Chain chain;
    @Autowired
    Db db;

    @Test
    void aVoidedNumberKeepsItsReasonAndTheNextIssuanceTakesTheNumberAfterIt() throws Exception {
        RegisterEntry first = transaction.execute(t -> registers.take("NDH-UBND", "KH", LocalDate.of(2028, 3, 2), null,
                "vt.ubnd.ndh"));
        assertThat(first.reference()).isEqualTo(first.number() + "/KH-UBND");

        Answer byOther = chain.post("/api/registers/entries/" + first.id() + "/void", "vt.ubnd.qng",
                Map.of("reason", "Nhầm"));
        assertThat(byOther.status()).isEqualTo(403);
        Answer noReason = chain.post("/api/registers/entries/" + first.id() + "/void", "vt.ubnd.ndh",
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(db.jdbc().queryForObject("select status from ttdn.register_entry where id = ?", String.class,
                first.id())).isEqualTo("ISSUED");

        Answer voided = Chain.ok(chain.post("/api/registers/entries/" + first.id() + "/void", "vt.ubnd.ndh",
                Map.of("reason", "Văn bản bị thu hồi do sai thể thức.")));
        assertThat(voided.body().path("status").asText()).isEqualTo("VOID");
        assertThat(chain.post("/api/registers/entries/" + first.id() + "/void", "vt.ubnd.ndh",
                Map.of("reason", "Lần nữa")).status()).isEqualTo(409);

        RegisterEntry next = transaction.execute(t -> registers.take("NDH-UBND", "KH", LocalDate.of(2028, 3, 3), null,
                "vt.ubnd.ndh"));
        assertThat(next.number()).isEqualTo(first.number() + 1);
        var year = Chain.ok(chain.get("/api/registers/NDH-UBND/2028", "vt.ubnd.ndh")).body();
        assertThat(year.findValuesAsText("status")).containsExactly("VOID", "ISSUED");
        assertThat(year.get(0).path("voidReason").asText()).isEqualTo("Văn bản bị thu hồi do sai thể thức.");
    }

    @Test
    void aPartyBodyWritesItsNumbersTheWayThePartyDoes() {
        RegisterEntry entry = transaction.execute(t -> registers.take("PRTC-TU", "KH", LocalDate.of(2028, 5, 5), null,
                "vt.tu.prtc"));
        assertThat(entry.reference()).isEqualTo(entry.number() + "-KH/TU");
    }
}
