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
    @Autowired
    vn.ttdn.support.Pages pages;

    /** A round in the middle: two reports received, the merged body's draft returned and claimed again. */
    private record MidRound(long planId, long roundId, String draft) {
    }

    /**
     * A body of the test's own ({@code code}, with {@code cv.<tag>} and {@code ld.<tag>}) standing in
     * Đắk Lắk's plan for the Sở Ngoại vụ, the plan issued, a round on three tasks with two reports
     * received and this body's draft returned by its leader and claimed again by its officer.
     */
    private MidRound midRound(String code, String tag, String planCode) throws Exception {
        BodyView foreign = directory.body("DLK-SNGV").orElseThrow();
        BodyView own = new BodyView(code, "Sở Ngoại vụ (thử sáp nhập) tỉnh Đắk Lắk", "Sở Ngoại vụ (thử)",
                BodyKind.DEPARTMENT, BodyLevel.PROVINCE, foreign.parent(), "SNGVT", LocalDate.of(2020, 1, 1), null,
                List.of(), List.of());
        directory.saveBodies(List.of(own));
        String hash = directory.account(CONSOLIDATING).orElseThrow().passwordHash();
        directory.savePerson("cv." + tag, "Nguyễn Thị Ngoại", "Chuyên viên", code, null, hash, Set.of(Role.OFFICER));
        directory.savePerson("ld." + tag, "Trần Văn Vụ", "Phó Giám đốc", code, null, hash, Set.of(Role.LEADER));
        String plan = new String(SeedPlans.variant(SeedPlans.DAK_LAK, planCode, p -> { }),
                StandardCharsets.UTF_8).replace("DLK-SNGV", code);
        Chain.Answer imported = chain.send(MockMvcRequestBuilders.post("/api/plans").contentType("application/yaml")
                .content(plan), "admin");
        assertThat(imported.status()).as(String.valueOf(imported.body())).isEqualTo(201);
        long planId = imported.body().path("id").asLong();
        Chain.ok(chain.start(planId, Chain.Cast.of("dlk").drafter()));
        chain.straightThrough(planId, Chain.Cast.of("dlk"));
        JsonNode round = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "label", "Sáp nhập giữa kỳ",
                "deadline", "2026-12-20", "tasks", List.of("4.1", "5.2", "7.1")));
        long roundId = round.path("id").asLong();
        for (String body : List.of("DLK-SKHDT", "DLK-SCT")) {
            rounds.reportStraight(planId, roundId, body, rounds.person(body, Role.OFFICER),
                    rounds.person(body, Role.LEADER), CONSOLIDATING);
        }
        rounds.draft(planId, code, "cv." + tag, "Đã đón hai đoàn khách quốc tế");
        rounds.decide(planId, "userTask_leaderApproval", code, "ld." + tag, "Bổ sung danh sách các đoàn");
        String draft = rounds.task(planId, "userTask_draftReport", code, "cv." + tag);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", "cv." + tag, null));
        return new MidRound(planId, roundId, draft);
    }

    @Test
    void theMergedBodysOpenDraftContinuesUnderItsSuccessor() throws Exception {
        // given a round in the middle, the merged body's draft claimed by its officer
        MidRound mid = midRound(MERGED, "tmp-sngv", "DLK-TEST-MERGE-1");
        long planId = mid.planId();
        long roundId = mid.roundId();
        String draft = mid.draft();

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
        assertThat(Chain.ok(chain.get("/api/tasks?plan=" + planId + "&size=200", "cv.tmp-sngv")).body()
                .findValuesAsText("id")).doesNotContain(draft);
        String officer = rounds.person(SUCCESSOR, Role.OFFICER);
        assertThat(rounds.task(planId, "userTask_draftReport", MERGED, officer)).isEqualTo(draft);
        Chain.ok(chain.post("/api/tasks/" + draft + "/claim", officer, null));
        // the audit record tells the story of the draft: moved by the merge, released, claimed by the successor
        assertThat(db.jdbc().queryForList("select kind || ' ' || coalesce(actor, '-') from ttdn.audit_event "
                + "where task_id = ? order by id", String.class, draft))
                .containsSubsequence("body.merged admin", "task.released admin", "task.claimed " + officer);
        JsonNode data = rounds.form(draft, officer).path("data");
        assertThat(data.path("tasks").get(0).path("result").asText()).startsWith("Đã đón hai đoàn khách quốc tế");
        org.jsoup.nodes.Document taskPage = pages.page("/viec/" + draft, officer);
        assertThat(taskPage.getElementById("task-acted-by").attr("data-acted-by")).isEqualTo(SUCCESSOR);
        assertThat(taskPage.getElementById("task-acted-by").text())
                .isEqualTo("Nay do " + directory.body(SUCCESSOR).orElseThrow().name()
                        + " thực hiện (thay cho cơ quan đã kết thúc hoạt động)");

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
        org.jsoup.nodes.Document roundPage = pages.page("/ky-bao-cao/" + roundId, CONSOLIDATING);
        assertThat(roundPage.select("#body-" + MERGED + " a").first().text()).isEqualTo("Sở Ngoại vụ (thử sáp nhập) tỉnh Đắk Lắk");
        assertThat(roundPage.select("#body-" + MERGED + " .acted-by").attr("data-acted-by")).isEqualTo(SUCCESSOR);
        assertThat(roundPage.select("#body-DLK-SCT .acted-by")).isEmpty();
        assertThat(roundPage.select("#body-DLK-SCT a").first().text()).isEqualTo(directory.body("DLK-SCT").orElseThrow().name());
        assertThat(db.jdbc().queryForList("select drafted_by from ttdn.agency_report where round_id = ? and "
                + "body_code = ? order by version", String.class, roundId, MERGED)).containsExactly("cv.tmp-sngv", officer);
        assertThat(db.jdbc().queryForList("select body_code from ttdn.round_body where round_id = ? and state = "
                + "'RECEIVED' order by body_code", String.class, roundId)).containsExactly("DLK-SCT", "DLK-SKHDT", MERGED);
        // and no open task is offered to the merged body any more
        assertThat(db.jdbc().queryForObject("select count(*) from public.act_ru_identitylink where group_id_ like ?",
                Integer.class, "%." + MERGED)).isZero();
    }

    @Test
    void peopleMovedWithTheEndKeepTheirClaimAndFinishTheReportUnderTheSuccessor() throws Exception {
        // given a round in the middle, the merged body's draft claimed by its officer
        String code = "DLK-TMP-SNGV2";
        MidRound mid = midRound(code, "tmp2-sngv", "DLK-TEST-MERGE-2");
        int changes = db.count("directory_change");

        // when the end names a body that is not a successor for the people, or takes effect only tomorrow
        Chain.Answer notSuccessor = chain.post("/api/bodies/" + code + "/end", "admin", Map.of("on", "2026-11-30",
                "successors", List.of(Map.of("code", SUCCESSOR, "relation", "MERGED_INTO")),
                "movePeopleTo", "DLK-SCT"));
        Chain.Answer notYet = chain.post("/api/bodies/" + code + "/end", "admin", Map.of("on",
                LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                "successors", List.of(Map.of("code", SUCCESSOR, "relation", "MERGED_INTO")), "movePeopleTo", SUCCESSOR));

        // then each is refused at movePeopleTo, and nothing changed
        assertThat(notSuccessor.status()).isEqualTo(400);
        assertThat(notSuccessor.body().path("errors").path(0).path("code").asText()).isEqualTo("directory.moveNotSuccessor");
        assertThat(notYet.status()).isEqualTo(400);
        assertThat(notYet.body().path("errors").path(0).path("path").asText()).isEqualTo("movePeopleTo");
        assertThat(notYet.body().path("errors").path(0).path("code").asText()).isEqualTo("directory.moveNotYet");
        assertThat(db.count("directory_change")).isEqualTo(changes);
        assertThat(directory.body(code).orElseThrow().validTo()).isNull();

        // when the end is recorded, the people moving with it
        Chain.ok(chain.post("/api/bodies/" + code + "/end", "admin", Map.of("on", "2026-11-30",
                "successors", List.of(Map.of("code", SUCCESSOR, "relation", "MERGED_INTO")), "movePeopleTo", SUCCESSOR)));

        // then the officer is in the successor from 1 December, keeps the draft, the group moved
        assertThat(db.jdbc().queryForMap("select body_code, body_since from ttdn.person where username = ?",
                "cv.tmp2-sngv")).containsEntry("body_code", SUCCESSOR)
                .containsEntry("body_since", java.sql.Date.valueOf("2026-12-01"));
        assertThat(db.jdbc().queryForList("select action from ttdn.directory_change where entity_key in (?, ?, ?) "
                + "order by id", String.class, code, "cv.tmp2-sngv", "ld.tmp2-sngv"))
                .containsExactlyInAnyOrder("MOVED", "MOVED", "ENDED");
        assertThat(db.jdbc().queryForObject("select assignee_ from public.act_ru_task where id_ = ?", String.class,
                mid.draft())).isEqualTo("cv.tmp2-sngv");
        assertThat(db.jdbc().queryForList("select group_id_ from public.act_ru_identitylink where task_id_ = ? "
                + "and type_ = 'candidate'", String.class, mid.draft())).containsExactly("officer." + SUCCESSOR);

        // when they finish: the officer submits, the same leader (moved too) approves, the report is received
        JsonNode data = rounds.form(mid.draft(), "cv.tmp2-sngv").path("data");
        Chain.ok(chain.post("/api/tasks/" + mid.draft() + "/complete", "cv.tmp2-sngv",
                RoundDriver.report(data, "Đã đón hai đoàn khách quốc tế: Nhật Bản, Hàn Quốc")));
        rounds.decide(mid.planId(), "userTask_leaderApproval", code, "ld.tmp2-sngv", null);
        rounds.decide(mid.planId(), "userTask_receiveReport", code, CONSOLIDATING, null);

        // then it is in, under the merged body's name, numbered by the successor
        assertThat(db.jdbc().queryForObject("select state from ttdn.round_body where round_id = ? and body_code = ?",
                String.class, mid.roundId(), code)).isEqualTo("RECEIVED");
        assertThat(db.jdbc().queryForList("select drafted_by from ttdn.agency_report where round_id = ? and "
                + "body_code = ? order by version", String.class, mid.roundId(), code))
                .containsExactly("cv.tmp2-sngv", "cv.tmp2-sngv");
    }
}
