package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** The demo directory covers every body the seeds name, with the 2025 reform's history. */
@WebTest
class DirectoryTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    Db db;

    @Test
    void everyBodyTheSeedPlansNameIsInTheDirectory() {
        for (String seed : SeedPlans.ALL) {
            PlanFile file = SeedPlans.read(seed);
            List<String> named = file.groups().stream().flatMap(g -> g.tasks().stream())
                    .flatMap(t -> java.util.stream.Stream.concat(t.lead().stream(), t.cooperating().stream()))
                    .distinct().toList();
            assertThat(directory.unknownCodes(named)).as(seed).isEmpty();
        }
    }

    @Test
    void collectivesStandForTheirMembers() {
        BodyView districts = directory.body("QNG-UBND-HUYEN").orElseThrow();

        assertThat(districts.kind()).isEqualTo(BodyKind.COLLECTIVE);
        assertThat(districts.members()).hasSize(13).contains("QNG-UBND-LYSON");
        assertThat(directory.designationsOf("QNG-UBND-LYSON")).contains("QNG-UBND-HUYEN", "QNG-UBND-LYSON");
        assertThat(db.count("body_member")).isPositive();
    }

    @Test
    void theReformEndsBodiesAndNamesTheirSuccessors() {
        BodyView department = directory.body("QNG-STTTT").orElseThrow();
        assertThat(department.isActiveOn(LocalDate.of(2024, 6, 3))).isTrue();
        assertThat(department.isActiveOn(LocalDate.of(2025, 3, 1))).isFalse();
        Map<String, SuccessorRelation> successors = department.successors().stream()
                .collect(Collectors.toMap(BodyView.Successor::code, BodyView.Successor::relation));
        assertThat(successors).containsEntry("QNG-SKHCN", SuccessorRelation.MERGED_INTO)
                .containsEntry("QNG-SVHTTDL", SuccessorRelation.FUNCTION_TRANSFERRED);

        BodyView ninhThuan = directory.body("NTH-UBND").orElseThrow();
        assertThat(ninhThuan.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(ninhThuan.successors()).extracting(BodyView.Successor::code).containsExactly("KHA-UBND");
    }

    @Test
    void successorsStandForEndedBodiesOnTheDayAsked() {
        LocalDate december2026 = LocalDate.of(2026, 12, 1);

        Standing department = directory.standingOn("QNG-STTTT", december2026).orElseThrow();
        assertThat(department.body().code()).isEqualTo("QNG-SVHTTDL");
        assertThat(department.replaces().code()).isEqualTo("QNG-STTTT");
        assertThat(directory.standingOn("QNG-STTTT", LocalDate.of(2024, 6, 3)).orElseThrow().isReplacement()).isFalse();

        // thirteen district UBNDs, all dissolved into the province's UBND: it stands once, for the first
        List<Standing> districts = directory.standingOn(List.of("QNG-UBND-HUYEN", "QNG-SNGV"), december2026);
        assertThat(districts).extracting(s -> s.body().code()).containsExactly("QNG-UBND", "QNG-SNGV");
        assertThat(districts.get(0).replaces().code()).startsWith("QNG-UBND-");
        assertThat(districts.get(1).isReplacement()).isFalse();
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        int bodies = db.count("body");
        int people = db.count("person");

        directory.saveBodies(directory.bodies());

        assertThat(db.count("body")).isEqualTo(bodies);
        assertThat(db.count("person")).isEqualTo(people);
        assertThat(directory.body("QNG-STTTT").orElseThrow().successors()).hasSize(2);
    }

    @Test
    void everyPersonBelongsToABodyAndHoldsARole() {
        assertThat(directory.people()).hasSizeGreaterThanOrEqualTo(41).allSatisfy(p -> {
            assertThat(p.body()).isNotNull();
            assertThat(p.roles()).isNotEmpty();
        });
        assertThat(directory.account("admin").orElseThrow().passwordHash()).startsWith("$2a$");
    }
}
