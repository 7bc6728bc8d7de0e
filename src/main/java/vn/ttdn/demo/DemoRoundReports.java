package vn.ttdn.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.RoundBodyView;
import vn.ttdn.reporting.RoundKind;
import vn.ttdn.reporting.RoundStatus;
import vn.ttdn.reporting.RoundView;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * In the developer run, once the application is up, the reports of this year's round of Quảng
 * Ngãi's plan (116/KH-UBND) come in as every body asked would send them: its demo officer drafts
 * (statuses, results, difficulties, figures that differ from body to body), its demo leader
 * approves, the Sở VHTTDL's officer receives. All through the same task layer the pages use; the
 * round then stands ready and {@code cv.svhttdl.qng} finds "Soạn báo cáo tổng hợp" in the inbox.
 * A round any body has already reported in is left as it is, so restarts change nothing.
 */
@Component
@ConditionalOnProperty(prefix = "ttdn.demo", name = "round-reports", havingValue = "true")
class DemoRoundReports {

    private static final Logger log = LoggerFactory.getLogger(DemoRoundReports.class);
    static final String PLAN = "QNG-KH-116";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Mostly done on time, some in progress or late, now and then not started or overdue. */
    private static final String[] STATUSES = {"done_on_time", "done_on_time", "done_on_time", "in_progress",
            "done_on_time", "done_late", "done_on_time", "in_progress", "done_on_time", "done_on_time",
            "done_on_time", "in_progress", "done_on_time", "done_on_time", "not_started", "done_on_time",
            "done_on_time", "in_progress", "done_on_time", "done_on_time", "done_late", "done_on_time",
            "done_on_time", "done_on_time", "done_on_time", "in_progress", "done_on_time", "done_on_time",
            "done_on_time", "overdue"};
    private static final String[] SUMMARIES = {
            "Cơ quan đã chủ động triển khai các nhiệm vụ được giao, gắn với nhiệm vụ chính trị của ngành; thông tin "
                    + "đối ngoại được lồng ghép trong các hoạt động chuyên môn.",
            "Các nhiệm vụ cơ bản hoàn thành theo tiến độ; một số nhiệm vụ đang tiếp tục triển khai trong năm tới.",
            "Đã xây dựng kế hoạch riêng của cơ quan, phân công lãnh đạo phụ trách và cán bộ đầu mối thông tin "
                    + "đối ngoại."};
    private static final String[] RESULTS = {
            "Đã ban hành văn bản triển khai, phân công cán bộ phụ trách và lồng ghép vào kế hoạch công tác năm.",
            "Đã tổ chức hội nghị quán triệt, cung cấp thông tin cho báo chí và đăng tải trên cổng thông tin điện tử.",
            "Đã phối hợp xây dựng tài liệu quảng bá bằng tiếng Anh, tiếng Hàn, tiếng Nhật và phát hành tại các sự kiện.",
            "Đang triển khai theo tiến độ; dự kiến hoàn thành trong quý I năm sau.",
            "Đã cử cán bộ tham gia lớp bồi dưỡng nghiệp vụ thông tin đối ngoại do tỉnh tổ chức."};
    private static final String[] DIFFICULTIES = {
            "Kinh phí bố trí cho hoạt động thông tin đối ngoại còn hạn chế.",
            "Thiếu cán bộ có trình độ ngoại ngữ để biên tập tài liệu đối ngoại.",
            "Việc phối hợp, chia sẻ thông tin giữa các cơ quan chưa thường xuyên."};

    private final PlanService plans;
    private final Rounds rounds;
    private final RoundProcess process;
    private final WorkflowTasks tasks;
    private final DirectoryService directory;

    DemoRoundReports(PlanService plans, Rounds rounds, RoundProcess process, WorkflowTasks tasks,
                     DirectoryService directory) {
        this.plans = plans;
        this.rounds = rounds;
        this.process = process;
        this.tasks = tasks;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Thread worker = new Thread(this::fill, "demo-round-reports");
        worker.setDaemon(true);
        worker.start();
    }

    void fill() {
        try {
            CurrentUser admin = user("admin");
            Optional<Long> planId = plans.list(admin).stream().filter(p -> PLAN.equals(p.code()))
                    .map(p -> p.id()).findFirst();
            if (planId.isEmpty()) {
                return;
            }
            int year = RoundProcess.today().getYear();
            Optional<RoundView> found = rounds.ofPlan(planId.get(), admin).stream()
                    .filter(r -> r.kind() == RoundKind.YEARLY && r.year() == year).findFirst();
            if (found.isEmpty()) {
                log.info("Demo reports: {} has no round of {}", PLAN, year);
                return;
            }
            long roundId = found.get().id();
            RoundView round = opened(roundId, admin);
            if (round == null || round.bodies().stream().anyMatch(b -> b.version() > 0 || b.state().isIn())) {
                return;
            }
            String receiver = person(round.consolidatingBody().code(), Role.OFFICER);
            int position = 0;
            for (RoundBodyView body : round.bodies()) {
                report(planId.get(), roundId, body, position++, receiver);
            }
            log.info("Demo reports: the {} bodies asked in round {} of {} have reported; {} consolidates",
                    round.bodies().size(), roundId, PLAN, receiver);
        } catch (RuntimeException e) {
            log.warn("Demo reports: not filled in: {}", e.toString());
        }
    }

    /** The round once open (opened now if its opening job has not run yet), or null when it does not open. */
    private RoundView opened(long roundId, CurrentUser admin) {
        Instant start = Instant.now();
        Instant until = start.plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            RoundView round = rounds.view(roundId, admin);
            if (round.status() != RoundStatus.SCHEDULED) {
                return round.status() == RoundStatus.OPEN ? round : null;
            }
            // the job executor opens it within seconds of the start; only a round it left waiting is opened here
            if (!round.opensOn().isAfter(RoundProcess.today()) && Instant.now().isAfter(start.plusSeconds(30))) {
                try {
                    process.openNow(roundId, admin);
                } catch (RuntimeException e) {
                    // the job executor opened it at the same moment: read it again
                }
            }
            pause();
        }
        return null;
    }

    private void report(long planId, long roundId, RoundBodyView body, int position, String receiver) {
        CurrentUser officer = user(person(body.code(), Role.OFFICER));
        TaskView draft = await(officer, planId, "userTask_draftReport", body.code());
        tasks.claim(draft.id(), officer);
        Map<String, Object> data = tasks.form(draft.id(), officer).data();
        tasks.complete(draft.id(), values(data, body, position), officer);

        CurrentUser leader = user(person(body.code(), Role.LEADER));
        TaskView approval = await(leader, planId, "userTask_leaderApproval", body.code());
        tasks.claim(approval.id(), leader);
        tasks.complete(approval.id(), Map.of("decision", "approve"), leader);

        CurrentUser consolidating = user(receiver);
        TaskView receive = await(consolidating, planId, "userTask_receiveReport", body.code());
        tasks.claim(receive.id(), consolidating);
        tasks.complete(receive.id(), Map.of("decision", "approve"), consolidating);
    }

    /** A report as its officer would write it: each task's state, what was done, what stood in the way, the figures. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> data, RoundBodyView body, int position) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> given = (List<Map<String, Object>>) data.getOrDefault("tasks", List.of());
        for (int i = 0; i < given.size(); i++) {
            int k = position * 7 + i;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", STATUSES[k % STATUSES.length]);
            row.put("result", RESULTS[k % RESULTS.length]);
            if (k % 6 == 3) {
                row.put("difficulties", DIFFICULTIES[k % DIFFICULTIES.length]);
            }
            if (k % 13 == 5) {
                row.put("proposals", "Đề nghị UBND tỉnh bố trí kinh phí riêng cho nhiệm vụ này.");
            }
            rows.add(row);
        }
        List<Map<String, Object>> figures = new ArrayList<>();
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) data.getOrDefault("indicators", List.of());
        for (int i = 0; i < indicators.size(); i++) {
            figures.add(Map.of("value", (position * 5 + i * 3) % 11 + (i == 4 ? 20 : 1)));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tasks", rows);
        values.put("indicators", figures);
        values.put("summary", SUMMARIES[position % SUMMARIES.length]);
        if (position % 3 == 0) {
            values.put("recommendations", "Đề nghị tổ chức thêm các lớp tập huấn kỹ năng thông tin đối ngoại.");
        }
        return values;
    }

    /** The open task with this key on the body's report, once the person sees it (the engine starts reports in jobs). */
    private TaskView await(CurrentUser user, long planId, String taskKey, String body) {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            Optional<TaskView> task = tasks.list(user, WorkflowTasks.Scope.ALL_MINE,
                            TaskFilter.plan(planId).step(taskKey)).stream()
                    .filter(t -> body.equals(t.bodyCode()))
                    .findFirst();
            if (task.isPresent()) {
                return task.get();
            }
            pause();
        }
        throw new IllegalStateException("no task " + taskKey + " of " + body + " for " + user.username());
    }

    private String person(String body, Role role) {
        return directory.people().stream().filter(p -> p.body().code().equals(body) && p.roles().contains(role))
                .map(PersonView::username).sorted().findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + role + " in " + body));
    }

    private CurrentUser user(String username) {
        PersonView p = directory.person(username).orElseThrow();
        return new CurrentUser(p.username(), p.fullName(), p.body().code(), Set.copyOf(p.roles()));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
