package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.Supervised;
import vn.ttdn.support.WebTest;

/**
 * The supervisors' API over live instances: where each waits, who holds it, how late, the filters,
 * the counts, paging and order, one instance in detail, the counts per step, and who may see what.
 */
@WebTest
@ExtendWith(EngineClock.class)
class SupervisionApiTest {

    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    ProcessEngine engine;

    @Test
    void theListSaysWhereEachInstanceWaitsWhoHoldsItAndHowLateTheMostOverdueFirst() throws Exception {
        Supervised s = Supervised.start(chain, rounds, db, engine, "-LIST");

        // the approval waits at the director's signature, offered to the leaders of the Sở (and its successor)
        JsonNode approvals = list("plan=" + s.approvalPlan(), "giamsat");
        assertThat(approvals.path("total").asLong()).isEqualTo(1);
        JsonNode approval = approvals.path("items").get(0);
        assertThat(approval.path("instanceId").asText()).isEqualTo(s.approval());
        assertThat(approval.path("processKey").asText()).isEqualTo("plan-approval");
        assertThat(approval.path("plan").path("code").asText()).isEqualTo("QNG-SUP-A-LIST");
        assertThat(approval.path("body").path("code").asText()).isEqualTo("QNG-STTTT");
        JsonNode signature = approval.path("waits").get(0);
        assertThat(approval.path("waits")).hasSize(1);
        assertThat(signature.path("activityId").asText()).isEqualTo("userTask_directorApproval");
        assertThat(signature.path("activityName").asText()).isEqualTo("Lãnh đạo cơ quan chủ trì ký Tờ trình");
        assertThat(signature.path("kind").asText()).isEqualTo("USER_TASK");
        assertThat(signature.path("holder").has("assignee")).isFalse();
        assertThat(labels(signature.path("holder").path("groups"))).contains(
                "Lãnh đạo · Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        assertThat(signature.path("since").asText()).isEqualTo("2026-12-01T02:00:00Z");
        // due Thursday 3/12 at 17:00; on Tuesday 8/12: 5 days, 3 working days (4/12, 7/12, 8/12) late
        assertThat(signature.path("due").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(signature.path("overdue").asBoolean()).isTrue();
        assertThat(signature.path("lateDays").asInt()).isEqualTo(5);
        assertThat(signature.path("lateWorkingDays").asInt()).isEqualTo(3);
        assertThat(approval.path("overdue").asBoolean()).isTrue();
        assertThat(approval.path("lateWorkingDays").asInt()).isEqualTo(3);

        // the round's plan: the overdue first, the most overdue first (the Sở Ngoại vụ's round, due 3/12,
        // then the round due 4/12), then the others, the oldest first (the yearly rounds waiting for their
        // opening day, then the round opened last)
        JsonNode plan = list("plan=" + s.roundPlan() + "&size=100", "giamsat");
        int running = db.jdbc().queryForObject("select count(*) from ttdn.process_instance_info where plan_id = ? "
                + "and ended_at is null", Integer.class, s.roundPlan());
        assertThat(plan.path("total").asInt()).isEqualTo(running).isGreaterThan(7);
        List<String> order = ids(plan);
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder(s.earlyRound(), s.foreignReport());
        assertThat(order.subList(2, 5)).containsExactlyInAnyOrder(s.round(), s.labourReport(), s.homeReport());
        assertThat(order.subList(running - 2, running)).containsExactlyInAnyOrder(s.lateRound(), s.educationReport());
        assertThat(plan.path("items")).allSatisfy(item -> assertThat(item.path("plan").path("id").asLong())
                .isEqualTo(s.roundPlan()));
        List<Boolean> late = new ArrayList<>();
        plan.path("items").forEach(item -> late.add(item.path("overdue").asBoolean()));
        assertThat(late.subList(0, 5)).containsOnly(true);
        assertThat(late.subList(5, running)).containsOnly(false);
        assertThat(plan.path("counts").path("running").asInt()).isEqualTo(running);
        assertThat(plan.path("counts").path("overdue").asInt()).isEqualTo(5);
        assertThat(plan.path("counts").path("waitingOnPerson").asInt()).isEqualTo(4);
        assertThat(plan.path("counts").path("withIncident").asInt()).isZero();
        List<JsonNode> scheduled = new ArrayList<>();
        plan.path("items").forEach(item -> scheduled.add(item));
        assertThat(scheduled.subList(5, running - 2)).isNotEmpty().allSatisfy(item -> {
            assertThat(item.path("processKey").asText()).isEqualTo("report-round");
            assertThat(item.path("overdue").asBoolean()).isFalse();
            assertThat(item.path("waits").get(0).path("kind").asText()).isEqualTo("TIMER");
            assertThat(item.path("waits").get(0).path("activityName").asText()).isEqualTo("Đến ngày mở kỳ");
            assertThat(item.path("waits").get(0).path("overdue").asBoolean()).isFalse();
        });
        assertThat(scheduled).extracting(item -> java.time.Instant.parse(item.path("due").asText("2100-01-01T00:00:00Z")))
                .startsWith(java.time.Instant.parse("2026-12-03T10:00:00Z"), java.time.Instant.parse("2026-12-03T10:00:00Z"),
                        java.time.Instant.parse("2026-12-04T10:00:00Z"));

        // the round waits on its two bodies' reports, as late as they are
        JsonNode round = item(plan, s.round());
        assertThat(round.path("round").path("id").asLong()).isEqualTo(s.roundId());
        assertThat(round.path("round").path("kind").asText()).isEqualTo("adhoc");
        JsonNode reports = round.path("waits").get(0);
        assertThat(reports.path("activityId").asText()).isEqualTo("callActivity_agencyReports");
        assertThat(reports.path("kind").asText()).isEqualTo("CALL_ACTIVITY");
        assertThat(reports.path("subInstances").asInt()).isEqualTo(2);
        assertThat(reports.path("subBodies").findValuesAsText("code")).containsExactlyInAnyOrder("QNG-SLDTBXH", "QNG-SNV");
        assertThat(reports.path("due").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(reports.path("lateWorkingDays").asInt()).isEqualTo(2);
        // the Sở LĐTBXH's report waits for its leader; the Sở Nội vụ's is held by its officer, named
        JsonNode labour = item(plan, s.labourReport()).path("waits").get(0);
        assertThat(labour.path("activityId").asText()).isEqualTo("userTask_leaderApproval");
        assertThat(labels(labour.path("holder").path("groups")))
                .containsExactly("Lãnh đạo · Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi");
        JsonNode home = item(plan, s.homeReport()).path("waits").get(0);
        assertThat(home.path("activityId").asText()).isEqualTo("userTask_draftReport");
        assertThat(home.path("holder").path("assignee").asText()).isEqualTo(s.homeOfficer());
        assertThat(home.path("holder").path("assigneeName").asText())
                .isEqualTo(directory.person(s.homeOfficer()).orElseThrow().fullName());
        assertThat(home.path("holder").path("groups").get(0).path("group").asText()).isEqualTo("officer.QNG-SNV");
        assertThat(home.path("holder").path("groups").get(0).path("label").asText())
                .isEqualTo("Chuyên viên · Sở Nội vụ tỉnh Quảng Ngãi");

        // filters: body, process, step, overdue, round, year
        assertThat(ids(list("plan=" + s.roundPlan() + "&body=QNG-SNV", "giamsat"))).containsExactly(s.homeReport());
        assertThat(ids(list("plan=" + s.roundPlan() + "&process=agency-report", "giamsat")))
                .containsExactlyInAnyOrder(s.foreignReport(), s.labourReport(), s.homeReport(), s.educationReport())
                .endsWith(s.educationReport());
        assertThat(ids(list("plan=" + s.roundPlan() + "&step=userTask_leaderApproval", "giamsat")))
                .containsExactly(s.labourReport());
        assertThat(ids(list("plan=" + s.roundPlan() + "&step=callActivity_agencyReports", "giamsat")))
                .containsExactlyInAnyOrder(s.earlyRound(), s.round(), s.lateRound()).endsWith(s.lateRound());
        JsonNode overdue = list("plan=" + s.roundPlan() + "&overdue=true", "giamsat");
        assertThat(ids(overdue)).isEqualTo(order.subList(0, 5));
        assertThat(overdue.path("total").asInt()).isEqualTo(5);
        assertThat(overdue.path("counts").path("running").asInt()).isEqualTo(running);
        assertThat(ids(list("round=" + s.roundId(), "giamsat"))).containsExactlyInAnyOrder(s.round(),
                s.labourReport(), s.homeReport());
        assertThat(ids(list("round=" + s.earlyRoundId() + "&body=QNG-SNGV", "giamsat"))).containsExactly(s.foreignReport());
        int rounds2028 = db.jdbc().queryForObject("select count(*) from ttdn.report_round where plan_id = ? "
                + "and year = 2028", Integer.class, s.roundPlan());
        JsonNode of2028 = list("plan=" + s.roundPlan() + "&year=2028", "giamsat");
        assertThat(of2028.path("total").asInt()).isEqualTo(rounds2028).isPositive();
        assertThat(of2028.path("items")).allSatisfy(item -> assertThat(item.path("round").path("year").asInt())
                .isEqualTo(2028));
        // the approval has no round: it counts in the year it started
        assertThat(ids(list("plan=" + s.approvalPlan() + "&year=2026", "giamsat"))).containsExactly(s.approval());
        assertThat(list("plan=" + s.approvalPlan() + "&year=2027", "giamsat").path("total").asInt()).isZero();

        // paging: the same order, page by page, with the total
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 2 < running; page++) {
            JsonNode slice = list("plan=" + s.roundPlan() + "&size=2&page=" + page, "giamsat");
            assertThat(slice.path("total").asInt()).isEqualTo(running);
            assertThat(slice.path("page").asInt()).isEqualTo(page);
            assertThat(slice.path("size").asInt()).isEqualTo(2);
            assertThat(slice.path("items").size()).isEqualTo(Math.min(2, running - page * 2));
            paged.addAll(ids(slice));
        }
        assertThat(paged).isEqualTo(order);
        JsonNode beyond = list("plan=" + s.roundPlan() + "&size=2&page=50", "giamsat");
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("total").asInt()).isEqualTo(running);
    }

    @Test
    void oneInstanceInDetailAndEachProcessCountedPerStep() throws Exception {
        Supervised s = Supervised.start(chain, rounds, db, engine, "-DETAIL");

        // the round: its plan and round, its two reports as children, where it is, no task, no incident
        JsonNode round = Chain.ok(chain.get("/api/instances/" + s.round(), "kiemtoan")).body();
        assertThat(round.path("instance").path("plan").path("code").asText()).isEqualTo("QNG-SUP-R-DETAIL");
        assertThat(round.path("instance").path("round").path("label").asText()).isEqualTo("giám sát");
        assertThat(round.path("instance").path("round").path("deadline").asText()).isEqualTo("2026-12-04");
        assertThat(round.path("instance").path("body").path("name").asText())
                .isEqualTo("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi");
        assertThat(round.path("parent").isNull()).isTrue();
        assertThat(round.path("children").findValuesAsText("instanceId"))
                .containsExactlyInAnyOrder(s.labourReport(), s.homeReport());
        assertThat(round.path("activities").findValuesAsText("activityId")).contains("callActivity_agencyReports");
        assertThat(round.path("tasks")).isEmpty();
        assertThat(round.path("incidents")).isEmpty();

        // a report: its parent, its open task
        JsonNode homeReport = Chain.ok(chain.get("/api/instances/" + s.homeReport(), "admin")).body();
        assertThat(homeReport.path("parent").path("instanceId").asText()).isEqualTo(s.round());
        assertThat(homeReport.path("instance").path("rootInstanceId").asText()).isEqualTo(s.round());
        assertThat(homeReport.path("instance").path("body").path("code").asText()).isEqualTo("QNG-SNV");
        String task = rounds.task(s.roundPlan(), "userTask_draftReport", "QNG-SNV", s.homeOfficer());
        assertThat(homeReport.path("tasks").findValuesAsText("taskId")).containsExactly(task);
        assertThat(homeReport.path("tasks").get(0).path("holder").path("assignee").asText()).isEqualTo(s.homeOfficer());
        assertThat(homeReport.path("activities").findValuesAsText("activityId")).containsExactly("userTask_draftReport");
        assertThat(homeReport.path("children")).isEmpty();

        // its diagram: the step it is at
        JsonNode diagram = Chain.ok(chain.get("/api/instances/" + s.homeReport() + "/diagram", "giamsat")).body();
        assertThat(diagram.path("xml").asText()).contains("agency-report");
        assertThat(diagram.path("active").get(0).asText()).isEqualTo("userTask_draftReport");

        // the reports of the plan per step: three drafting (two of them late), one with its leader (late)
        JsonNode reports = Chain.ok(chain.get("/api/processes/agency-report/counts?plan=" + s.roundPlan(),
                "giamsat")).body();
        assertThat(reports.path("running").asInt()).isEqualTo(4);
        assertThat(reports.path("processName").asText()).isEqualTo("Cơ quan báo cáo kết quả thực hiện");
        assertThat(reports.path("xml").asText()).contains("userTask_leaderApproval");
        assertThat(reports.path("steps").findValuesAsText("activityId"))
                .containsExactly("userTask_draftReport", "userTask_leaderApproval");
        assertThat(step(reports, "userTask_draftReport")).containsEntry("waiting", 3).containsEntry("overdue", 2);
        assertThat(step(reports, "userTask_leaderApproval")).containsEntry("waiting", 1).containsEntry("overdue", 1);
        assertThat(reports.path("steps").get(0).path("lateness").asText()).isEqualTo("most");
        assertThat(reports.path("steps").get(0).path("activityName").asText()).isEqualTo("Soạn báo cáo kết quả thực hiện");
        // only the Sở Nội vụ's: one, late, at the officer's draft
        JsonNode home = Chain.ok(chain.get("/api/processes/agency-report/counts?plan=" + s.roundPlan()
                + "&body=QNG-SNV", "giamsat")).body();
        assertThat(home.path("steps").findValuesAsText("activityId")).containsExactly("userTask_draftReport");
        assertThat(step(home, "userTask_draftReport")).containsEntry("waiting", 1).containsEntry("overdue", 1);
        // its rounds: two of the three ad-hoc ones late at their reports, the yearly ones waiting for their day
        JsonNode roundCounts = Chain.ok(chain.get("/api/processes/report-round/counts?plan=" + s.roundPlan(),
                "giamsat")).body();
        int running = roundCounts.path("running").asInt();
        assertThat(step(roundCounts, "callActivity_agencyReports")).containsEntry("waiting", 3).containsEntry("overdue", 2);
        assertThat(step(roundCounts, "timer_roundOpens")).containsEntry("waiting", running - 3).containsEntry("overdue", 0);
        assertThat(roundCounts.path("steps").findValuesAsText("lateness")).containsExactlyInAnyOrder("none", "most");

        assertThat(chain.get("/api/instances/no-such-instance", "giamsat").status()).isEqualTo(404);
        assertThat(chain.get("/api/processes/no-such-process/counts", "giamsat").status()).isEqualTo(404);
    }

    @Test
    void aProvincialSupervisorSeesTheirPlansOnlyAndOthersAreRefused() throws Exception {
        // given: an approval in Quảng Ngãi and one in Ninh Thuận, and a supervisor of Quảng Ngãi's UBND
        long qng = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-SUP-SCOPE");
        Chain.ok(chain.start(qng, "cv.stttt.qng"));
        long nth = chain.importSeed(SeedPlans.NINH_THUAN, "NTH-SUP-SCOPE");
        Chain.ok(chain.start(nth, "cv.stttt.nth"));
        String ours = Supervised.instance(db, qng, "plan-approval");
        String theirs = Supervised.instance(db, nth, "plan-approval");
        directory.savePerson("gs.ubnd.qng", "Trịnh Văn Giám", "Chuyên viên giám sát", "QNG-UBND", null,
                "{noop}unused", Set.of(Role.SUPERVISOR));

        // then: the province's supervisor lists Quảng Ngãi's approval, not Ninh Thuận's
        JsonNode approvals = list("process=plan-approval&size=100", "gs.ubnd.qng");
        assertThat(ids(approvals)).contains(ours).doesNotContain(theirs);
        assertThat(approvals.path("items").findValuesAsText("code")).noneMatch(code -> code.startsWith("NTH-"));
        assertThat(ids(list("process=plan-approval&size=100", "giamsat"))).contains(ours, theirs);
        assertThat(Chain.ok(chain.get("/api/instances/" + ours, "gs.ubnd.qng")).body().path("instance")
                .path("instanceId").asText()).isEqualTo(ours);
        // another province's instance, plan or counts: 403 with the reason
        Answer other = chain.get("/api/instances/" + theirs, "gs.ubnd.qng");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("errors").get(0).path("code").asText()).isEqualTo("supervision.outOfScope");
        Answer otherPlan = chain.get("/api/instances?plan=" + nth, "gs.ubnd.qng");
        assertThat(otherPlan.status()).isEqualTo(403);
        assertThat(otherPlan.body().path("errors").get(0).path("code").asText()).isEqualTo("supervision.planOutOfScope");
        assertThat(chain.get("/api/processes/plan-approval/counts?plan=" + nth, "gs.ubnd.qng").status()).isEqualTo(403);
        assertThat(chain.get("/api/instances/" + theirs + "/diagram", "gs.ubnd.qng").status()).isEqualTo(403);
        // the counts per step count only what the supervisor follows
        JsonNode mine = Chain.ok(chain.get("/api/processes/plan-approval/counts?plan=" + qng, "gs.ubnd.qng")).body();
        assertThat(step(mine, "userTask_draftSubmission")).containsEntry("waiting", 1);

        // auditors and administrators see every instance; an officer none
        assertThat(chain.get("/api/instances/" + theirs, "kiemtoan").status()).isEqualTo(200);
        assertThat(chain.get("/api/instances/" + theirs, "admin").status()).isEqualTo(200);
        assertThat(chain.get("/api/instances", "cv.stttt.qng").status()).isEqualTo(403);
        assertThat(chain.get("/api/instances/" + ours, "cv.stttt.qng").status()).isEqualTo(403);
        assertThat(chain.get("/api/processes/plan-approval/counts", "cv.stttt.qng").status()).isEqualTo(403);
        assertThat(chain.get("/api/instances/" + ours + "/diagram", "ld.svhttdl.qng").status()).isEqualTo(403);
    }

    @Test
    void aFilterThatIsNotWhatItShouldBeIsRefusedWithEveryProblem() throws Exception {
        Answer answer = chain.get("/api/instances?plan=abc&year=1990&overdue=maybe&size=0&page=-1&step=a%20b",
                "giamsat");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("path"))
                .containsExactly("overdue", "page", "plan", "size", "step", "year");
        assertThat(answer.body().path("errors").findValuesAsText("code")).contains("supervision.number",
                "supervision.size", "supervision.year", "supervision.overdue", "supervision.code");
        assertThat(chain.get("/api/instances?size=101", "giamsat").status()).isEqualTo(400);
        assertThat(chain.get("/api/instances?size=100", "giamsat").status()).isEqualTo(200);
    }

    private JsonNode list(String query, String user) throws Exception {
        return Chain.ok(chain.get("/api/instances?" + query, user)).body();
    }

    private static JsonNode item(JsonNode page, String instanceId) {
        for (JsonNode item : page.path("items")) {
            if (item.path("instanceId").asText().equals(instanceId)) {
                return item;
            }
        }
        throw new AssertionError("No instance " + instanceId + " in the page");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("instanceId").asText()));
        return ids;
    }

    private static List<String> labels(JsonNode groups) {
        List<String> labels = new ArrayList<>();
        groups.forEach(g -> labels.add(g.path("label").asText()));
        return labels;
    }

    private static Map<String, Integer> step(JsonNode counts, String activityId) {
        for (JsonNode s : counts.path("steps")) {
            if (s.path("activityId").asText().equals(activityId)) {
                return Map.of("waiting", s.path("waiting").asInt(), "overdue", s.path("overdue").asInt());
            }
        }
        throw new AssertionError("No step " + activityId + " in " + counts.path("steps"));
    }
}
