package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.ApprovalProcess.Diagram;
import vn.ttdn.workflow.InstanceDetail;
import vn.ttdn.workflow.InstancePage;
import vn.ttdn.workflow.ProcessCounts;
import vn.ttdn.workflow.Supervision;

/**
 * The supervisors' live view over the API: the running instances and where they wait, one instance,
 * each process's counts per step. Supervisors see the instances of the plans they follow (another
 * plan's instance answers 403, reason {@code supervision.outOfScope}); administrators and auditors
 * see every one; anybody else is refused (403).
 */
@RestController
@Tag(name = "Supervision", description = "Running process instances: where each waits, who holds it, how late; "
        + "counts per state and per step")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
class SupervisionApiController {

    private final Supervision supervision;

    SupervisionApiController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/api/instances")
    @Operation(summary = "The running instances the caller follows, the most overdue first, then the oldest: "
            + "{page, size, total, counts: {running, waitingOnPerson, overdue, withIncident}, items: [{instanceId, "
            + "processKey, processName, plan, round, body, parentInstanceId, startedAt, due, overdue, lateDays, "
            + "lateWorkingDays, incidents, waits: [{activityId, activityName, kind, taskId, holder, subInstances, "
            + "since, due, overdue, lateDays, lateWorkingDays}]}]}; page counts from 0, size 1 to 100 (20); "
            + "400 lists each problem of the filter; 403 for a plan the caller does not follow")
    InstancePage list(@Parameter(description = "plan id") @RequestParam(required = false) String plan,
                      @Parameter(description = "body code: the body an instance concerns or a body its open task is offered to")
                      @RequestParam(required = false) String body,
                      @Parameter(description = "process key, e.g. agency-report") @RequestParam(required = false) String process,
                      @Parameter(description = "activity id of the step it waits at") @RequestParam(required = false) String step,
                      @Parameter(description = "true: only the overdue") @RequestParam(required = false) String overdue,
                      @Parameter(description = "the round's year, or the year it started") @RequestParam(required = false) String year,
                      @Parameter(description = "round id") @RequestParam(required = false) String round,
                      @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                      CurrentUser user) {
        InstanceQuery query = InstanceQuery.read(plan, body, process, step, overdue, year, round, page, size).orRefuse();
        return supervision.list(query.filter(), query.page(), query.size(), user);
    }

    @GetMapping("/api/instances/{id}")
    @Operation(summary = "One instance, running or ended: its row (plan, round, body, where it waits), parent, "
            + "children, the activity instances active now, its open tasks, its incidents; 404 if unknown, "
            + "403 (supervision.outOfScope) for a plan the caller does not follow")
    InstanceDetail get(@PathVariable String id, CurrentUser user) {
        return supervision.instance(id, user);
    }

    @GetMapping("/api/instances/{id}/diagram")
    @Operation(summary = "The instance's model with where it is and where it has been: {processInstanceId, ended, "
            + "xml, active, completed}")
    Diagram diagram(@PathVariable String id, CurrentUser user) {
        return supervision.diagram(id, user);
    }

    @GetMapping("/api/processes/{key}/counts")
    @Operation(summary = "Per step of the process, how many of the running instances the caller follows wait there "
            + "and how many are overdue (lateness none, some or most), with the BPMN XML of its latest version; "
            + "the list's filters plan, body, year and round apply; 404 for an unknown process")
    ProcessCounts counts(@PathVariable String key, @RequestParam(required = false) String plan,
                         @RequestParam(required = false) String body, @RequestParam(required = false) String year,
                         @RequestParam(required = false) String round, CurrentUser user) {
        InstanceQuery query = InstanceQuery.read(plan, body, null, null, null, year, round, null, null).orRefuse();
        return supervision.counts(key, query.filter(), user);
    }
}
