package vn.ttdn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.Registers;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.support.Api;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The demo: the seed plans issued with their own numbers (in their issuers' registers), a draft of
 * each for the approval walk-through, and an officer and a leader for every body a seed plan asks
 * to report today.
 */
@WebTest
class DemoDataTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Autowired
    Api api;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    Registers registers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DemoDataLoader loader;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "QNG-KH-116, 116/KH-UBND, 2024-06-03, Trần Hoàng Tuấn, -, -",
            "PRTC-KH-256, 256-KH/TU, 2023-09-19, Bùi Văn Phú, T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ",
            "NTH-KH-NQ47, -, -, Trịnh Minh Hoàng, TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "NDH-KH-NQ47, -, -, Trần Lê Đoài, TM. ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
            "DLK-KH-NQ47, -, -, Nguyễn Tuấn Hà, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"})
    void everySeedPlanIsIssuedUnderItsOwnCodeWithWhatItsDocumentPrints(String code, String number, LocalDate date,
                                                                      String signer, String authority,
                                                                      String position) throws Exception {
        JsonNode plan = api.plan(code);

        assertThat(plan.path("status").asText()).isEqualTo("ISSUED");
        JsonNode issued = plan.path("issued");
        assertThat(issued.path("reference").textValue()).isEqualTo(number);
        assertThat(issued.path("issuedOn").textValue()).isEqualTo(date == null ? null : date.toString());
        assertThat(issued.path("signerName").textValue()).isEqualTo(signer);
        assertThat(issued.path("authority").textValue())
                .isEqualTo(authority == null ? null : authority.replace("\\n", "\n"));
        assertThat(issued.path("position").textValue()).isEqualTo(position);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.register_entry where plan_id = ?",
                Integer.class, plan.path("id").asLong())).isEqualTo(number == null ? 0 : 1);
    }

    @Test
    void theSeedNumbersAreInTheirIssuersRegistersForTheirYears() throws Exception {
        assertThat(registers.entries("QNG-UBND", 2024)).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("116/KH-UBND");
            assertThat(e.number()).isEqualTo(116);
            assertThat(e.issuedOn()).isEqualTo(LocalDate.of(2024, 6, 3));
            assertThat(e.status()).isEqualTo("ISSUED");
        });
        assertThat(registers.entries("QNG-UBND", 2024).get(0).planId()).isEqualTo(api.idOf("QNG-KH-116"));
        assertThat(registers.entries("PRTC-TU", 2023)).extracting(RegisterEntry::reference)
                .containsExactly("256-KH/TU");

        // the next number of 2024 follows the seed's (taken, then rolled back)
        RegisterEntry next = transaction.execute(t -> {
            t.setRollbackOnly();
            return registers.take("QNG-UBND", "KH", LocalDate.of(2024, 12, 30), null, "vt.ubnd.qng");
        });
        assertThat(next.reference()).isEqualTo("117/KH-UBND");
        assertThat(registers.entries("QNG-UBND", 2024)).hasSize(1);
    }

    @Test
    void eachSeedHasADraftForTheApprovalWalkThrough() throws Exception {
        JsonNode list = api.get("/api/plans", "admin");

        for (String seed : SeedPlans.ALL) {
            PlanFile file = SeedPlans.read(seed);
            JsonNode draft = Api.find(list, file.code() + DemoDataLoader.DRAFT_SUFFIX);
            assertThat(draft.path("status").asText()).as(seed).isEqualTo("DRAFT");
            assertThat(draft.path("title").asText()).isEqualTo(file.title());
            assertThat(draft.path("taskCount").asInt()).isEqualTo(Api.find(list, file.code()).path("taskCount").asInt());
            assertThat(api.get("/api/plans/" + draft.path("id").asLong(), "admin").path("issued").isNull()).isTrue();
        }
        assertThat(api.planCodesSeenBy("cv.stttt.qng")).contains("QNG-KH-116", "QNG-KH-116-DT");
    }

    @Test
    void everyBodyASeedPlanAsksToReportHasAnEnabledOfficerAndLeader() {
        Set<String> asked = new LinkedHashSet<>();
        for (String seed : SeedPlans.ALL) {
            PlanFile file = SeedPlans.read(seed);
            List<String> named = file.groups().stream().flatMap(g -> g.tasks().stream())
                    .flatMap(t -> Stream.concat(t.lead().stream(), t.cooperating().stream())).distinct().toList();
            directory.standingOn(named, TODAY).forEach(s -> asked.add(s.body().code()));
            // the city's Ban Tuyên giáo (PRTC-BTG) ended with the district level and no one stands for it
            directory.standingOn(file.consolidatingBody(), TODAY).map(Standing::body)
                    .ifPresent(body -> asked.add(body.code()));
        }

        List<String> missing = new ArrayList<>();
        for (String body : asked) {
            List<String> roles = db.jdbc().queryForList("""
                    select distinct r.role from ttdn.person p join ttdn.person_role r on r.username = p.username
                    where p.body_code = ? and p.enabled""", String.class, body);
            for (Role role : List.of(Role.OFFICER, Role.LEADER)) {
                if (!roles.contains(role.name())) {
                    missing.add(body + " " + role.code());
                }
            }
        }
        assertThat(asked).contains("QNG-SVHTTDL", "NTH-SVHTTDL", "NDH-SVHTTDL", "DLK-SVHTTDL", "QNG-SNGV");
        assertThat(missing).as("bodies without an enabled officer or leader").isEmpty();
    }

    @Test
    void theMissingOfficersAndLeadersAreGeneratedAfterThePattern() {
        Map<String, PersonView> people = new java.util.HashMap<>();
        directory.people().forEach(p -> people.put(p.username(), p));

        PersonView officer = people.get("cv.qng-sngv");
        assertThat(officer.title()).isEqualTo("Chuyên viên Sở Ngoại vụ");
        assertThat(officer.body().code()).isEqualTo("QNG-SNGV");
        assertThat(officer.roles()).containsExactly(Role.OFFICER);
        assertThat(officer.fullName()).matches("\\p{Lu}\\p{L}* \\p{Lu}\\p{L}* \\p{Lu}\\p{L}*");
        assertThat(people.get("ld.qng-sngv").roles()).containsExactly(Role.LEADER);
        assertThat(people.get("ld.qng-sngv").title()).isEqualTo("Phó Giám đốc Sở Ngoại vụ");
        assertThat(directory.emailsIn(List.of("QNG-SNGV")))
                .containsExactly("cv.qng-sngv@demo.ttdn.vn", "ld.qng-sngv@demo.ttdn.vn");
        // the hand-written people stay as they are, and are not doubled
        assertThat(people.get("ld.svhttdl.qng").fullName()).isEqualTo("Bùi Văn Tuấn");
        assertThat(people).doesNotContainKeys("cv.qng-svhttdl", "ld.qng-svhttdl", "ld.qng-ubnd");
        assertThat(GeneratedPeople.fullName(0)).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        Map<String, Integer> before = counts();

        loader.run(null);

        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>(db.planTableCounts());
        for (String table : List.of("person", "person_role", "body", "register_entry", "register_counter")) {
            counts.put(table, db.count(table));
        }
        counts.put("last numbers", db.jdbc().queryForObject("select coalesce(sum(last_number), 0) from ttdn.register_counter",
                Integer.class));
        return counts;
    }
}
