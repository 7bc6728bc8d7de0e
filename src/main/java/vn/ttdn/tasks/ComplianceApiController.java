package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.reporting.Compliance;
import vn.ttdn.reporting.ComplianceMatrix;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;

/**
 * The supervisors' compliance matrix of a plan over the API: per body asked in the year's round and
 * per task, whether its report came in on time, late, after a return, not at all, or is still due; with
 * the plan's yearly rounds over the years. Supervisors for the plans they follow (another plan answers
 * 403, {@code compliance.outOfScope}), auditors and administrators for every plan; nobody else (403).
 */
@RestController
@Tag(name = "Compliance", description = "Per plan and year: who reported on which task on time, late, after a "
        + "return, not at all; and the plan's yearly rounds over the years")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
class ComplianceApiController {

    private final Compliance compliance;

    ComplianceApiController(Compliance compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/api/plans/{planId}/compliance")
    @Operation(summary = "The plan's compliance matrix for a year: {plan, year, years (the years with a round that "
            + "opened), rounds (the year's rounds, the yearly first), round (the one shown), groups: [{number, title, "
            + "tasks: [{number, content}]}], bodies: [{code, name, replaces, kind, state, late, returns, deadline, "
            + "submittedAt, receivedAt, reportNumber, status, cells: {taskNumber: {status, role}}, counts}], "
            + "taskTotals: {taskNumber: counts}, bodyTotals, cellTotals, overYears: [{year, roundId, status, deadline, "
            + "asked, counts, onTimePercent}]}. A status is ON_TIME, RETURNED (returned or sent back at least once, "
            + "then in on time), LATE (in after its deadline, returned or not), MISSING (not in when the round "
            + "closed, or past its deadline and not in), PENDING (not in, not due yet); counts name every status. "
            + "400 lists each problem of year and round; 403 for a plan the caller does not follow; 404 unknown plan")
    ComplianceMatrix matrix(@PathVariable long planId,
                            @Parameter(description = "the year (2000–2100); default: the year of the plan's latest "
                                    + "round that opened") @RequestParam(required = false) String year,
                            @Parameter(description = "a round of the year to show instead of its yearly round (a "
                                    + "six-month or ad-hoc round)") @RequestParam(required = false) String round,
                            CurrentUser user) {
        return compliance.matrix(planId, year, round, user, RoundProcess.today());
    }
}
