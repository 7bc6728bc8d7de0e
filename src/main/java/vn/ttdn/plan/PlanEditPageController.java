package vn.ttdn.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.plan.PlanEditPage.GroupFields;
import vn.ttdn.plan.PlanEditPage.Mode;
import vn.ttdn.plan.PlanEditPage.TaskFields;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;

/**
 * "Sửa nhiệm vụ": the groups and tasks of a draft plan in a table, one row opened for editing at a
 * time (?nhiem-vu=3.7, ?them-nhiem-vu=3, ?nhom=3, ?them-nhom; removals ask first: ?xoa-nhiem-vu,
 * ?xoa-nhom). Plain forms, POST then redirect, no JavaScript. A refused edit shows the row again
 * with what was sent and each problem beside its field; a crossed edit (409) says so above.
 */
@Controller
@RequestMapping("/ke-hoach/{id}/sua")
@PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
class PlanEditPageController {

    private final PlanEditor editor;
    private final PlanDocumentFactory documents;
    private final ProblemMessages problemMessages;

    PlanEditPageController(PlanEditor editor, PlanDocumentFactory documents, ProblemMessages problemMessages) {
        this.editor = editor;
        this.documents = documents;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(name = "nhiem-vu", required = false) String task,
                @RequestParam(name = "them-nhiem-vu", required = false) String addTaskTo,
                @RequestParam(name = "xoa-nhiem-vu", required = false) String removeTask,
                @RequestParam(name = "nhom", required = false) String group,
                @RequestParam(name = "xoa-nhom", required = false) String removeGroup,
                @RequestParam(name = "them-nhom", required = false) String addGroup,
                CurrentUser user, Model model) {
        EditablePlan editable = editor.open(id, user);
        PlanDetails plan = editable.plan();
        PlanEditPage edit = PlanEditPage.none();
        if (task != null && findTask(plan, task).isPresent()) {
            edit = PlanEditPage.row(Mode.TASK, task, TaskFields.of(findTask(plan, task).get()), GroupFields.EMPTY,
                    editable.bodies());
        } else if (addTaskTo != null && findGroup(plan, addTaskTo).isPresent()) {
            edit = PlanEditPage.row(Mode.NEW_TASK, addTaskTo, TaskFields.EMPTY, GroupFields.EMPTY, editable.bodies());
        } else if (removeTask != null && findTask(plan, removeTask).isPresent()) {
            edit = PlanEditPage.of(Mode.REMOVE_TASK, removeTask);
        } else if (group != null && findGroup(plan, group).isPresent()) {
            edit = PlanEditPage.row(Mode.GROUP, group, TaskFields.EMPTY, GroupFields.of(findGroup(plan, group).get()),
                    List.of());
        } else if (removeGroup != null && findGroup(plan, removeGroup).isPresent()) {
            edit = PlanEditPage.of(Mode.REMOVE_GROUP, removeGroup);
        } else if (addGroup != null) {
            edit = PlanEditPage.row(Mode.NEW_GROUP, null, TaskFields.EMPTY, GroupFields.EMPTY, editable.bodies());
        }
        return show(editable, edit, model);
    }

    @PostMapping("/nhom/{group}/nhiem-vu")
    String addTask(@PathVariable long id, @PathVariable String group, TaskForm form, CurrentUser user, Locale locale,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.addTask(id, PlanEditor.version(form.version()), group, null,
                        form.input(), user), "edit.done.taskAdded", "task-",
                bodies -> PlanEditPage.row(Mode.NEW_TASK, group, form.fields(), GroupFields.EMPTY, bodies),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhiem-vu/{number}")
    String changeTask(@PathVariable long id, @PathVariable String number, TaskForm form, CurrentUser user,
                      Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.changeTask(id, PlanEditor.version(form.version()), number, form.input(),
                        user), "edit.done.taskSaved", "task-",
                bodies -> PlanEditPage.row(Mode.TASK, number, form.fields(), GroupFields.EMPTY, bodies),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhiem-vu/{number}/xoa")
    String removeTask(@PathVariable long id, @PathVariable String number, MoveForm form, CurrentUser user,
                      Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.removeTask(id, PlanEditor.version(form.version()), number, user),
                "edit.done.taskRemoved", null, bodies -> PlanEditPage.none(),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhiem-vu/{number}/di-chuyen")
    String moveTask(@PathVariable long id, @PathVariable String number, MoveForm form, CurrentUser user,
                    Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.moveTask(id, PlanEditor.version(form.version()), number, null,
                        form.position(), user), "edit.done.taskMoved", "task-", bodies -> PlanEditPage.none(),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhom")
    String addGroup(@PathVariable long id, GroupForm form, CurrentUser user, Locale locale, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.addGroup(id, PlanEditor.version(form.version()), null, form.group(),
                        form.firstTask().input(), user), "edit.done.groupAdded", "group-",
                bodies -> PlanEditPage.row(Mode.NEW_GROUP, null, form.firstTask().fields(), form.fields(), bodies),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhom/{group}")
    String changeGroup(@PathVariable long id, @PathVariable String group, GroupForm form, CurrentUser user,
                       Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.changeGroup(id, PlanEditor.version(form.version()), group, form.group(),
                        user), "edit.done.groupSaved", "group-",
                bodies -> PlanEditPage.row(Mode.GROUP, group, TaskFields.EMPTY, form.fields(), List.of()),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhom/{group}/xoa")
    String removeGroup(@PathVariable long id, @PathVariable String group, MoveForm form, CurrentUser user,
                       Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.removeGroup(id, PlanEditor.version(form.version()), group, user),
                "edit.done.groupRemoved", null, bodies -> PlanEditPage.none(),
                new Page(locale, model, response, redirect));
    }

    @PostMapping("/nhom/{group}/di-chuyen")
    String moveGroup(@PathVariable long id, @PathVariable String group, MoveForm form, CurrentUser user,
                     Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return attempt(id, user, () -> editor.moveGroup(id, PlanEditor.version(form.version()), group,
                        form.position(), user), "edit.done.groupMoved", "group-", bodies -> PlanEditPage.none(),
                new Page(locale, model, response, redirect));
    }

    /** No such plan, task or group: the 404 page. A plan that is no longer a draft: the 409 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @ExceptionHandler(InvalidInputException.class)
    void refused(InvalidInputException e, HttpServletResponse response) throws IOException {
        response.sendError(e.status().value());
    }

    /**
     * Makes the edit; done, back to the page at the row (POST, redirect, GET) with a note of what
     * was done. Refused, the page again with the row reopened on what was sent and its problems:
     * beside their fields, or above the table for a crossed edit (409) or a row without fields.
     */
    private String attempt(long id, CurrentUser user, Supplier<PlanEdit> edit, String doneKey, String anchor,
                           Function<List<EditablePlan.BodyChoice>, PlanEditPage> reopen, Page page) {
        try {
            PlanEdit done = edit.get();
            page.redirect().addFlashAttribute("doneKey", doneKey);
            page.redirect().addFlashAttribute("doneNumber", done.number());
            return "redirect:/ke-hoach/" + id + "/sua" + (anchor == null ? "" : "#" + anchor + done.number());
        } catch (InvalidInputException e) {
            EditablePlan editable = editor.open(id, user);
            PlanEditPage row = reopen.apply(editable.bodies());
            page.response().setStatus(e.status().value());
            if (e.status() == HttpStatus.CONFLICT || row.mode() == Mode.NONE) {
                page.model().addAttribute("problems",
                        e.problems().stream().map(p -> problemMessages.describe(p, page.locale())).toList());
            } else {
                row = row.withProblems(e.problems(), problemMessages, page.locale());
            }
            return show(editable, row, page.model());
        }
    }

    private String show(EditablePlan editable, PlanEditPage edit, Model model) {
        model.addAttribute("plan", editable.plan());
        model.addAttribute("document", documents.build(editable.plan(), LocalDate.now(PlanPageController.VIETNAM)));
        model.addAttribute("edit", edit);
        model.addAttribute("kinds", TaskKind.values());
        return "plans/edit";
    }

    private static Optional<PlanDetails.Task> findTask(PlanDetails plan, String number) {
        return plan.groups().stream().flatMap(g -> g.tasks().stream()).filter(t -> t.number().equals(number)).findFirst();
    }

    private static Optional<PlanDetails.Group> findGroup(PlanDetails plan, String number) {
        return plan.groups().stream().filter(g -> g.number().equals(number)).findFirst();
    }

    /** What a refused edit needs to show the page again. */
    private record Page(Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    }

    /** A task row's form; {@code lead} and {@code cooperating} are the chosen options, in order. */
    record TaskForm(Integer version, String content, List<String> lead, List<String> cooperating, String timeline,
                    String timelineText, String kind) {

        TaskInput input() {
            return new TaskInput(content, lead, cooperating, timeline, timelineText, kind(kind));
        }

        TaskFields fields() {
            return new TaskFields(content, lead, cooperating, timeline, timelineText, kind);
        }

        private static TaskKind kind(String code) {
            try {
                return code == null || code.isBlank() ? null : TaskKind.of(code);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(PlanEditor.TITLE,
                        List.of(InputProblem.of("kind", "task.kind", "\"" + code + "\" is not a task kind", code)));
            }
        }
    }

    /** A group's form: its heading and, for a new group, its first task. */
    record GroupForm(Integer version, String title, String description, String content, List<String> lead,
                     List<String> cooperating, String timeline, String timelineText, String kind) {

        GroupInput group() {
            return new GroupInput(title, description);
        }

        GroupFields fields() {
            return new GroupFields(title, description);
        }

        TaskForm firstTask() {
            return new TaskForm(version, content, lead, cooperating, timeline, timelineText, kind);
        }
    }

    record MoveForm(Integer version, Integer position) {
    }
}
