package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.Incidents;
import vn.ttdn.workflow.InstanceModifications;
import vn.ttdn.workflow.SupervisorActions;

/**
 * Supervisors' and administrators' actions on running instances, and incidents. Every action needs
 * a reason (400 with the problem at {@code reason}), is refused as a whole (403 outside a
 * supervisor's plans and for auditors; 404 for an unknown instance, task or incident), and is
 * appended to the audit record.
 */
@RestController
@Tag(name = "Supervision actions", description = "Remind, reassign, extend a deadline; move and migrate instances "
        + "(administrators); incidents and their retry")
class SupervisionActionsApiController {

    private final SupervisorActions actions;
    private final InstanceModifications modifications;
    private final Incidents incidents;

    SupervisionActionsApiController(SupervisorActions actions, InstanceModifications modifications,
                                    Incidents incidents) {
        this.actions = actions;
        this.modifications = modifications;
        this.incidents = incidents;
    }

    @PostMapping("/api/instances/{id}/remind")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Remind now, in-app and by e-mail to its officers and leaders, the body the instance's open "
            + "task waits for: {bodyCode?, reason} (without bodyCode, every body its open tasks wait for)")
    SupervisorActions.Reminded remind(@PathVariable String id, @RequestBody(required = false) SupervisorActions.Remind in,
                                      CurrentUser user) {
        return actions.remind(id, in, user);
    }

    @PostMapping("/api/instances/{id}/reassign")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Give an open task to another person of the body and role its candidate group names: "
            + "{taskId, username, reason}; a person of another body or role is refused (400 at username)")
    SupervisorActions.Reassigned reassign(@PathVariable String id, @RequestBody(required = false) SupervisorActions.Reassign in,
                                          CurrentUser user) {
        return actions.reassign(id, in, user);
    }

    @PostMapping("/api/instances/{id}/extend")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Move a deadline to the end of a later day: {taskId, until (yyyy-mm-dd), reason}. A body's "
            + "report task also moves the body's deadline in its round; on a round's own instance, without taskId, "
            + "the round's deadline for every body, its reminder and overdue timers with it")
    SupervisorActions.Extended extend(@PathVariable String id, @RequestBody(required = false) SupervisorActions.Extend in,
                                      CurrentUser user) {
        return actions.extend(id, in, user);
    }

    @PostMapping("/api/instances/{id}/move")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Administrators: move the instance from a step it stands at to another step of its model: "
            + "{fromActivityId, toActivityId, reason, preview}. preview (the default) changes nothing and tells what "
            + "would be cancelled and started; preview=false moves it")
    InstanceModifications.MoveReport move(@PathVariable String id, @RequestBody(required = false) InstanceModifications.Move in,
                                          CurrentUser user) {
        return modifications.move(id, in, user);
    }

    @PostMapping("/api/migrations")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Administrators: migrate running instances of a process to another deployed version of it "
            + "(equal activities mapped): {processKey, fromVersion, toVersion, instanceIds? (all of that version), "
            + "reason, preview}. preview (the default) validates the plan and each instance and changes nothing; "
            + "preview=false migrates every instance or none")
    InstanceModifications.MigrationReport migrate(@RequestBody(required = false) InstanceModifications.Migration in, CurrentUser user) {
        return modifications.migrate(in, user);
    }

    @GetMapping("/api/migrations/processes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Administrators: every deployed version of every process, with its running instances")
    List<InstanceModifications.ProcessVersion> versions(CurrentUser user) {
        return modifications.versions(user);
    }

    @GetMapping("/api/incidents")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
    @Operation(summary = "Open incidents (failed jobs) the caller may see, newest first: the error, since when, the "
            + "instance with its plan and body, the step, the job and its retries")
    List<Incidents.IncidentView> incidents(CurrentUser user) {
        return incidents.list(user);
    }

    @PostMapping("/api/incidents/{id}/retry")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Retry the incident's failed job: {reason}. The job gets one retry, due now; the job executor "
            + "runs it again")
    Incidents.Retried retry(@PathVariable String id, @RequestBody(required = false) Incidents.Retry in, CurrentUser user) {
        return incidents.retry(id, in, user);
    }
}
