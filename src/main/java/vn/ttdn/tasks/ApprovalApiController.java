package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ttdn.approval.ApprovalRecord;
import vn.ttdn.approval.Approvals;
import vn.ttdn.approval.AttachmentView;
import vn.ttdn.approval.Attachments;
import vn.ttdn.approval.NotificationView;
import vn.ttdn.approval.Notifications;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.Registers;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.ApprovalProcess;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Approval", description = "A plan's approval chain: start it, its record, attachments, registers, notices")
class ApprovalApiController {

    private final ApprovalProcess process;
    private final Approvals approvals;
    private final Attachments attachments;
    private final Registers registers;
    private final Notifications notifications;
    private final PlanService plans;

    ApprovalApiController(ApprovalProcess process, Approvals approvals, Attachments attachments, Registers registers,
                          Notifications notifications, PlanService plans) {
        this.process = process;
        this.approvals = approvals;
        this.attachments = attachments;
        this.registers = registers;
        this.notifications = notifications;
        this.plans = plans;
    }

    @PostMapping("/api/plans/{id}/approval")
    @Operation(summary = "Start the approval of a draft plan (officers of its consolidating body)")
    ResponseEntity<Map<String, String>> start(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        String instance = process.start(id, user);
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/approval"))
                .body(Map.of("processInstanceId", instance));
    }

    @GetMapping("/api/plans/{id}/approval")
    @Operation(summary = "Everything the chain recorded: Tờ trình versions, steps with reasons, consultation, "
            + "attachments, numbers")
    ApprovalRecord record(@PathVariable long id, CurrentUser user) {
        plans.get(id, user);
        return approvals.record(id);
    }

    @GetMapping(path = "/api/plans/{id}/approval/versions/{version}/plan", produces = "application/yaml")
    @Operation(summary = "The plan as it stood when Tờ trình version {version} was submitted (a plan file)")
    ResponseEntity<String> planAsSubmitted(@PathVariable long id, @PathVariable int version, CurrentUser user) {
        plans.get(id, user);
        try {
            return ResponseEntity.ok(approvals.planSnapshot(id, version));
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            throw new NotFoundException("No version " + version + " of plan " + id);
        }
    }

    @GetMapping("/api/plans/{id}/process")
    @Operation(summary = "The model of the plan's latest approval with the activities passed and active")
    ApprovalProcess.Diagram diagram(@PathVariable long id, CurrentUser user) {
        PlanDetails plan = plans.get(id, user);
        return process.diagram(plan.code()).orElseThrow(() -> new NotFoundException("No approval of plan " + id));
    }

    @PostMapping(path = "/api/plans/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a PDF or DOCX (at most 20 MB) to the Tờ trình while the plan is a draft")
    ResponseEntity<AttachmentView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                          CurrentUser user) throws IOException {
        plans.get(id, user);
        AttachmentView added = attachments.add(id, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/attachments/" + added.id())).body(added);
    }

    @GetMapping("/api/plans/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, CurrentUser user) {
        plans.get(id, user);
        AttachmentView view = attachments.view(id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(view.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(view.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(attachments.content(id, attachmentId));
    }

    @GetMapping("/api/registers/{bodyCode}/{year}")
    @Operation(summary = "The numbers a body's register gave in a year, voided ones with their reason (its own "
            + "people and its successor's, its supervisors, auditors and administrators)")
    List<RegisterEntry> register(@PathVariable String bodyCode, @PathVariable int year, CurrentUser user) {
        return registers.entries(bodyCode, year, user);
    }

    record VoidRequest(String reason) {
    }

    @PostMapping("/api/registers/entries/{entryId}/void")
    @Operation(summary = "Void an issued number with its reason (the body's clerks); it is never given again")
    RegisterEntry voidEntry(@PathVariable long entryId, @RequestBody VoidRequest request, CurrentUser user) {
        return registers.voidEntry(entryId, request.reason(), user);
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The latest notices to the caller's body")
    List<NotificationView> notifications(CurrentUser user) {
        return notifications.forUser(user, 50);
    }
}
