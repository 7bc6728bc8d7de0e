package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Status;

/**
 * The rules of a consolidated report that need no database: a task's overall state from its lead
 * bodies, the officer's edits laid over a new draft, the signer block from the leader's title.
 */
class ConsolidationRulesTest {

    @Test
    void aTasksStateComesFromItsLeadBodiesAndTheirSilenceKeepsItFromDone() {
        assertThat(overall(lead(Status.DONE_ON_TIME), lead(Status.DONE_ON_TIME))).isEqualTo(Status.DONE_ON_TIME);
        assertThat(overall(lead(Status.DONE_ON_TIME), lead(Status.DONE_LATE))).isEqualTo(Status.DONE_LATE);
        assertThat(overall(lead(Status.DONE_ON_TIME), lead(Status.OVERDUE))).isEqualTo(Status.OVERDUE);
        assertThat(overall(lead(Status.NOT_STARTED), lead(Status.NOT_STARTED))).isEqualTo(Status.NOT_STARTED);
        assertThat(overall(lead(Status.NOT_STARTED), lead(Status.DONE_ON_TIME))).isEqualTo(Status.IN_PROGRESS);
        assertThat(overall(lead(Status.DONE_ON_TIME), lead(Status.UNREPORTED))).isEqualTo(Status.IN_PROGRESS);
        assertThat(overall(lead(Status.UNREPORTED), cooperate(Status.DONE_ON_TIME))).isEqualTo(Status.UNREPORTED);
        // with no lead body asked (the consolidating body leads it), the cooperating bodies' reports count
        assertThat(overall(cooperate(Status.DONE_LATE), cooperate(Status.DONE_ON_TIME))).isEqualTo(Status.DONE_LATE);
        assertThat(overall()).isEqualTo(Status.UNREPORTED);
    }

    @Test
    void theOfficersEditsSurviveANewDraftAndTheUntouchedPartsFollowIt() {
        Narrative before = new Narrative("a1", "s1", "c1", "d1", "r1");
        Narrative after = new Narrative("a2", "s2", "c2", "d2", "r2");
        Map<String, String> saved = Map.of("achievements", "Tự viết", "shortcomings", "s1", "causes", "c1",
                "directions", "Hướng mới", "recommendations", "r1");
        Narrative merged = Consolidations.merge(after, saved, parts(before));

        assertThat(merged).isEqualTo(new Narrative("Tự viết", "s2", "c2", "Hướng mới", "r2"));
        assertThat(Consolidations.merge(after, null, null)).isEqualTo(after);
    }

    @Test
    void theSignerBlockFollowsTheLeadersTitleAndTheBodysKind() {
        BodyView department = body(BodyKind.DEPARTMENT);
        assertThat(Consolidations.signer(leader("Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"), department))
                .isEqualTo(new Consolidation.Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Ứng"));
        assertThat(Consolidations.signer(leader("Giám đốc Sở Văn hóa, Thể thao và Du lịch"), department))
                .isEqualTo(new Consolidation.Signer(null, "GIÁM ĐỐC", "Nguyễn Văn Ứng"));
        assertThat(Consolidations.signer(leader("Phó Trưởng ban Tuyên giáo"), body(BodyKind.PARTY_BOARD)))
                .isEqualTo(new Consolidation.Signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Ứng"));
        assertThat(Consolidations.signer(leader("Phó Bí thư Tỉnh ủy"), body(BodyKind.PARTY_COMMITTEE)))
                .isEqualTo(new Consolidation.Signer("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Ứng"));
        assertThat(Consolidations.signer(leader("Lãnh đạo Sở"), department))
                .isEqualTo(new Consolidation.Signer(null, "LÃNH ĐẠO SỞ", "Nguyễn Văn Ứng"));
    }

    private static Status overall(Cell... cells) {
        return ConsolidationAssembler.overall(List.of(cells));
    }

    private static Cell lead(Status status) {
        return new Cell("A", "lead", status, null, null, null, false);
    }

    private static Cell cooperate(Status status) {
        return new Cell("B", "cooperate", status, null, null, null, false);
    }

    private static Map<String, String> parts(Narrative n) {
        return Map.of("achievements", n.achievements(), "shortcomings", n.shortcomings(), "causes", n.causes(),
                "directions", n.directions(), "recommendations", n.recommendations());
    }

    private static PersonView leader(String title) {
        return new PersonView("ld.x", "Nguyễn Văn Ứng", title, new BodyRef("X", "X"), Set.of(Role.LEADER));
    }

    private static BodyView body(BodyKind kind) {
        return new BodyView("X", "X", null, kind, BodyLevel.PROVINCE, null, null, null, null, null, null);
    }
}
