package vn.ttdn.tasks;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.amendment.ProposalInput;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.AmendmentProcess;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

/**
 * The plan page's amendment forms: propose a change to a task, start an amendment with the
 * proposals waiting. Plain form POSTs that redirect; a refusal comes back to the section in words.
 */
@Controller
class AmendmentPagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String SECTION = "#amendments-panel";

    private final AmendmentProcess process;
    private final PlanService plans;
    private final WorkflowTasks tasks;
    private final ProblemMessages problems;

    AmendmentPagesController(AmendmentProcess process, PlanService plans, WorkflowTasks tasks,
                             ProblemMessages problems) {
        this.process = process;
        this.plans = plans;
        this.tasks = tasks;
        this.problems = problems;
    }

    @PostMapping("/ke-hoach/{id}/dieu-chinh/de-xuat")
    String propose(@PathVariable long id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String taskNumber, @RequestParam(required = false) String groupNumber,
                   @RequestParam(required = false) String content, @RequestParam(required = false) String timeline,
                   @RequestParam(required = false) String timelineText, @RequestParam(required = false) List<String> lead,
                   @RequestParam(required = false) List<String> cooperating, @RequestParam(required = false) String reason,
                   CurrentUser user, RedirectAttributes redirect) {
        plans.get(id, user);
        try {
            process.propose(id, new ProposalInput(kind, taskNumber, groupNumber, content, timeline, timelineText, lead,
                    cooperating, reason), user);
            redirect.addFlashAttribute("amendmentNotice", "amendments.proposed");
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("amendmentError", problems.describe(e, VI));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("amendmentError", problems.describe(InputProblem.of("",
                    "amendment.notProposer", "you may not do this here"), VI));
        }
        return "redirect:/ke-hoach/" + id + SECTION;
    }

    @PostMapping("/ke-hoach/{id}/dieu-chinh")
    String start(@PathVariable long id, @RequestParam(required = false) List<Long> proposalIds, CurrentUser user,
                 RedirectAttributes redirect) {
        plans.get(id, user);
        try {
            process.start(id, proposalIds == null ? List.of() : proposalIds, user);
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("amendmentError", problems.describe(e, VI));
            return "redirect:/ke-hoach/" + id + SECTION;
        }
        String first = tasks.list(user, WorkflowTasks.Scope.MINE,
                        TaskFilter.plan(id).step("userTask_prepareAmendment")).stream()
                .map(TaskView::id).findFirst().orElse(null);
        redirect.addFlashAttribute("notice", "amendments.started");
        return first == null ? "redirect:/ke-hoach/" + id + SECTION : "redirect:/viec/" + first;
    }
}
