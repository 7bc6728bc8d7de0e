package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * A body merged in the middle of a round (issue 9 §4): Đắk Lắk's plan with its Sở Ngoại vụ played by a
 * body of the test's own; three bodies asked, two reports received, the third's draft returned by
 * its leader and claimed again by its officer; then the body merges into the Văn phòng UBND tỉnh.
 * Its open draft moves there (candidate group rewritten, the old officer's claim released), the
 * Văn phòng's officer finds it with its content, drafts, its leader approves (the approval task,
 * created after the merge, is offered to the successor), the round is ready; the round says who acts
 * for the merged body; the received reports and the first version keep their names.
 */
@WebTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class BodyMergeMidRoundTest {

    private static final String MERGED = "DLK-TMP-SNGV";
    private static final String SUCCESSOR = "DLK-VPUB";
    private static final String CONSOLIDATING = "cv.svhttdl.dlk";

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;

    @Test
    void theMergedBodysOpenDraftContinuesUnderItsSuccessor() throws Exception {
        // given a body of the test's own standing in the plan for the Sở Ngoại vụ, with its officer and leader
        BodyView foreign = directory.body("DLK-SNGV").orElseThrow();
        BodyView own = new BodyView(MERGED, "Sở Ngoại vụ (thử sáp nhập) tỉnh Đắk Lắk", "Sở Ngoại vụ (thử)",
                BodyKind.DEPARTMENT, BodyLevel.PROVINCE, foreign.parent(), "SNGVT", LocalDate.of(2020, 1, 1), null,
                List.of(), List.of());
        directory.saveBodies(List.of(own));
        String hash = directory.account(CONSOLIDATING).orElseThrow().passwordHash();
        directory.savePerson("cv.tmp-sngv", "Nguyễn Thị Ngoại", "Chuyên viên", MERGED, null, hash, Set.of(Role.OFFICER));
        directory.savePerson("ld.tmp-sngv", "Trần Văn Vụ", "Phó Giám đốc", MERGED, null, hash, Set.of(Role.LEADER));
        String plan = new String(SeedPlans.variant(SeedPlans.DAK_LAK, "DLK-TEST-MERGE-1", p -> { }),
                StandardCharsets.UTF_8).replace("DLK-SNGV", MERGED);
        Chain.Answer imported = chain.send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(plan), "admin");
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
        long planId = imported.body().path("id").asLong();
        Chain.ok(chain.start(planId, Chain.Cast.of("dlk").drafter()));
        chain.straightThrough(planId, Chain.Cast.of("dlk"));

        // and a round on three tasks: two reports received, the third body's draft returned and claimed again
        JsonNode round = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "label", "Sáp nhập giữa kỳ",
                "deadline", "2026-12-20", "tasks", List.of("4.1", "5.2", "7.1")));
        long roundId = round.path("id").asLong();
        for (String body : List.of("DLK-SKHDT", "DLK-SCT")) {
            rounds.reportStraight(planId, roundId, body, rounds.person(body, Role.OFFICER),
                    rounds.person(body, Role.LEADER), CONSOLIDATING);
        }
        rounds.draft(planId, MERGED, "cv.tmp-sngv", "Đã đón hai đoàn khách quốc tế");
        rounds.decide(planId, "userTask_leaderApproval", MERGED, "ld.tmp-sngv", "Bổ sung danh sách các đoàn");
        String draft = rounds.task(planId, "userTask_draftReport", MERGED, "cv.tmp-sngv");
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", "cv.tmp-sngv", null));

        // when an administrator records the body's end: merged into the Văn phòng UBND tỉnh, its last day yesterday
        Chain.ok(chain.post("/api/bodies/" + MERGED + "/end", "admin", Map.of("on", "2026-11-30",
                "successors", List.of(Map.of("code", SUCCESSOR, "relation", "MERGED_INTO",
                        "takesOver", "Công tác đối ngoại, thông tin đối ngoại")))));
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.directory_change where entity_key = ? and action = "
                + "'ENDED'", Integer.class, MERGED)).isEqualTo(1);

        // then its open draft waits for the successor's officers, unclaimed, with what was written
        assertThat(db.jdbc().queryForList("select group_id_ from public.act_ru_identitylink where task_id_ = ? "
                + "and type_ = 'candidate'", String.class, draft)).containsExactly("officer." + SUCCESSOR);
        assertThat(db.jdbc().queryForObject("select assignee_ from public.act_ru_task where id_ = ?", String.class, draft))
                .isNull();
        assertThat(Chain.ok(chain.get("/api/tasks", "cv.tmp-sngv")).body().findValuesAsText("id")).doesNotContain(draft);
        String officer = rounds.person(SUCCESSOR, Role.OFFICER);
        assertThat(rounds.task(planId, "userTask_draftReport", MERGED, officer)).isEqualTo(draft);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", officer, null));
        JsonNode data = rounds.form(draft, officer).path("data");
        assertThat(data.path("tasks").get(0).path("result").asText()).startsWith("Đã đón hai đoàn khách quốc tế");

        // when the successor's officer drafts and its leader approves, and the consolidating body receives
        Chain.ok(chain.post("/api/tasks/" + draft + "/complete", officer,
                RoundDriver.report(data, "Đã đón hai đoàn khách quốc tế: Nhật Bản, Hàn Quốc")));
        String leader = rounds.person(SUCCESSOR, Role.LEADER);
        rounds.decide(planId, "userTask_leaderApproval", MERGED, leader, null);
        rounds.decide(planId, "userTask_receiveReport", MERGED, CONSOLIDATING, null);
        rounds.runJobs(roundId);

        // then the round is ready; it says who acts for the merged body; the history keeps the names
        JsonNode view = rounds.round(roundId, CONSOLIDATING);
        assertThat(view.path("status").asText()).isEqualTo("ready");
        JsonNode line = null;
        for (JsonNode b : view.path("bodies")) {
            if (b.path("code").asText().equals(MERGED)) {
                line = b;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.path("state").asText()).isEqualTo("received");
        assertThat(line.path("actedBy").path("code").asText()).isEqualTo(SUCCESSOR);
        assertThat(line.path("reportNumber").asText()).endsWith("/BC-VPUB");
        assertThat(db.jdbc().queryForList("select drafted_by from ttdn.agency_report where round_id = ? and "
                + "body_code = ? order by version", String.class, roundId, MERGED)).containsExactly("cv.tmp-sngv", officer);
        assertThat(db.jdbc().queryForList("select body_code from ttdn.round_body where round_id = ? and state = "
                + "'RECEIVED' order by body_code", String.class, roundId)).containsExactly("DLK-SCT", "DLK-SKHDT", MERGED);
        // and no open task is offered to the merged body any more
        assertThat(db.jdbc().queryForObject("select count(*) from public.act_ru_identitylink where group_id_ like ?",
                Integer.class, "%." + MERGED)).isZero();
    }
}
