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
    @Autowired
    vn.ttdn.directory.DirectoryService directory;

    @Test
    void aVoidedNumberKeepsItsReasonAndTheNextIssuanceTakesTheNumberAfterIt() throws Exception {
        RegisterEntry first = transaction.execute(t -> registers.take("NDH-UBND", "KH", LocalDate.of(2028, 3, 2), null,
                "vt.ubnd.ndh"));
        assertThat(first.reference()).isEqualTo(String.format("%02d", first.number()) + "/KH-UBND");

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
    void aNumberGivenOutsideTheSystemIsRecordedAsItIsAndTheNextNumberFollowsIt() {
        // given: a register that has given numbers up to 3 (in a transaction rolled back at the end)
        transaction.executeWithoutResult(t -> {
            t.setRollbackOnly();
            for (int i = 0; i < 3; i++) {
                registers.take("DLK-UBND", "KH", LocalDate.of(2029, 1, 5), null, "vt.ubnd.dlk");
            }

            // when: a document numbered 40 outside the system comes in, and one numbered 12
            RegisterEntry recorded = registers.record("DLK-UBND", "KH", "40/KH-UBND", LocalDate.of(2029, 2, 1), null,
                    "admin");
            RegisterEntry earlier = registers.record("DLK-UBND", "KH", "12/KH-UBND", LocalDate.of(2029, 1, 20), null,
                    "admin");

            // then: both keep their numbers, and the next number taken follows the highest
            assertThat(recorded.number()).isEqualTo(40);
            assertThat(recorded.reference()).isEqualTo("40/KH-UBND");
            assertThat(earlier.number()).isEqualTo(12);
            assertThat(registers.take("DLK-UBND", "KH", LocalDate.of(2029, 2, 2), null, "vt.ubnd.dlk").number())
                    .isEqualTo(41);
        });
        assertThat(registers.entries("DLK-UBND", 2029)).isEmpty();
    }

    @Test
    void aNumberTheRegisterHoldsOrDoesNotWriteIsRefused() {
        assertThat(problemOf(() -> registers.record("DLK-UBND", "KH", "1/KH-UBND", LocalDate.of(2029, 3, 1), null,
                "admin"), () -> registers.record("DLK-UBND", "KH", "1/KH-UBND", LocalDate.of(2029, 3, 2), null,
                "admin"))).isEqualTo("register.numberTaken");
        for (String foreign : new String[] {"1-KH/UBND", "1/KH-STTTT", "KH-UBND", "0/KH-UBND", "1a/KH-UBND"}) {
            assertThat(problemOf(() -> registers.record("DLK-UBND", "KH", foreign, LocalDate.of(2029, 3, 1), null,
                    "admin"))).as(foreign).isEqualTo("register.foreignNumber");
        }
        assertThat(problemOf(() -> registers.record("PRTC-TU", "KH", "256/KH-TU", LocalDate.of(2029, 3, 1), null,
                "admin"))).isEqualTo("register.foreignNumber");
        assertThat(registers.entries("DLK-UBND", 2029)).isEmpty();
    }

    /** The problem code the last step refuses with, the steps run in one transaction that is rolled back. */
    private String problemOf(Runnable... steps) {
        try {
            transaction.executeWithoutResult(t -> {
                t.setRollbackOnly();
                for (Runnable step : steps) {
                    step.run();
                }
            });
        } catch (vn.ttdn.system.InvalidInputException e) {
            return e.problems().get(0).code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aPartyBodyWritesItsNumbersTheWayThePartyDoes() {
        RegisterEntry entry = transaction.execute(t -> registers.take("PRTC-TU", "KH", LocalDate.of(2028, 5, 5), null,
                "vt.tu.prtc"));
        assertThat(entry.reference()).isEqualTo(String.format("%02d", entry.number()) + "-KH/TU");
    }

    @Test
    void aRegisterIsReadByItsBodyItsSuccessorItsSupervisorsAndAuditorsOnly() throws Exception {
        // given: Nam Định's UBND (ended 30/6/2025, merged into Ninh Bình's) gave a number in 2027
        transaction.executeWithoutResult(t -> registers.take("NDH-UBND", "KH", LocalDate.of(2027, 5, 4), null,
                "vt.ubnd.ndh"));
        directory.savePerson("vt.ubnd.nbh", "Đinh Thị Thu", "Văn thư UBND tỉnh Ninh Bình", "NBH-UBND", null,
                "{noop}unused", java.util.Set.of(vn.ttdn.directory.Role.CLERK));
        directory.savePerson("gs.ubnd.ndh", "Vũ Văn Sát", "Chuyên viên giám sát", "NDH-UBND", null, "{noop}unused",
                java.util.Set.of(vn.ttdn.directory.Role.SUPERVISOR));
        String path = "/api/registers/NDH-UBND/2027";

        // then: its own clerk, the successor's, the auditor, the system's supervisor and the administrator read it
        for (String reader : java.util.List.of("vt.ubnd.ndh", "vt.ubnd.nbh", "kiemtoan", "giamsat", "admin")) {
            Answer read = chain.get(path, reader);
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.body().findValuesAsText("bodyCode")).as(reader).isNotEmpty().containsOnly("NDH-UBND");
        }
        // and a supervisor of the UBND reads the registers of the bodies under it, not its neighbours'
        assertThat(chain.get("/api/registers/NDH-SVHTTDL/2027", "gs.ubnd.ndh").status()).isEqualTo(200);
        // and nobody else: another province's clerk and officer, a department of the same province
        for (String stranger : java.util.List.of("vt.ubnd.qng", "cv.svhttdl.qng", "cv.qng-sngv", "gs.ubnd.ndh")) {
            String other = stranger.equals("gs.ubnd.ndh") ? "/api/registers/QNG-UBND/2027" : path;
            Answer refused = chain.get(other, stranger);
            assertThat(refused.status()).as(stranger).isEqualTo(403);
            assertThat(refused.body().toString()).as(stranger).doesNotContain("KH-UBND");
        }
    }
}
