package vn.ttdn.tasks;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ttdn.directory.Role;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.Incidents;
import vn.ttdn.workflow.InstanceModifications;
import vn.ttdn.workflow.SupervisorActions;

/**
 * The supervisors' action pages: one instance's actions ({@code /giam-sat/{id}/thao-tac}: remind,
 * reassign, extend; for administrators a move previewed before it is confirmed), the incidents
 * ({@code /giam-sat/su-co}) with their retry, and the migration of instances to another version of
 * their process ({@code /giam-sat/nang-cap}, administrators). Plain form posts that redirect back,
 * saying what was done or, in Vietnamese, why not.
 */
@Controller
class SupervisionActionsPagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final SupervisorActions actions;
    private final InstanceModifications modifications;
    private final Incidents incidents;
    private final ProblemMessages problems;
    private final MessageSource messages;

    SupervisionActionsPagesController(SupervisorActions actions, InstanceModifications modifications,
                                      Incidents incidents, ProblemMessages problems, MessageSource messages) {
        this.actions = actions;
        this.modifications = modifications;
        this.incidents = incidents;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/giam-sat/{id}/thao-tac")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String actions(@PathVariable String id, CurrentUser user, Model model) {
        return actionsPage(id, user, model, null, null);
    }

    @PostMapping("/giam-sat/{id}/thao-tac/don-doc")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String remind(@PathVariable String id, @RequestParam(required = false) String bodyCode,
                  @RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, actionsUrl(id), () -> actions.remind(id, new SupervisorActions.Remind(bodyCode, reason), user),
                done -> text("supervision.done.reminded", String.join("; ",
                        done.bodies().stream().map(SupervisorActions.BodyReminded::name).toList())));
    }

    @PostMapping("/giam-sat/{id}/thao-tac/giao-lai")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String reassign(@PathVariable String id, @RequestParam(required = false) String taskId,
                    @RequestParam(required = false) String username, @RequestParam(required = false) String reason,
                    CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, actionsUrl(id),
                () -> actions.reassign(id, new SupervisorActions.Reassign(taskId, username, reason), user),
                done -> text("supervision.done.reassigned", done.taskName(), done.toName()));
    }

    @PostMapping("/giam-sat/{id}/thao-tac/gia-han")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String extend(@PathVariable String id, @RequestParam(required = false) String taskId,
                  @RequestParam(required = false) String until, @RequestParam(required = false) String reason,
                  CurrentUser user, RedirectAttributes redirect) {
        return act(redirect, actionsUrl(id),
                () -> actions.extend(id, new SupervisorActions.Extend(taskId, until, reason), user),
                done -> text("round".equals(done.scope()) ? "supervision.done.extendedRound" : "supervision.done.extended",
                        vn.ttdn.plan.PrintedDate.of(done.until())));
    }

    /** A move: previewed on the page first ({@code action=preview}), done when confirmed ({@code action=confirm}). */
    @PostMapping("/giam-sat/{id}/thao-tac/chuyen-buoc")
    @PreAuthorize("hasRole('ADMIN')")
    String move(@PathVariable String id, @RequestParam(required = false) String fromActivityId,
                @RequestParam(required = false) String toActivityId, @RequestParam(required = false) String reason,
                @RequestParam(defaultValue = "preview") String action, CurrentUser user, Model model,
                RedirectAttributes redirect) {
        boolean confirmed = "confirm".equals(action);
        InstanceModifications.Move move = new InstanceModifications.Move(fromActivityId, toActivityId, reason,
                !confirmed);
        if (confirmed) {
            return act(redirect, actionsUrl(id), () -> modifications.move(id, move, user),
                    done -> text("supervision.done.moved", done.from().name(), done.to().name()));
        }
        try {
            return actionsPage(id, user, model, modifications.move(id, move, user), move);
        } catch (InvalidInputException e) {
            model.addAttribute("error", problems.describe(e, VI));
            return actionsPage(id, user, model, null, move);
        }
    }

    @GetMapping("/giam-sat/su-co")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
    String incidents(CurrentUser user, Model model) {
        model.addAttribute("incidents", incidents.list(user));
        model.addAttribute("mayRetry", user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN));
        return "supervision/incidents";
    }

    @PostMapping("/giam-sat/su-co/{id}/thu-lai")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    String retry(@PathVariable String id, @RequestParam(required = false) String reason, CurrentUser user,
                 RedirectAttributes redirect) {
        return act(redirect, "/giam-sat/su-co", () -> incidents.retry(id, new Incidents.Retry(reason), user),
                done -> text("supervision.done.retried"));
    }

    /** The migration page: the processes and their versions; with a process and two versions, the preview. */
    @GetMapping("/giam-sat/nang-cap")
    @PreAuthorize("hasRole('ADMIN')")
    String migration(@RequestParam(required = false) String processKey,
                     @RequestParam(required = false) Integer fromVersion,
                     @RequestParam(required = false) Integer toVersion, CurrentUser user, Model model) {
        List<InstanceModifications.ProcessVersion> versions = modifications.versions(user);
        model.addAttribute("versions", versions);
        model.addAttribute("processKeys", versions.stream().map(InstanceModifications.ProcessVersion::processKey)
                .distinct().toList());
        model.addAttribute("processKey", processKey);
        model.addAttribute("fromVersion", fromVersion);
        model.addAttribute("toVersion", toVersion);
        if (processKey != null && !processKey.isBlank() && fromVersion != null && toVersion != null) {
            try {
                model.addAttribute("report", modifications.migrate(new InstanceModifications.Migration(processKey,
                        fromVersion, toVersion, null, null, true), user));
            } catch (InvalidInputException e) {
                model.addAttribute("error", problems.describe(e, VI));
            }
        }
        return "supervision/migration";
    }

    @PostMapping("/giam-sat/nang-cap")
    @PreAuthorize("hasRole('ADMIN')")
    String migrate(@RequestParam(required = false) String processKey,
                   @RequestParam(required = false) Integer fromVersion,
                   @RequestParam(required = false) Integer toVersion,
                   @RequestParam(required = false) List<String> instanceIds,
                   @RequestParam(required = false) String reason, CurrentUser user, RedirectAttributes redirect) {
        String back = UriComponentsBuilder.fromPath("/giam-sat/nang-cap").queryParam("processKey", processKey)
                .queryParam("fromVersion", fromVersion).queryParam("toVersion", toVersion).encode().toUriString();
        if (instanceIds == null || instanceIds.isEmpty()) {
            redirect.addFlashAttribute("error", text("supervision.migration.noneChosen"));
            return "redirect:" + back;
        }
        return act(redirect, back, () -> modifications.migrate(new InstanceModifications.Migration(processKey,
                        fromVersion, toVersion, instanceIds, reason, false), user),
                done -> text("supervision.done.migrated", String.valueOf(done.instances().size()),
                        String.valueOf(done.toVersion())));
    }

    private String actionsPage(String id, CurrentUser user, Model model, InstanceModifications.MoveReport preview,
                               InstanceModifications.Move move) {
        SupervisorActions.Overview overview = actions.overview(id, user);
        model.addAttribute("overview", overview);
        boolean admin = user.hasRole(Role.ADMIN);
        model.addAttribute("isAdmin", admin);
        if (admin && overview.running()) {
            model.addAttribute("moveOptions", modifications.moveOptions(id, user));
        }
        model.addAttribute("movePreview", preview);
        model.addAttribute("move", move);
        return "supervision/actions";
    }

    /** No such instance or incident: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /**
     * Runs an action; says what was done, or why not, on the page it returns to. A refusal (403) is
     * not caught: the person may not be here at all.
     */
    private <T> String act(RedirectAttributes redirect, String target, Supplier<T> action, Function<T, String> notice) {
        try {
            T done = action.get();
            redirect.addFlashAttribute("notice", notice.apply(done));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", problems.describe(e, VI));
        }
        return "redirect:" + target;
    }

    private static String actionsUrl(String id) {
        return UriComponentsBuilder.fromPath("/giam-sat/{id}/thao-tac").buildAndExpand(id).encode().toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
