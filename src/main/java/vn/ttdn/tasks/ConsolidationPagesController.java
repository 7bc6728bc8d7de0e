package vn.ttdn.tasks;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidations;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * The consolidated report page ({@code /ky-bao-cao/{id}/tong-hop}): the counts per status, the
 * charts (per group, per body, the indicators over the years), the matrix of tasks × bodies in
 * colour, how each body reported, the narrative, the downloads, the history; and the way to the
 * task that writes or approves it for whoever holds or may take it.
 */
@Controller
class ConsolidationPagesController {

    private final Consolidations consolidations;
    private final WorkflowTasks tasks;
    private final ConsolidationCharts charts;

    ConsolidationPagesController(Consolidations consolidations, WorkflowTasks tasks, ConsolidationCharts charts) {
        this.consolidations = consolidations;
        this.tasks = tasks;
        this.charts = charts;
    }

    @GetMapping("/ky-bao-cao/{id}/tong-hop")
    String consolidation(@PathVariable long id, CurrentUser user, Model model) {
        Consolidation c = consolidations.view(id, user, RoundProcess.now());
        model.addAttribute("c", c);
        model.addAttribute("history", consolidations.history(id, user));
        model.addAttribute("statuses", Arrays.asList(Consolidation.Status.values()));
        model.addAttribute("timeliness", Arrays.asList(Consolidation.Timeliness.values()));
        model.addAttribute("parts", Consolidation.Narrative.PARTS);
        List<Consolidations.Summary> years = consolidations.ofPlan(c.plan().id(), user, RoundProcess.now()).stream()
                .filter(s -> s.kind() == vn.ttdn.reporting.RoundKind.YEARLY || s.roundId() == id).toList();
        model.addAttribute("chartWords", charts.words(Arrays.asList(Consolidation.Status.values())));
        model.addAttribute("chartData", charts.data(c, years));
        List<TaskView> open = tasks.list(user, WorkflowTasks.Scope.ALL_MINE,
                TaskFilter.round(id).process("round-consolidation"));
        model.addAttribute("task", open.isEmpty() ? null : open.get(0));
        return "rounds/consolidation";
    }
}
