package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.TaskForm;
import vn.ttdn.workflow.TaskPage;
import vn.ttdn.workflow.TaskView;
import vn.ttdn.workflow.WorkflowTasks;

import java.util.Map;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Human tasks: list, read the form, claim, release, complete")
class TaskApiController {

    private final WorkflowTasks tasks;

    TaskApiController(WorkflowTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "A page of the caller's tasks: scope=mine (assigned), groups (offered to their groups), "
            + "all (both, the default) or every (supervisors); plan and round narrow it to a plan's or a round's "
            + "tasks (ids). The earliest due first (those without a due date last), then the oldest. Answers "
            + "{page, size, total, items: [task]}; page counts from 0, size 1 to 200 (50); a bad parameter: 400 "
            + "with every problem")
    TaskPage list(@RequestParam(required = false) String scope, @RequestParam(required = false) String plan,
                  @RequestParam(required = false) String round, @RequestParam(required = false) String page,
                  @RequestParam(required = false) String size, CurrentUser user) {
        TaskQuery query = TaskQuery.read(scope, plan, round, page, size).orRefuse();
        return tasks.page(user, query.scope(), query.filter(), query.page(), query.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    TaskView get(@PathVariable String id, CurrentUser user) {
        return tasks.get(id, user);
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "The task's Camunda Form (schema) and the values and option lists it opens with (data)")
    TaskForm form(@PathVariable String id, CurrentUser user) {
        return tasks.form(id, user);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take the task; 403 for a non-candidate, 409 when someone else holds it")
    TaskView claim(@PathVariable String id, CurrentUser user) {
        return tasks.claim(id, user);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give the task back to its groups; only its assignee may")
    TaskView unclaim(@PathVariable String id, CurrentUser user) {
        return tasks.unclaim(id, user);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete the task with the form's values (a JSON object); 400 lists each field's problem")
    Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values,
                                 CurrentUser user) {
        tasks.complete(id, values == null ? Map.of() : values, user);
        return Map.of("completed", id);
    }

}
