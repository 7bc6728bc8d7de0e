package vn.ttdn.tasks;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.approval.Approvals;
import vn.ttdn.approval.Attachments;
import vn.ttdn.approval.Notifications;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.Reports;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.ApprovalProcess;
import vn.ttdn.workflow.TaskFilter;
import vn.ttdn.workflow.TaskPage;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The task pages: the inbox ({@code /viec}), one task with its form ({@code /viec/{id}}), claim
 * and release, starting a plan's approval, attaching files, and the notices. Every action is a
 * plain form POST that redirects, so the pages work without JavaScript except for the form itself.
 */
@Controller
class TaskPagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final WorkflowTasks tasks;
    private final ApprovalProcess process;
    private final Approvals approvals;
    private final Attachments attachments;
    private final Notifications notifications;
    private final PlanService plans;
    private final ProblemMessages problems;
    private final Reports reports;

    private final vn.ttdn.reporting.Consolidations consolidations;
    private final PlanLifecycle planIds;

    TaskPagesController(WorkflowTasks tasks, ApprovalProcess process, Approvals approvals, Attachments attachments,
                        Notifications notifications, PlanService plans, ProblemMessages problems, Reports reports,
                        vn.ttdn.reporting.Consolidations consolidations, PlanLifecycle planIds) {
        this.planIds = planIds;
        this.consolidations = consolidations;
        this.reports = reports;
        this.tasks = tasks;
        this.process = process;
        this.approvals = approvals;
        this.attachments = attachments;
        this.notifications = notifications;
        this.plans = plans;
        this.problems = problems;
    }

    /**
     * The inbox, a page at a time ({@link WorkflowTasks#DEFAULT_PAGE_SIZE} tasks unless {@code size} says
     * otherwise): the scope, the plan (its code or title holding the text) and the page (counting from 0)
     * as query parameters. A page, a size or a scope that is not one shows the first page of the default
     * scope and size, saying why.
     */
    @GetMapping("/viec")
    String inbox(@RequestParam(defaultValue = "all") String scope, @RequestParam(required = false) String plan,
                 @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                 CurrentUser user, Model model) {
        TaskQuery query = TaskQuery.read(scope, null, null, page, size);
        if (!query.problems().isEmpty()) {
            model.addAttribute("error", String.join(" ", query.problems().stream()
                    .map(p -> problems.describe(p, VI)).toList()));
            query = TaskQuery.read(query.problems().stream().anyMatch(p -> "scope".equals(p.path())) ? null : scope,
                    null, null, null, null);
        }
        String planFilter = plan == null || plan.isBlank() ? null : plan.trim();
        TaskFilter filter = planFilter == null ? TaskFilter.NONE : TaskFilter.NONE.plans(planIds.idsMatching(planFilter));
        TaskPage found = tasks.page(user, query.scope(), filter, query.page(), query.size());
        model.addAttribute("list", found);
        model.addAttribute("tasks", found.items());
        model.addAttribute("scope", TaskQuery.name(query.scope()));
        model.addAttribute("planFilter", planFilter);
        Integer sizeAsked = query.size() == WorkflowTasks.DEFAULT_PAGE_SIZE ? null : query.size();
        model.addAttribute("size", sizeAsked);
        model.addAttribute("previousPage", found.page() > 0 ? inboxLink(query.scope(), planFilter, sizeAsked,
                Math.min(found.page(), found.pages()) - 1) : null);
        model.addAttribute("nextPage", found.hasNext() ? inboxLink(query.scope(), planFilter, sizeAsked, found.page() + 1)
                : null);
        model.addAttribute("now", Instant.now());
        return "tasks/inbox";
    }

    /** The inbox's address with these parameters, those left out (null, the first page) not written. */
    private static String inboxLink(WorkflowTasks.Scope scope, String plan, Integer size, int page) {
        org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/viec").queryParam("scope", TaskQuery.name(scope));
        if (plan != null) {
            link.queryParam("plan", plan);
        }
        if (size != null) {
            link.queryParam("size", size);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    @GetMapping("/viec/{id}")
    String task(@PathVariable String id, CurrentUser user, Model model) {
        TaskView task = tasks.get(id, user);
        model.addAttribute("task", task);
        model.addAttribute("mine", user.username().equals(task.assignee()));
        model.addAttribute("plan", plans.get(task.planId(), user));
        if (task.isApproval()) {
            model.addAttribute("record", approvals.record(task.planId()));
        } else if ("round-consolidation".equals(task.processKey())) {
            model.addAttribute("consolidation", consolidations.history(task.roundId(), user));
        } else if (task.roundId() != null) {
            model.addAttribute("report", reports.report(task.roundId(), task.bodyCode(), user));
        }
        model.addAttribute("attachmentMaxMb", attachments.maxSize() / (1024 * 1024));
        model.addAttribute("now", Instant.now());
        return "tasks/task";
    }

    @PostMapping("/viec/{id}/nhan")
    String claim(@PathVariable String id, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "/viec/" + id, "task.claimed", () -> tasks.claim(id, user));
    }

    @PostMapping("/viec/{id}/tra")
    String unclaim(@PathVariable String id, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, "/viec/" + id, "task.released", () -> tasks.unclaim(id, user));
    }

    @PostMapping("/ke-hoach/{id}/trinh-duyet")
    String start(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        plans.get(id, user);
        try {
            process.start(id, user);
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("error", describe(e));
            return "redirect:/ke-hoach/" + id;
        }
        String first = tasks.list(user, WorkflowTasks.Scope.MINE, TaskFilter.plan(id)).stream().map(TaskView::id).findFirst().orElse(null);
        redirect.addFlashAttribute("notice", "approval.started");
        return first == null ? "redirect:/viec" : "redirect:/viec/" + first;
    }

    @PostMapping("/ke-hoach/{id}/tep")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String back, CurrentUser user, RedirectAttributes redirect)
            throws IOException {
        plans.get(id, user);
        String target = back != null && back.startsWith("/viec/") ? back : "/ke-hoach/" + id;
        byte[] content = file.getBytes();
        return act(redirect, target, "attachment.added",
                () -> attachments.add(id, file.getOriginalFilename(), content, user));
    }

    @GetMapping("/thong-bao")
    String notices(CurrentUser user, Model model) {
        model.addAttribute("notifications", notifications.forUser(user, 100));
        return "tasks/notifications";
    }

    @PostMapping("/thong-bao/da-doc")
    String markRead(CurrentUser user) {
        notifications.markAllRead(user);
        return "redirect:/thong-bao";
    }

    /** No such task: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** A task finished meanwhile (someone else was first): back to the inbox, saying so. */
    @ExceptionHandler(InvalidInputException.class)
    String conflict(InvalidInputException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", describe(e));
        return "redirect:/viec";
    }

    /** Runs an action; on a refusal or a conflict shows why, in Vietnamese, on the page it returns to. */
    private String act(RedirectAttributes redirect, String target, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("error", describe(e));
        }
        return "redirect:" + target;
    }

    private String describe(RuntimeException e) {
        return problems.describe(e, VI);
    }
}
