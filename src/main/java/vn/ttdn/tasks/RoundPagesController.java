package vn.ttdn.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.AdhocRoundInput;
import vn.ttdn.reporting.ReportForms;
import vn.ttdn.reporting.Reports;
import vn.ttdn.reporting.RoundView;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.RoundProcess;

/**
 * The round pages: one round ({@code /ky-bao-cao/{id}}) with who has reported, who is late or
 * returned, and each body's report ({@code /ky-bao-cao/{id}/bao-cao/{body}}); opening an ad-hoc
 * round from the plan page, opening a scheduled one now, closing one. Plain form POSTs that redirect.
 */
@Controller
class RoundPagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Rounds rounds;
    private final Reports reports;
    private final RoundProcess process;
    private final PlanService plans;
    private final ProblemMessages problems;
    private final vn.ttdn.reporting.Consolidations consolidations;

    RoundPagesController(Rounds rounds, Reports reports, RoundProcess process, PlanService plans,
                         ProblemMessages problems, vn.ttdn.reporting.Consolidations consolidations) {
        this.consolidations = consolidations;
        this.rounds = rounds;
        this.reports = reports;
        this.process = process;
        this.plans = plans;
        this.problems = problems;
    }

    @GetMapping("/ky-bao-cao/{id}")
    String round(@PathVariable long id, CurrentUser user, Model model) {
        RoundView round = rounds.view(id, user);
        model.addAttribute("round", round);
        model.addAttribute("manages", user.hasRole(Role.ADMIN) || user.hasRole(Role.OFFICER)
                && round.consolidatingBody().code().equals(user.bodyCode()));
        model.addAttribute("now", Instant.now());
        model.addAttribute("consolidationState", consolidations.state(id).orElse(null));
        model.addAttribute("readsConsolidation", consolidations.mayRead(id, user));
        return "rounds/round";
    }

    @GetMapping("/ky-bao-cao/{id}/bao-cao/{body}")
    String report(@PathVariable long id, @PathVariable String body, CurrentUser user, Model model) {
        model.addAttribute("report", reports.report(id, body, user));
        model.addAttribute("statuses", ReportForms.TaskStatus.values());
        model.addAttribute("indicators", reports.indicators(id));
        return "rounds/report";
    }

    @PostMapping("/ke-hoach/{id}/ky-bao-cao")
    String create(@PathVariable long id, @RequestParam(defaultValue = "adhoc") String kind,
                  @RequestParam(required = false) String label, @RequestParam(required = false) String deadline,
                  @RequestParam(required = false) List<String> tasks, CurrentUser user, RedirectAttributes redirect) {
        plans.get(id, user);
        LocalDate due;
        try {
            due = deadline == null || deadline.isBlank() ? null : LocalDate.parse(deadline);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("roundError", problems.describe(InputProblem.of("deadline",
                    "round.deadlineRequired", "the deadline is required"), VI));
            return "redirect:/ke-hoach/" + id + "#rounds-panel";
        }
        return attempt(redirect, "roundError", "round.notManager",
                () -> process.create(id, new AdhocRoundInput(kind, label, due, null, tasks), user))
                .map(roundId -> {
                    redirect.addFlashAttribute("notice", "round.opened");
                    return "redirect:/ky-bao-cao/" + roundId;
                })
                .orElse("redirect:/ke-hoach/" + id + "#rounds-panel");
    }

    @PostMapping("/ky-bao-cao/{id}/bao-cao/{body}/tep")
    String attach(@PathVariable long id, @PathVariable String body,
                  @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(required = false) String back, CurrentUser user, RedirectAttributes redirect)
            throws java.io.IOException {
        String target = back != null && back.startsWith("/viec/") ? back : "/ky-bao-cao/" + id + "/bao-cao/" + body;
        byte[] content = file.getBytes();
        attempt(redirect, "error", "report.notYours",
                () -> reports.attach(id, body, file.getOriginalFilename(), content, user))
                .ifPresent(added -> redirect.addFlashAttribute("notice", "attachment.added"));
        return "redirect:" + target;
    }

    @PostMapping("/ky-bao-cao/{id}/mo-ngay")
    String openNow(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        return onRound(redirect, id, "round.opened", () -> process.openNow(id, user));
    }

    @PostMapping("/ky-bao-cao/{id}/ket-thuc")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        return onRound(redirect, id, "round.closed", () -> process.close(id, user));
    }

    private String onRound(RedirectAttributes redirect, long id, String notice, Runnable action) {
        attempt(redirect, "error", "round.notManager", () -> {
            action.run();
            return Boolean.TRUE;
        }).ifPresent(done -> redirect.addFlashAttribute("notice", notice));
        return "redirect:/ky-bao-cao/" + id;
    }

    /**
     * Runs an action; on a refusal or a conflict puts why, in Vietnamese, in the flash attribute
     * and answers empty ({@code deniedCode} words a refusal of who may act).
     */
    private <T> java.util.Optional<T> attempt(RedirectAttributes redirect, String errorAttribute, String deniedCode,
                                              Supplier<T> action) {
        try {
            return java.util.Optional.of(action.get());
        } catch (InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute(errorAttribute, problems.describe(e, VI));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute(errorAttribute, problems.describe(InputProblem.of("", deniedCode,
                    "you may not do this here"), VI));
        }
        return java.util.Optional.empty();
    }
}
