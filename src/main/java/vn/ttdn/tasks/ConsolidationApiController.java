package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.ConsolidationHistory;
import vn.ttdn.reporting.Consolidations;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;

/**
 * A round's consolidated report and the documents of it and of each body's report. The steps
 * (submit, approve or return) are the tasks of {@code round-consolidation}, completed through
 * {@code /api/tasks/{id}/complete}.
 */
@RestController
@Tag(name = "Consolidation", description = "A round's consolidated report: the data, its history, DOCX/XLSX/PDF")
class ConsolidationApiController {

    /** The content type of each format a report is drawn in. */
    static final Map<String, String> TYPES = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pdf", MediaType.APPLICATION_PDF_VALUE);

    private final Consolidations consolidations;
    private final vn.ttdn.plan.PlanService plans;

    ConsolidationApiController(Consolidations consolidations, vn.ttdn.plan.PlanService plans) {
        this.consolidations = consolidations;
        this.plans = plans;
    }

    @GetMapping("/api/rounds/{id}/consolidation")
    @Operation(summary = "The consolidated report as data: per task and body, per body, the indicators, the narrative; "
            + "assembled now until submitted, as approved and sent after. 403 for a body other than the consolidating "
            + "one before it is sent")
    Consolidation get(@PathVariable long id, CurrentUser user) {
        return consolidations.view(id, user, RoundProcess.now());
    }

    @GetMapping("/api/rounds/{id}/consolidation/history")
    @Operation(summary = "Every version, step (with reasons), file (with SHA-256) and delivery of the consolidated report")
    ConsolidationHistory history(@PathVariable long id, CurrentUser user) {
        return consolidations.history(id, user);
    }

    @GetMapping("/api/rounds/{id}/consolidation/versions/{version}")
    @Operation(summary = "One version of the consolidated report as it was submitted (the approved one as approved)")
    Consolidation version(@PathVariable long id, @PathVariable int version, CurrentUser user) {
        return consolidations.version(id, version, user);
    }

    @GetMapping("/api/plans/{id}/consolidations")
    @Operation(summary = "The consolidated reports of the plan's rounds the caller may read: state, number, "
            + "the indicators' totals (for a chart over the years); 403 for a plan the caller may not read")
    java.util.List<Consolidations.Summary> ofPlan(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return consolidations.ofPlan(id, user, RoundProcess.now());
    }

    @GetMapping("/api/rounds/{id}/export")
    @Operation(summary = "The consolidated report as a document: format=docx (Decree 30/2020), xlsx (the matrix) or pdf; "
            + "once sent, the very file that was sent")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "docx") String format,
                                  CurrentUser user) {
        return file(consolidations.export(id, format, user, RoundProcess.now()), format);
    }

    @GetMapping("/api/rounds/{id}/reports/{body}/export")
    @Operation(summary = "One body's report as a document: format=docx, xlsx or pdf")
    ResponseEntity<byte[]> exportReport(@PathVariable long id, @PathVariable String body,
                                        @RequestParam(defaultValue = "docx") String format, CurrentUser user) {
        return file(consolidations.exportReport(id, body, format, user, RoundProcess.now()), format);
    }

    static ResponseEntity<byte[]> file(Consolidations.Export export, String format) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TYPES.get(format)))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.name() + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(export.content());
    }
}
