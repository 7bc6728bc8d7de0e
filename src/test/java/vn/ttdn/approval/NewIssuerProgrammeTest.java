package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.NewIssuer;
import vn.ttdn.support.Pages;
import vn.ttdn.support.WebTest;
import vn.ttdn.workflow.RoundProcess;

/**
 * Issue 9 §3: a ministry put on the system by its directory file and its people, without a code
 * change. Its Chương trình (docs/examples) is imported through the API, taken through the approval
 * chain by the ministry's own people and issued with the next number of the ministry's register
 * (NN/CTr-BNG); its page prints CHƯƠNG TRÌNH under BỘ NGOẠI GIAO, dated in Hà Nội; its rule (a
 * six-month report before 15/6, a yearly one before 15/11, tasks all in 2027) gives two rounds.
 */
@WebTest
@ExtendWith(EngineClock.class)
class NewIssuerProgrammeTest {

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    Pages pages;
    @Autowired
    DirectoryService directory;
    @Autowired
    RoundProcess roundProcess;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    vn.ttdn.support.RoundDriver rounds;

    @BeforeEach
    void ministryOnTheSystem() {
        NewIssuer.load(directory, passwords);
    }

    @Test
    void ministryProgrammeIsImportedApprovedAndIssuedWithItsNumber() throws Exception {
        // given: the programme imported as a draft
        long planId = importProgramme("BNG-CTR-TEST-ISSUE");
        int before = lastNumber("BNG", 2026, "CTr");

        // when: the ministry's people take it through the chain
        Chain.ok(chain.start(planId, NewIssuer.CAST.drafter()));
        chain.straightThrough(planId, NewIssuer.CAST);

        // then: the next number of the ministry's register of Chương trình, signed for the Minister
        String expected = String.format("%02d", before + 1) + "/CTr-BNG";
        Map<String, Object> plan = db.jdbc().queryForMap("select status, document_type, issued_reference, "
                + "signer_authority, signer_position from ttdn.plan where id = ?", planId);
        assertThat(plan).containsEntry("status", "ISSUED").containsEntry("document_type", "CTr")
                .containsEntry("issued_reference", expected).containsEntry("signer_authority", "KT. BỘ TRƯỞNG")
                .containsEntry("signer_position", "THỨ TRƯỞNG");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.register_entry where plan_id = ? "
                + "and body_code = 'BNG' and document_type = 'CTr' and status = 'ISSUED'", Integer.class, planId))
                .isEqualTo(1);
        assertThat(db.jdbc().queryForList("select message from ttdn.notification where plan_id = ? "
                + "and message like 'Đã ban hành%'", String.class, planId)).isNotEmpty()
                .allMatch(t -> t.startsWith("Đã ban hành Chương trình số " + expected + ": "));

        // the page prints it as Decree 30 lays out a ministry's document
        Document page = pages.page("/ke-hoach/" + planId, "admin");
        assertThat(page.getElementById("plan-type").text()).isEqualTo("CHƯƠNG TRÌNH");
        assertThat(page.select("#plan-issuer-block .doc-issuer-line").eachText()).containsExactly("BỘ NGOẠI GIAO");
        assertThat(page.select("#plan-issuer-block .doc-issuer-line.bold")).hasSize(1);
        assertThat(page.getElementById("plan-nation").text()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(page.getElementById("plan-number").text()).isEqualTo("Số: " + expected);
        assertThat(page.getElementById("plan-date").text()).isEqualTo("Hà Nội, ngày 20 tháng 11 năm 2026");
        assertThat(page.getElementById("appendix-caption").text())
                .isEqualTo("(Kèm theo Chương trình số " + expected + " ngày 20/11/2026 của Bộ Ngoại giao)");
        assertThat(page.select("#signer p.bold").eachText()).startsWith("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG");
        assertThat(page.select("#reporting-rule li").eachText())
                .contains("Báo cáo định kỳ 6 tháng đầu năm, trước ngày 15/6.",
                        "Báo cáo định kỳ hàng năm, trước ngày 15/11.");
    }

    @Test
    void sixMonthAndYearlyRulesOfAOneYearProgrammeGiveTwoRounds() throws Exception {
        // given: the programme issued (on 1 December 2026, the engine's day)
        long planId = importProgramme("BNG-CTR-TEST-ROUNDS");
        Chain.ok(chain.start(planId, NewIssuer.CAST.drafter()));
        chain.straightThrough(planId, NewIssuer.CAST);

        // when: its rounds are scheduled (again: the issuance scheduled them already, nothing twice)
        roundProcess.schedule(planId);
        roundProcess.schedule(planId);

        // then: 2027's six-month round and yearly round, each with its period; none after 2027
        JsonNode rounds = Chain.ok(chain.get("/api/plans/" + planId + "/rounds", "cv.ttbc.bng")).body();
        assertThat(rounds.size()).isEqualTo(2);
        assertThat(rounds.get(0).path("kind").asText()).isEqualTo("halfyear");
        assertThat(rounds.get(0).path("year").asInt()).isEqualTo(2027);
        assertThat(rounds.get(0).path("deadline").asText()).isEqualTo("2027-06-15");
        assertThat(rounds.get(0).path("period").path("from").asText()).isEqualTo("2026-12-15");
        assertThat(rounds.get(0).path("period").path("to").asText()).isEqualTo("2027-06-14");
        assertThat(rounds.get(0).path("consolidatingBody").path("code").asText()).isEqualTo("BNG-TTBC");
        assertThat(rounds.get(1).path("kind").asText()).isEqualTo("yearly");
        assertThat(rounds.get(1).path("deadline").asText()).isEqualTo("2027-11-15");
        assertThat(rounds.get(1).path("period").path("from").asText()).isEqualTo("2026-12-15");
        assertThat(rounds.get(1).path("period").path("to").asText()).isEqualTo("2027-12-14");
        assertThat(db.jdbc().queryForList("select kind || ' ' || year from ttdn.report_round where plan_id = ? "
                + "order by deadline", String.class, planId)).containsExactly("HALF_YEAR 2027", "YEARLY 2027");

        // the plan page and the round page name the six-month round as such
        Document page = pages.page("/ke-hoach/" + planId, "cv.ttbc.bng");
        assertThat(page.text()).contains("Báo cáo 6 tháng đầu năm 2027", "Báo cáo năm 2027");
        Document round = pages.page("/ky-bao-cao/" + rounds.get(0).path("id").asLong(), "cv.ttbc.bng");
        assertThat(round.select("h1").text()).contains("Báo cáo 6 tháng đầu năm 2027");
    }

    @Test
    void remindersAndLatenessNameTheProgrammeAsAChuongTrinh() throws Exception {
        // given: the programme issued, a round of one task open with a deadline in three weeks
        long planId = importProgramme("BNG-CTR-TEST-REMIND");
        Chain.ok(chain.start(planId, NewIssuer.CAST.drafter()));
        chain.straightThrough(planId, NewIssuer.CAST);
        long roundId = rounds.open(planId, NewIssuer.CAST.drafter(), Map.of("kind", "adhoc", "deadline", "2026-12-22",
                "tasks", List.of("1.2"))).path("id").asLong();

        // when: the reminder falls due, then the deadline passes
        rounds.fireTimer(roundId, "boundaryEvent_remindSevenDays");
        rounds.fireTimer(roundId, "boundaryEvent_overdue");

        // then: every reminder (the later ones fell due on the way) and the lateness speak of the Chương trình
        List<String> notices = db.jdbc().queryForList("select message from ttdn.notification where plan_id = ? "
                + "and (message like 'Đôn đốc%' or message like 'Đã quá hạn%') order by id", String.class, planId);
        assertThat(notices).anyMatch(n -> n.startsWith("Đôn đốc: còn 7 ngày làm việc đến hạn báo cáo kết quả thực hiện "
                + "Chương trình BNG-CTR-TEST-REMIND (hạn 22/12/2026)"));
        assertThat(notices).anyMatch(n -> n.startsWith("Đã quá hạn báo cáo (22/12/2026) của Chương trình "
                + "BNG-CTR-TEST-REMIND: 1 cơ quan chưa gửi báo cáo: Báo Thế giới và Việt Nam."));
        assertThat(notices).hasSizeGreaterThanOrEqualTo(2).noneMatch(n -> n.contains("Kế hoạch"));
    }

    @Test
    void issuerWithoutARegisterIsRefusedAtImportAndNothingIsWritten() throws Exception {
        // given: the programme as if the ministry's newspaper issued it; the directory gives it no register
        byte[] file = NewIssuer.programme("BNG-CTR-TEST-NOREG", p -> p.put("issuer", "BNG-BTGVN"));
        int plans = db.jdbc().queryForObject("select count(*) from ttdn.plan", Integer.class);

        // when
        Chain.Answer answer = chain.send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(file), "admin");

        // then
        assertThat(answer.status()).isEqualTo(400);
        List<JsonNode> errors = List.copyOf(toList(answer.body().path("errors")));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.path("path").asText()).isEqualTo("issuer");
            assertThat(e.path("code").asText()).isEqualTo("plan.issuerNoRegister");
            assertThat(e.path("text").asText()).startsWith("Báo Thế giới và Việt Nam (BNG-BTGVN) chưa có ký hiệu");
        });
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan", Integer.class)).isEqualTo(plans);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan where code = 'BNG-CTR-TEST-NOREG'",
                Integer.class)).isZero();
    }

    private long importProgramme(String code) throws Exception {
        Chain.Answer answer = chain.send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(NewIssuer.programme(code, p -> { })), "admin");
        assertThat(answer.status()).as("import: %s", answer).isEqualTo(201);
        assertThat(answer.body().path("documentType").asText()).isEqualTo("CTr");
        return answer.body().path("id").asLong();
    }

    private int lastNumber(String body, int year, String type) {
        return db.jdbc().queryForList("select last_number from ttdn.register_counter where body_code = ? "
                + "and year = ? and document_type = ?", Integer.class, body, year, type).stream().findFirst().orElse(0);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
