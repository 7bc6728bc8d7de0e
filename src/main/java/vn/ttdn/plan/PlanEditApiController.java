package vn.ttdn.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;

/**
 * Editing a draft plan's task groups and tasks ({@link PlanEditor}). Groups and tasks are named by
 * their numbers as the plan prints them ("3", "3.7", "II.1.2"); adding, removing or moving one
 * renumbers its neighbours, so every edit names the plan {@code version} it was made on (from
 * {@code GET /api/plans/{id}}) and an edit on an older version answers 409. Every edit answers the
 * whole plan with its new version.
 */
@RestController
@RequestMapping("/api/plans/{id}")
@Tag(name = "Plan editing", description = "Complete a DRAFT plan: add, change, remove and move its task groups and "
        + "tasks. Admin, or an officer of the plan's consolidating body. Each edit carries the plan's version.")
class PlanEditApiController {

    private static final String VERSION = "The plan version the edit was made on (`version` of GET /api/plans/{id})";

    private final PlanEditor editor;
    private final PlanService plans;

    PlanEditApiController(PlanEditor editor, PlanService plans) {
        this.editor = editor;
        this.plans = plans;
    }

    @GetMapping("/tasks/{taskNumber}")
    @Operation(summary = "One task of a plan, by its number")
    PlanDetails.Task task(@PathVariable long id, @PathVariable String taskNumber, CurrentUser user) {
        return plans.get(id, user).groups().stream().flatMap(g -> g.tasks().stream())
                .filter(t -> t.number().equals(taskNumber)).findFirst()
                .orElseThrow(() -> new NotFoundException("No task " + taskNumber + " in plan " + id));
    }

    @GetMapping("/groups/{groupNumber}")
    @Operation(summary = "One task group of a plan, by its number, with its tasks")
    PlanDetails.Group group(@PathVariable long id, @PathVariable String groupNumber, CurrentUser user) {
        return plans.get(id, user).groups().stream().filter(g -> g.number().equals(groupNumber)).findFirst()
                .orElseThrow(() -> new NotFoundException("No group " + groupNumber + " in plan " + id));
    }

    @PostMapping("/groups/{groupNumber}/tasks")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Add a task to a group of a DRAFT plan",
            description = "The task is numbered by its place (`<group>.<n>`); the tasks after it move on a number.")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "the plan; Location: the new task"),
            @ApiResponse(responseCode = "400", description = "bad input, every problem at its field"),
            @ApiResponse(responseCode = "403", description = "not an officer of the consolidating body"),
            @ApiResponse(responseCode = "404", description = "no such plan or group"),
            @ApiResponse(responseCode = "409", description = "not a draft, or an older version")})
    ResponseEntity<PlanDetails> addTask(@PathVariable long id, @PathVariable String groupNumber,
                                        @RequestBody NewTask body, CurrentUser user) {
        PlanEdit edit = editor.addTask(id, version(id, body.version(), user), groupNumber, body.position(), body.input(), user);
        return ResponseEntity.created(taskUri(id, edit.number())).body(edit.plan());
    }

    @PutMapping("/tasks/{taskNumber}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Change a task of a DRAFT plan: content, lead and cooperating bodies, timeline, kind",
            description = "Replaces all of them; the task keeps its number and place.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "the plan"),
            @ApiResponse(responseCode = "400", description = "bad input, every problem at its field"),
            @ApiResponse(responseCode = "403", description = "not an officer of the consolidating body"),
            @ApiResponse(responseCode = "404", description = "no such plan or task"),
            @ApiResponse(responseCode = "409", description = "not a draft, or an older version")})
    PlanDetails changeTask(@PathVariable long id, @PathVariable String taskNumber, @RequestBody TaskChange body,
                           CurrentUser user) {
        return editor.changeTask(id, version(id, body.version(), user), taskNumber, body.input(), user).plan();
    }

    @DeleteMapping("/tasks/{taskNumber}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Remove a task of a DRAFT plan; the tasks after it move up a number",
            description = "The last task of a group is not removed (409): remove the group.")
    PlanDetails removeTask(@PathVariable long id, @PathVariable String taskNumber,
                           @Parameter(description = VERSION) @RequestParam(required = false) Integer version,
                           CurrentUser user) {
        return editor.removeTask(id, version(id, version, user), taskNumber, user).plan();
    }

    @PostMapping("/tasks/{taskNumber}/move")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Move a task to a position of its group, or of another group; both are renumbered")
    ResponseEntity<PlanDetails> moveTask(@PathVariable long id, @PathVariable String taskNumber,
                                         @RequestBody Move body, CurrentUser user) {
        PlanEdit edit = editor.moveTask(id, version(id, body.version(), user), taskNumber, body.group(), body.position(), user);
        return ResponseEntity.ok().location(taskUri(id, edit.number())).body(edit.plan());
    }

    @PostMapping("/groups")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Add a task group, with its first task, to a DRAFT plan",
            description = "The group joins the section of the group before it (\"III.\") and is numbered by its "
                    + "place; the groups after it move on a number.")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "the plan; Location: the new group"),
            @ApiResponse(responseCode = "400", description = "bad input, every problem at its field "
                    + "(`title`, `firstTask.lead[0]`…)")})
    ResponseEntity<PlanDetails> addGroup(@PathVariable long id, @RequestBody NewGroup body, CurrentUser user) {
        TaskInput first = body.firstTask() == null ? new TaskInput(null, null, null, null, null, null)
                : body.firstTask().input();
        PlanEdit edit = editor.addGroup(id, version(id, body.version(), user), body.position(),
                new GroupInput(body.title(), body.description()), first, user);
        return ResponseEntity.created(groupUri(id, edit.number())).body(edit.plan());
    }

    @PutMapping("/groups/{groupNumber}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Rename a task group of a DRAFT plan: its title and description")
    PlanDetails changeGroup(@PathVariable long id, @PathVariable String groupNumber, @RequestBody GroupChange body,
                            CurrentUser user) {
        return editor.changeGroup(id, version(id, body.version(), user), groupNumber,
                new GroupInput(body.title(), body.description()), user).plan();
    }

    @DeleteMapping("/groups/{groupNumber}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Remove a task group with its tasks; the groups after it move up a number",
            description = "The last group of a plan is not removed (409).")
    PlanDetails removeGroup(@PathVariable long id, @PathVariable String groupNumber,
                            @Parameter(description = VERSION) @RequestParam(required = false) Integer version,
                            CurrentUser user) {
        return editor.removeGroup(id, version(id, version, user), groupNumber, user).plan();
    }

    @PostMapping("/groups/{groupNumber}/move")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Move a task group to a position; it joins the section it is put in; all are renumbered")
    ResponseEntity<PlanDetails> moveGroup(@PathVariable long id, @PathVariable String groupNumber,
                                          @RequestBody Move body, CurrentUser user) {
        PlanEdit edit = editor.moveGroup(id, version(id, body.version(), user), groupNumber, body.position(), user);
        return ResponseEntity.ok().location(groupUri(id, edit.number())).body(edit.plan());
    }

    /** The version the edit names, once the caller is known to edit this plan (refused first, then checked). */
    private int version(long id, Integer version, CurrentUser user) {
        editor.checkEditable(id, user);
        return PlanEditor.version(version);
    }

    private static URI taskUri(long id, String number) {
        return UriComponentsBuilder.fromPath("/api/plans/{id}/tasks/{number}").buildAndExpand(id, number).encode().toUri();
    }

    private static URI groupUri(long id, String number) {
        return UriComponentsBuilder.fromPath("/api/plans/{id}/groups/{number}").buildAndExpand(id, number).encode().toUri();
    }

    @Schema(description = "A task as written: its number comes from its place")
    record TaskChange(@Schema(description = VERSION, requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                      @Schema(description = "Nội dung nhiệm vụ") String content,
                      @Schema(description = "Chủ trì: body codes, at least one", example = "[\"QNG-SNGV\"]") List<String> lead,
                      @Schema(description = "Phối hợp: body codes") List<String> cooperating,
                      @Schema(description = "yearly, ongoing, 2024, 2024-2030, 2023-10 or 2023-10-31; none when empty")
                      String timeline,
                      @Schema(description = "The timeline as printed, when it says more than the code") String timelineText,
                      @Schema(description = "assigned (giao, default) or requested (đề nghị)") TaskKind kind) {
        TaskInput input() {
            return new TaskInput(content, lead, cooperating, timeline, timelineText, kind);
        }
    }

    @Schema(description = "A new task: as a changed one, and where in its group")
    record NewTask(@Schema(description = VERSION, requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                   @Schema(description = "1-based position in the group; the end when absent") Integer position,
                   String content, List<String> lead, List<String> cooperating, String timeline, String timelineText,
                   TaskKind kind) {
        TaskInput input() {
            return new TaskInput(content, lead, cooperating, timeline, timelineText, kind);
        }
    }

    @Schema(description = "A group's heading")
    record GroupChange(@Schema(description = VERSION, requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                       String title, String description) {
    }

    @Schema(description = "A new group with its first task (a plan file has no empty group)")
    record NewGroup(@Schema(description = VERSION, requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                    @Schema(description = "1-based position among the groups; the end when absent") Integer position,
                    String title, String description, FirstTask firstTask) {
    }

    record FirstTask(String content, List<String> lead, List<String> cooperating, String timeline,
                     String timelineText, TaskKind kind) {
        TaskInput input() {
            return new TaskInput(content, lead, cooperating, timeline, timelineText, kind);
        }
    }

    @Schema(description = "Where to put a task or group")
    record Move(@Schema(description = VERSION, requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                @Schema(description = "For a task: the number of the group it goes to; its own when absent") String group,
                @Schema(description = "1-based position; the end when absent") Integer position) {
    }
}
