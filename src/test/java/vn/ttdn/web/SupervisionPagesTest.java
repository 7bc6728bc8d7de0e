package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.Supervised;
import vn.ttdn.support.WebTest;

/** The supervisors' pages: the dashboard with its counts, filters, list and paging; one process's diagram; one instance. */
@WebTest
@ExtendWith(EngineClock.class)
class SupervisionPagesTest {

    @Autowired
    Chain chain;
    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Pages pages;

    @Test
    void theDashboardListsWhereEachInstanceWaitsTheOverdueInRedWithCountsFiltersAndPages() throws Exception {
        Supervised s = Supervised.start(chain, rounds, db, engine, "-PAGE");

        Document page = pages.page("/giam-sat?plan=" + s.roundPlan(), "giamsat");

        // the counts as tiles, the filter as chosen, the list
        int running = db.jdbc().queryForObject("select count(*) from ttdn.process_instance_info where plan_id = ? "
                + "and ended_at is null", Integer.class, s.roundPlan());
        assertThat(page.getElementById("count-running").attr("data-count")).isEqualTo(String.valueOf(running));
        assertThat(page.getElementById("count-overdue").attr("data-count")).isEqualTo("5");
        assertThat(page.getElementById("count-waiting").attr("data-count")).isEqualTo("4");
        assertThat(page.getElementById("count-incidents").attr("data-count")).isEqualTo("0");
        assertThat(page.getElementById("count-overdue").attr("href")).isEqualTo("/giam-sat?plan=" + s.roundPlan()
                + "&overdue=true");
        assertThat(page.select("#filter-plan option[selected]").attr("value")).isEqualTo(String.valueOf(s.roundPlan()));
        assertThat(page.select("#filter-process option").eachAttr("value")).contains("agency-report", "report-round",
                "plan-approval");
        assertThat(page.select("#filter-round option").eachAttr("value")).contains(String.valueOf(s.roundId()));
        assertThat(page.select("#filter-step option").eachAttr("value")).contains("userTask_draftReport",
                "callActivity_agencyReports");
        assertThat(page.getElementById("instance-count").text()).contains(String.valueOf(running));

        // the Sở Nội vụ's report: late, at the officer's draft, held by its officer; red
        Element home = page.getElementById("instance-" + s.homeReport());
        assertThat(home.hasClass("overdue")).isTrue();
        assertThat(home.text()).contains("Cơ quan báo cáo kết quả thực hiện", "Soạn báo cáo kết quả thực hiện",
                "Sở Nội vụ tỉnh Quảng Ngãi", "Quá hạn 2 ngày làm việc (4 ngày)", "04/12/2026 17:00");
        assertThat(home.select(".holder-person").attr("data-assignee")).isEqualTo(s.homeOfficer());
        assertThat(home.select("a.instance-link").attr("href")).isEqualTo("/giam-sat/" + s.homeReport());
        // the Sở Ngoại vụ's waits for any of its officers; the round on its two bodies
        assertThat(page.getElementById("instance-" + s.foreignReport()).text())
                .contains("Chuyên viên · Sở Ngoại vụ tỉnh Quảng Ngãi", "Chưa ai nhận");
        assertThat(page.getElementById("instance-" + s.round()).text()).contains("Chờ 2 hồ sơ con", "Báo cáo đột xuất giám sát");
        // the last one opened is neither late nor red
        Element last = page.select("#instance-table tbody tr").last();
        assertThat(last.hasClass("overdue")).isFalse();
        assertThat(last.attr("data-instance-id")).isIn(s.lateRound(), s.educationReport());
        assertThat(page.select("#instance-table tbody tr.overdue")).hasSize(5);
        assertThat(page.select("#instance-table tbody tr").subList(0, 5)).allMatch(tr -> tr.hasClass("overdue"));

        // filtered by step: one row; overdue only: the five; the diagrams linked with the plan kept
        Document step = pages.page("/giam-sat?plan=" + s.roundPlan() + "&process=agency-report&step=userTask_leaderApproval",
                "giamsat");
        assertThat(step.select("#instance-table tbody tr").eachAttr("data-instance-id")).containsExactly(s.labourReport());
        assertThat(step.select("#filter-step option[selected]").attr("value")).isEqualTo("userTask_leaderApproval");
        assertThat(pages.page("/giam-sat?plan=" + s.roundPlan() + "&overdue=true", "giamsat")
                .select("#instance-table tbody tr")).hasSize(5);
        assertThat(page.select("#supervision-processes a").eachAttr("href"))
                .contains("/giam-sat/quy-trinh/agency-report?plan=" + s.roundPlan());

        // paging: 20 a page, the next one with the same filter
        Document all = pages.page("/giam-sat", "giamsat");
        long total = Long.parseLong(all.selectFirst("main").attr("data-total"));
        assertThat(total).isGreaterThan(20);
        assertThat(all.select("#instance-table tbody tr")).hasSize(20);
        assertThat(all.getElementById("pager-next").attr("href")).isEqualTo("/giam-sat?page=1");
        Document second = pages.page("/giam-sat?page=1", "giamsat");
        assertThat(second.getElementById("pager-previous").attr("href")).isEqualTo("/giam-sat");
        assertThat(second.select("#instance-table tbody tr").eachAttr("data-instance-id"))
                .doesNotContainAnyElementsOf(all.select("#instance-table tbody tr").eachAttr("data-instance-id"));

        // a wrong filter is said and left out
        Document wrong = pages.page("/giam-sat?year=abc&plan=" + s.roundPlan(), "giamsat");
        assertThat(wrong.getElementById("error").text()).contains("abc");
        assertThat(wrong.getElementById("count-running").attr("data-count")).isEqualTo(String.valueOf(running));
    }

    @Test
    void theNavigationOffersSupervisionToSupervisorsAuditorsAndAdministratorsOnly() throws Exception {
        assertThat(pages.page("/ke-hoach", "giamsat").getElementById("nav-supervision").attr("href")).isEqualTo("/giam-sat");
        assertThat(pages.page("/ke-hoach", "kiemtoan").getElementById("nav-supervision")).isNotNull();
        assertThat(pages.page("/ke-hoach", "admin").getElementById("nav-supervision")).isNotNull();
        assertThat(pages.page("/ke-hoach", "cv.stttt.qng").getElementById("nav-supervision")).isNull();
        assertThat(pages.page("/giam-sat", "giamsat").select("#nav-supervision.active")).hasSize(1);
        assertThat(pages.open("/giam-sat", "cv.stttt.qng").getStatus()).isEqualTo(403);
        assertThat(pages.open("/giam-sat/quy-trinh/agency-report", "ld.svhttdl.qng").getStatus()).isEqualTo(403);
        assertThat(pages.open("/giam-sat/no-such-instance", "giamsat").getStatus()).isEqualTo(404);
        assertThat(pages.open("/giam-sat/quy-trinh/no-such-process", "giamsat").getStatus()).isEqualTo(404);
    }

    @Test
    void aProcessDiagramCarriesItsCountsPerStepAndOneInstanceItsDetails() throws Exception {
        Supervised s = Supervised.start(chain, rounds, db, engine, "-PAGE2");

        // the reports' diagram: drawn from the counts of the plan, clicking a step opens its list
        Document process = pages.page("/giam-sat/quy-trinh/agency-report?plan=" + s.roundPlan(), "giamsat");
        Element diagram = process.getElementById("supervision-diagram");
        assertThat(diagram.attr("data-url")).isEqualTo("/api/processes/agency-report/counts?plan=" + s.roundPlan());
        assertThat(diagram.attr("data-list-url")).isEqualTo("/giam-sat?plan=" + s.roundPlan()
                + "&process=agency-report&step=");
        assertThat(process.select("script[src]").eachAttr("src")).contains("/js/supervision-diagram.js",
                "/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js");
        Element drafting = process.getElementById("step-userTask_draftReport");
        assertThat(drafting.attr("data-waiting")).isEqualTo("3");
        assertThat(drafting.attr("data-overdue")).isEqualTo("2");
        assertThat(drafting.attr("data-lateness")).isEqualTo("most");
        assertThat(drafting.select("a").attr("href")).isEqualTo("/giam-sat?plan=" + s.roundPlan()
                + "&process=agency-report&step=userTask_draftReport");
        assertThat(process.getElementById("step-userTask_leaderApproval").attr("data-waiting")).isEqualTo("1");

        // the round: its facts, where it waits, its children, its diagram, the links to act and to replay
        Document round = pages.page("/giam-sat/" + s.round(), "giamsat");
        assertThat(round.getElementById("instance-plan").text()).contains("QNG-SUP-R-PAGE2");
        assertThat(round.getElementById("instance-round").text()).contains("Báo cáo đột xuất giám sát");
        assertThat(round.getElementById("instance-round").select("a").attr("href")).isEqualTo("/ky-bao-cao/" + s.roundId());
        assertThat(round.getElementById("instance-body").text()).isEqualTo("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi");
        assertThat(round.getElementById("instance-due").hasClass("overdue")).isTrue();
        assertThat(round.select("#wait-table tr.wait-row").eachAttr("data-activity-id"))
                .containsExactly("callActivity_agencyReports");
        assertThat(round.select("#children-table tbody tr").eachAttr("data-instance-id"))
                .containsExactlyInAnyOrder(s.labourReport(), s.homeReport());
        assertThat(round.select("#instance-diagram .process-diagram").attr("data-url"))
                .isEqualTo("/api/instances/" + s.round() + "/diagram");
        assertThat(round.getElementById("instance-actions").attr("href")).isEqualTo("/giam-sat/" + s.round() + "/thao-tac");
        assertThat(round.getElementById("instance-replay").attr("href")).isEqualTo("/kiem-tra/" + s.round());
        assertThat(round.getElementById("instance-incidents").text()).contains("Không có sự cố");

        // a report: its parent, its open task linked; an auditor reads it without the link to act
        Document home = pages.page("/giam-sat/" + s.homeReport(), "kiemtoan");
        assertThat(home.select("#instance-parent a").attr("href")).isEqualTo("/giam-sat/" + s.round());
        String task = rounds.task(s.roundPlan(), "userTask_draftReport", "QNG-SNV", s.homeOfficer());
        assertThat(home.select("#instance-tasks li").attr("data-task-id")).isEqualTo(task);
        assertThat(home.select("#instance-tasks a").attr("href")).isEqualTo("/viec/" + task);
        assertThat(home.getElementById("instance-actions")).isNull();
        assertThat(home.getElementById("instance-replay")).isNotNull();
    }
}
