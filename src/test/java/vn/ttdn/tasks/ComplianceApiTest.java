package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.Supervised;
import vn.ttdn.support.WebTest;

/**
 * The supervisors' compliance matrix (issue 10) over a copy of Đắk Lắk's plan, whose yearly rounds its
 * consolidating body opens: in the 2026 round the Sở Ngoại vụ reports on time, the UBND tỉnh (for the
 * district UBNDs) after its leader returned it and the Sở VHTTDL sent it back, the Sở Công Thương after
 * the deadline, the Công an never, and the Sở KH&CN was given until 31/12 by a supervisor; in the 2027 round, closed early, two report on time and the Sở Công Thương is missing.
 * Every cell and total is checked against the bodies' tasks in the database, the years' series, who may
 * see it, bad input, and the page.
 */
@WebTest
@ExtendWith(EngineClock.class)
class ComplianceApiTest {

    private static final String OFFICER = "cv.svhttdl.dlk";
    private static final String FOREIGN = "DLK-SNGV";
    private static final String UBND = "DLK-UBND";
    private static final String TRADE = "DLK-SCT";
    private static final String POLICE = "DLK-CA";
    private static final String SCIENCE = "DLK-SKHCN";

    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DirectoryService directory;
    @Autowired
    Pages pages;
    @Autowired
    ObjectMapper json;

    @Test
    void theMatrixSaysPerBodyAndTaskWhoReportedOnTimeLateAfterAReturnNotAtAllOrIsNotDueAndTheYearsAddUp()
            throws Exception {
        // given an issued copy of Đắk Lắk's plan and its yearly round of 2026 on five bodies
        long planId = rounds.issuedCopy(SeedPlans.DAK_LAK, "DLK-TEST-COMP", "dlk");
        long round2026 = rounds.open(planId, OFFICER, Map.of("kind", "yearly", "deadline", "2026-12-18",
                "bodies", List.of(FOREIGN, UBND, TRADE, POLICE, SCIENCE))).path("id").asLong();

        // when the Sở Ngoại vụ reports straight through, the UBND after a return and a send-back, both in time
        rounds.reportStraight(planId, round2026, FOREIGN, officer(FOREIGN), leader(FOREIGN), OFFICER);
        rounds.draft(planId, UBND, officer(UBND), "Bản đầu");
        rounds.decide(planId, "userTask_leaderApproval", UBND, leader(UBND), "Bổ sung số liệu các xã.");
        rounds.draft(planId, UBND, officer(UBND), "Bản thứ hai");
        rounds.decide(planId, "userTask_leaderApproval", UBND, leader(UBND), null);
        rounds.decide(planId, "userTask_receiveReport", UBND, OFFICER, "Thiếu kết quả của các xã.");
        rounds.reportStraight(planId, round2026, UBND, officer(UBND), leader(UBND), OFFICER);
        // and a supervisor gives the Sở KH&CN until 31/12
        String scienceReport = Supervised.report(db, round2026, SCIENCE);
        String scienceTask = engine.getTaskService().createTaskQuery().processInstanceId(scienceReport).singleResult()
                .getId();
        Chain.ok(chain.post("/api/instances/" + scienceReport + "/extend", "giamsat", Map.of("taskId", scienceTask,
                "until", "2026-12-31", "reason", "Cơ quan xin gia hạn bằng văn bản")));
        // and the deadline passes; then the Sở Công Thương reports, late; the Công an never does
        rounds.fireTimer(round2026, "boundaryEvent_overdue");
        rounds.reportStraight(planId, round2026, TRADE, officer(TRADE), leader(TRADE), OFFICER);

        // then the database holds what the matrix is made of
        Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
        db.jdbc().queryForList("select body_code, state, late, deadline, replaces_code, tasks::text as tasks "
                + "from ttdn.round_body where round_id = ? order by position", round2026)
                .forEach(row -> stored.put((String) row.get("body_code"), row));
        assertThat(stored.keySet()).containsExactlyInAnyOrder(FOREIGN, UBND, TRADE, POLICE, SCIENCE);
        assertThat(stored.get(FOREIGN)).containsEntry("state", "RECEIVED").containsEntry("late", false);
        assertThat(stored.get(UBND)).containsEntry("state", "RECEIVED").containsEntry("late", false);
        assertThat(stored.get(TRADE)).containsEntry("state", "RECEIVED").containsEntry("late", true);
        assertThat(stored.get(POLICE)).containsEntry("state", "PENDING").containsEntry("late", true);
        assertThat(stored.get(SCIENCE)).containsEntry("state", "PENDING").containsEntry("late", false);
        assertThat(stored.get(SCIENCE).get("deadline").toString()).isEqualTo("2026-12-31");
        assertThat(db.jdbc().queryForList("select step from ttdn.report_step where round_id = ? and body_code = ? "
                + "and step in ('RETURNED', 'SENT_BACK') order by id", String.class, round2026, UBND))
                .containsExactly("RETURNED", "SENT_BACK");

        // and the API's matrix of 2026 says, per body and on each task it reports on, what a person counts by hand
        Map<String, String> expected = Map.of(FOREIGN, "ON_TIME", UBND, "RETURNED", TRADE, "LATE", POLICE, "MISSING",
                SCIENCE, "PENDING");
        JsonNode m = Chain.ok(chain.get("/api/plans/" + planId + "/compliance?year=2026", "giamsat")).body();
        assertThat(m.path("year").asInt()).isEqualTo(2026);
        assertThat(m.path("round").path("id").asLong()).isEqualTo(round2026);
        assertThat(m.path("round").path("kind").asText()).isEqualTo("yearly");
        List<String> order = new ArrayList<>();
        m.path("bodies").forEach(b -> order.add(b.path("code").asText()));
        assertThat(order).containsExactlyElementsOf(stored.keySet());
        Map<String, Map<String, Integer>> taskTotals = new LinkedHashMap<>();
        Map<String, Integer> cellTotals = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : stored.entrySet()) {
            JsonNode row = body(m, e.getKey());
            String status = expected.get(e.getKey());
            assertThat(row.path("status").asText()).as(e.getKey()).isEqualTo(status);
            Map<String, String> roles = new LinkedHashMap<>();
            json.readTree((String) e.getValue().get("tasks")).forEach(t -> roles.put(t.path("number").asText(),
                    t.path("role").asText()));
            assertThat(roles).as(e.getKey()).isNotEmpty();
            List<String> cells = new ArrayList<>();
            row.path("cells").fieldNames().forEachRemaining(cells::add);
            assertThat(cells).as(e.getKey()).containsExactlyElementsOf(roles.keySet());
            roles.forEach((task, role) -> {
                assertThat(row.path("cells").path(task).path("status").asText()).as(e.getKey() + " " + task)
                        .isEqualTo(status);
                assertThat(row.path("cells").path(task).path("role").asText()).isEqualTo(role);
                taskTotals.computeIfAbsent(task, t -> new LinkedHashMap<>()).merge(status, 1, Integer::sum);
            });
            assertThat(row.path("counts").path(status).asInt()).isEqualTo(roles.size());
            assertThat(sum(row.path("counts"))).isEqualTo(roles.size());
            cellTotals.merge(status, roles.size(), Integer::sum);
        }
        // the facts behind the statuses
        assertThat(body(m, UBND).path("returns").asInt()).isEqualTo(2);
        assertThat(body(m, UBND).path("replaces").path("code").asText()).isEqualTo("DLK-UBND-HUYEN");
        stored.forEach((code, row) -> assertThat(body(m, code).path("replaces").path("code").asText(null)).as(code)
                .isEqualTo(row.get("replaces_code")));
        assertThat(body(m, SCIENCE).path("deadline").asText()).isEqualTo("2026-12-31");
        assertThat(body(m, TRADE).path("late").asBoolean()).isTrue();
        assertThat(body(m, TRADE).path("returns").asInt()).isZero();
        assertThat(body(m, POLICE).path("state").asText()).isEqualTo("pending");
        assertThat(body(m, FOREIGN).path("reportNumber").asText()).endsWith("/BC-SNGV");
        // the columns: the tasks asked, in the plan's groups and order (7.1 before 10.3)
        List<String> columns = new ArrayList<>();
        m.path("groups").forEach(g -> g.path("tasks").forEach(t -> columns.add(t.path("number").asText())));
        assertThat(columns).containsExactlyInAnyOrderElementsOf(taskTotals.keySet()).contains("7.1", "10.3", "5.1");
        assertThat(columns.indexOf("7.1")).isLessThan(columns.indexOf("10.3"));
        assertThat(m.path("groups").get(0).path("title").asText()).isNotBlank();
        // the totals per task, per body and per cell
        taskTotals.forEach((task, counts) -> {
            JsonNode got = m.path("taskTotals").path(task);
            counts.forEach((status, n) -> assertThat(got.path(status).asInt()).as(task + " " + status).isEqualTo(n));
            assertThat(sum(got)).as(task).isEqualTo(counts.values().stream().mapToInt(Integer::intValue).sum());
        });
        // task 10.3: led by the Công an, with the Sở Ngoại vụ cooperating
        assertThat(m.path("taskTotals").path("10.3").path("MISSING").asInt()).isEqualTo(1);
        assertThat(m.path("taskTotals").path("10.3").path("ON_TIME").asInt()).isEqualTo(1);
        assertThat(body(m, POLICE).path("cells").path("10.3").path("role").asText()).isEqualTo("lead");
        assertThat(body(m, FOREIGN).path("cells").path("10.3").path("role").asText()).isEqualTo("cooperate");
        for (String status : List.of("ON_TIME", "RETURNED", "LATE", "MISSING", "PENDING")) {
            assertThat(m.path("bodyTotals").path(status).asInt()).as(status).isEqualTo(1);
            assertThat(m.path("cellTotals").path(status).asInt()).as(status).isEqualTo(cellTotals.get(status));
        }

        // when a second year's round opens (2027) on three bodies, two report on time and it is closed
        long round2027 = rounds.open(planId, OFFICER, Map.of("kind", "yearly", "deadline", "2027-01-20",
                "bodies", List.of(FOREIGN, UBND, TRADE))).path("id").asLong();
        rounds.reportStraight(planId, round2027, FOREIGN, officer(FOREIGN), leader(FOREIGN), OFFICER);
        rounds.reportStraight(planId, round2027, UBND, officer(UBND), leader(UBND), OFFICER);
        Chain.ok(chain.post("/api/rounds/" + round2027 + "/close", OFFICER, null));
        rounds.runJobs(round2027);
        assertThat(db.jdbc().queryForObject("select state from ttdn.round_body where round_id = ? and body_code = ?",
                String.class, round2027, TRADE)).isEqualTo("MISSING");

        // then without a year the matrix is of the latest round's year, and the years add up
        JsonNode latest = Chain.ok(chain.get("/api/plans/" + planId + "/compliance", "kiemtoan")).body();
        assertThat(latest.path("year").asInt()).isEqualTo(2027);
        assertThat(latest.path("round").path("id").asLong()).isEqualTo(round2027);
        assertThat(texts(latest.path("years"))).containsExactly("2026", "2027");
        assertThat(body(latest, TRADE).path("status").asText()).isEqualTo("MISSING");
        assertThat(body(latest, FOREIGN).path("status").asText()).isEqualTo("ON_TIME");
        assertThat(latest.path("bodyTotals").path("ON_TIME").asInt()).isEqualTo(2);
        assertThat(latest.path("bodyTotals").path("MISSING").asInt()).isEqualTo(1);
        JsonNode years = latest.path("overYears");
        assertThat(years).hasSize(2);
        assertThat(years.get(0).path("year").asInt()).isEqualTo(2026);
        assertThat(years.get(0).path("roundId").asLong()).isEqualTo(round2026);
        assertThat(years.get(0).path("asked").asInt()).isEqualTo(5);
        for (String status : List.of("ON_TIME", "RETURNED", "LATE", "MISSING", "PENDING")) {
            assertThat(years.get(0).path("counts").path(status).asInt()).as(status).isEqualTo(1);
        }
        // of the four due, two in on time (one after a return): 50 %
        assertThat(years.get(0).path("onTimePercent").asInt()).isEqualTo(50);
        assertThat(years.get(1).path("year").asInt()).isEqualTo(2027);
        assertThat(years.get(1).path("status").asText()).isEqualTo("closed");
        assertThat(years.get(1).path("asked").asInt()).isEqualTo(3);
        assertThat(years.get(1).path("counts").path("ON_TIME").asInt()).isEqualTo(2);
        assertThat(years.get(1).path("counts").path("MISSING").asInt()).isEqualTo(1);
        assertThat(years.get(1).path("onTimePercent").asInt()).isEqualTo(67);
        assertThat(Chain.ok(chain.get("/api/plans/" + planId + "/compliance?year=2026", "admin")).body()
                .path("overYears")).isEqualTo(years);

        // and the page shows the 2026 matrix with its cells, letters, totals and the years
        Document page = pages.page("/giam-sat/ke-hoach/" + planId + "?nam=2026", "giamsat");
        assertThat(page.select("#compliance-year option[selected]").attr("value")).isEqualTo("2026");
        assertThat(page.select("#compliance-year option").eachAttr("value")).containsExactly("2026", "2027");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Element row = page.getElementById("body-" + e.getKey());
            assertThat(row).as(e.getKey()).isNotNull();
            assertThat(row.attr("data-status")).isEqualTo(e.getValue());
            JsonNode cells = body(m, e.getKey()).path("cells");
            assertThat(row.select("td.cc[data-status]").stream().filter(td -> !td.attr("data-status").isEmpty())
                    .map(td -> td.attr("data-task")).toList())
                    .containsExactlyInAnyOrderElementsOf(() -> cells.fieldNames());
            assertThat(row.select("td.cc-" + e.getValue())).hasSize(cells.size());
            assertThat(row.select("td.cc-none")).hasSize(columns.size() - cells.size());
        }
        Element police = page.selectFirst("#body-" + POLICE + " td[data-task=10.3]");
        assertThat(police.text()).isEqualTo("K*");
        assertThat(page.selectFirst("#body-" + UBND + " td.cc-RETURNED").text()).startsWith("L");
        assertThat(page.selectFirst("#body-" + UBND).text()).contains("thay cho", "bị trả lại 2 lần");
        assertThat(page.selectFirst("#body-" + SCIENCE).text()).contains("gia hạn đến 31/12/2026");
        assertThat(page.select("#compliance-task-totals td[data-task=10.3] [data-status=MISSING]").attr("data-count"))
                .isEqualTo("1");
        assertThat(page.select("#compliance-totals tr[data-status=LATE] td[data-bodies]").attr("data-bodies"))
                .isEqualTo("1");
        assertThat(page.select("#compliance-legend li").text()).contains("Đúng hạn", "Bị trả lại", "Trễ hạn",
                "Không nộp", "Chưa đến hạn");
        assertThat(page.select("#compliance-years tr[data-year=2026] td[data-rate]").attr("data-rate")).isEqualTo("50");
        assertThat(page.select("#compliance-years tr[data-year=2027] td[data-rate]").attr("data-rate")).isEqualTo("67");
        assertThat(page.getElementById("compliance-chart-data").data()).contains("\"onTimePercent\":67");
        assertThat(page.select("canvas#chart-compliance-states, canvas#chart-compliance-rate")).hasSize(2);
        assertThat(page.select("script[src]").eachAttr("src")).contains("/vendor/chart-js/chart.umd.min.js",
                "/js/compliance-charts.js");
        // linked from the dashboard and, for a supervisor, from the plan page
        assertThat(pages.page("/giam-sat?plan=" + planId, "giamsat").select("#compliance-link a").attr("href"))
                .isEqualTo("/giam-sat/ke-hoach/" + planId);
        assertThat(pages.page("/ke-hoach/" + planId, "giamsat").select("#rounds-compliance a").attr("href"))
                .isEqualTo("/giam-sat/ke-hoach/" + planId);
        assertThat(pages.page("/ke-hoach/" + planId, OFFICER).select("#rounds-compliance")).isEmpty();
    }

    @Test
    void onlyThoseWhoFollowThePlanSeeItsMatrixAndABadYearIsRefusedWithItsProblems() throws Exception {
        // given a Đắk Lắk plan, a supervisor of Đắk Lắk's UBND and one of Quảng Ngãi's
        long planId = chain.importSeed(SeedPlans.DAK_LAK, "DLK-TEST-COMP-SCOPE");
        directory.savePerson("gs.comp.dlk", "Trịnh Văn Dũng", "Chuyên viên giám sát", "DLK-UBND", null,
                "{noop}unused", Set.of(Role.SUPERVISOR));
        directory.savePerson("gs.comp.qng", "Trịnh Văn Giám", "Chuyên viên giám sát", "QNG-UBND", null,
                "{noop}unused", Set.of(Role.SUPERVISOR));
        String path = "/api/plans/" + planId + "/compliance";

        // then the province's supervisor, the auditor and the administrator read it (no round yet: empty)
        JsonNode empty = Chain.ok(chain.get(path, "gs.comp.dlk")).body();
        assertThat(empty.path("bodies")).isEmpty();
        assertThat(empty.has("round")).isFalse();
        assertThat(empty.path("overYears")).isEmpty();
        assertThat(chain.get(path, "kiemtoan").status()).isEqualTo(200);
        assertThat(chain.get(path + "?year=2027", "admin").body().path("year").asInt()).isEqualTo(2027);
        // another province's supervisor: 403 with the reason; an officer, even of a body the plan names: 403
        Answer other = chain.get(path, "gs.comp.qng");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("errors").get(0).path("code").asText()).isEqualTo("compliance.outOfScope");
        assertThat(chain.get(path, "cv.svhttdl.dlk").status()).isEqualTo(403);
        assertThat(chain.get(path, "ld.svhttdl.dlk").status()).isEqualTo(403);
        assertThat(pages.open("/giam-sat/ke-hoach/" + planId, "cv.svhttdl.dlk").getStatus()).isEqualTo(403);
        // an unknown plan: 404; a bad year or round: 400 with each problem
        assertThat(chain.get("/api/plans/999999/compliance", "giamsat").status()).isEqualTo(404);
        assertThat(pages.open("/giam-sat/ke-hoach/999999", "giamsat").getStatus()).isEqualTo(404);
        Answer bad = chain.get(path + "?year=hai&round=123456789", "giamsat");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("path")).containsExactlyInAnyOrder("year", "round");
        assertThat(bad.body().path("errors").findValuesAsText("code")).containsExactlyInAnyOrder("compliance.year",
                "compliance.round");
        assertThat(chain.get(path + "?year=1999", "giamsat").status()).isEqualTo(400);
        // the page says it in Vietnamese and shows the default year
        Document page = pages.page("/giam-sat/ke-hoach/" + planId + "?nam=1999", "giamsat");
        assertThat(page.getElementById("error").text()).contains("Năm “1999” không hợp lệ");
        assertThat(page.getElementById("compliance-empty")).isNotNull();
    }

    private String officer(String body) {
        return rounds.person(body, Role.OFFICER);
    }

    private String leader(String body) {
        return rounds.person(body, Role.LEADER);
    }

    private static JsonNode body(JsonNode matrix, String code) {
        for (JsonNode b : matrix.path("bodies")) {
            if (b.path("code").asText().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("No body " + code + " in " + matrix.path("bodies"));
    }

    private static int sum(JsonNode counts) {
        int n = 0;
        for (JsonNode c : counts) {
            n += c.asInt();
        }
        return n;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
