package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.AdhocRoundInput;
import vn.ttdn.reporting.ReportView;
import vn.ttdn.reporting.Reports;
import vn.ttdn.reporting.RoundView;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.workflow.RoundProcess;

@RestController
@Tag(name = "Report rounds", description = "A plan's report rounds: list, open one (ad hoc, or now), close, read the reports")
class RoundApiController {

    private final RoundProcess process;
    private final Rounds rounds;
    private final Reports reports;
    private final PlanService plans;

    RoundApiController(RoundProcess process, Rounds rounds, Reports reports, PlanService plans) {
        this.process = process;
        this.rounds = rounds;
        this.reports = reports;
        this.plans = plans;
    }

    @GetMapping("/api/plans/{id}/rounds")
    @Operation(summary = "The plan's report rounds the caller may read, by deadline")
    List<RoundView> ofPlan(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return rounds.ofPlan(id, user);
    }

    @PostMapping("/api/plans/{id}/rounds")
    @Operation(summary = "Open a round at once: {kind: adhoc|yearly, label?, deadline, bodies?, tasks?} "
            + "(officers of the consolidating body); 400 lists each problem")
    ResponseEntity<RoundView> create(@PathVariable long id, @RequestBody AdhocRoundInput in, CurrentUser user) {
        plans.get(id, user);
        long roundId = process.create(id, in, user);
        return ResponseEntity.created(URI.create("/api/rounds/" + roundId)).body(rounds.view(roundId, user));
    }

    @GetMapping("/api/rounds/{id}")
    @Operation(summary = "One round: its dates, status, the bodies asked with their state, the counts")
    RoundView get(@PathVariable long id, CurrentUser user) {
        return rounds.view(id, user);
    }

    @GetMapping("/api/rounds/{id}/process")
    @Operation(summary = "The round's process: {processInstanceId, ended, xml, active, completed}")
    vn.ttdn.workflow.ApprovalProcess.Diagram process(@PathVariable long id, CurrentUser user) {
        rounds.view(id, user);
        return process.diagram(id).orElseThrow(() -> new vn.ttdn.system.NotFoundException("No process of round " + id));
    }

    @PostMapping("/api/rounds/{id}/open-now")
    @Operation(summary = "Open a scheduled round now, as if its opening day had come (its timer fires)")
    RoundView openNow(@PathVariable long id, CurrentUser user) {
        process.openNow(id, user);
        return rounds.view(id, user);
    }

    @PostMapping("/api/rounds/{id}/close")
    @Operation(summary = "Close the round: what is not in counts as missing; it stands ready to consolidate")
    RoundView close(@PathVariable long id, CurrentUser user) {
        process.close(id, user);
        return rounds.view(id, user);
    }

    @PostMapping(path = "/api/rounds/{id}/reports/{body}/attachments",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a PDF, DOCX or XLSX (at most 20 MB) to the body's report while its officer drafts it")
    ResponseEntity<vn.ttdn.approval.AttachmentView> attach(@PathVariable long id, @PathVariable String body,
                                                           @org.springframework.web.bind.annotation.RequestParam("file")
                                                           org.springframework.web.multipart.MultipartFile file,
                                                           CurrentUser user) throws java.io.IOException {
        vn.ttdn.approval.AttachmentView added = reports.attach(id, body, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/rounds/" + id + "/reports/" + body + "/attachments/" + added.id()))
                .body(added);
    }

    @GetMapping("/api/rounds/{id}/reports/{body}/attachments/{attachmentId}")
    @Operation(summary = "Download a file of the body's report")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String body, @PathVariable long attachmentId,
                                    CurrentUser user) {
        vn.ttdn.approval.AttachmentView view = reports.file(id, body, attachmentId, user);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(view.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(view.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(reports.fileContent(id, body, attachmentId, user));
    }

    @GetMapping("/api/rounds/{id}/reports/{body}")
    @Operation(summary = "One body's report in the round, every version and every step")
    ReportView report(@PathVariable long id, @PathVariable String body, CurrentUser user) {
        return reports.report(id, body, user);
    }
}
