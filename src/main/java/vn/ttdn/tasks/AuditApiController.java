package vn.ttdn.tasks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.audit.AuditEntry;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.audit.AuditVerification;
import vn.ttdn.audit.CataloguedInstance;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;

/** The audit record over the API: an instance's timeline and model, a search, the chain's verification and head. */
@RestController
@RequestMapping("/api")
@Tag(name = "Audit", description = "History replay and the tamper-evident record (auditors, administrators; "
        + "supervisors for the timelines of the plans they follow)")
class AuditApiController {

    private final AuditRecord record;
    private final AuditAccess access;
    private final AuditWords words;
    private final CaseFiles caseFiles;
    private final vn.ttdn.workflow.InstanceModels models;

    AuditApiController(AuditRecord record, AuditAccess access, AuditWords words, CaseFiles caseFiles,
                       vn.ttdn.workflow.InstanceModels models) {
        this.record = record;
        this.access = access;
        this.words = words;
        this.caseFiles = caseFiles;
        this.models = models;
    }

    @GetMapping("/instances/{id}/case-file")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN', 'SUPERVISOR')")
    @Operation(summary = "The instance's case file (ZIP): its timeline as PDF and JSON, the plan's file, the files "
            + "attached, the report where the instance is one, and the chain verified at the moment of export")
    ResponseEntity<byte[]> caseFile(@PathVariable String id, CurrentUser user) {
        CataloguedInstance instance = access.readable(id, user);
        byte[] zip = caseFiles.zip(instance, models.nameOf(instance.processKey()), user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-" + id + ".zip\"").body(zip);
    }

    /** One line of a timeline: the event and how it reads. */
    record Line(AuditEntry event, String label, String detail) {
    }

    record Timeline(CataloguedInstance instance, List<Line> events, List<CataloguedInstance> called) {
    }

    @GetMapping("/instances/{id}/timeline")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN', 'SUPERVISOR')")
    @Operation(summary = "Every event of a process instance, running or finished, in order: what, who (and their "
            + "body as named that day), when, what was submitted; and the instances it called")
    Timeline timeline(@PathVariable String id, CurrentUser user) {
        CataloguedInstance instance = access.readable(id, user);
        return new Timeline(instance, lines(record.timeline(id)), record.calledBy(id));
    }

    @GetMapping("/instances/{id}/model")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN', 'SUPERVISOR')")
    @Operation(summary = "The BPMN model the instance ran on, for drawing its replay")
    Map<String, String> model(@PathVariable String id, CurrentUser user) {
        return Map.of("xml", access.model(access.readable(id, user)));
    }

    @GetMapping("/audit/events")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "Search the record by plan, body (the actor's, that day), person, step and period; newest first")
    List<Line> search(@RequestParam(required = false) Long plan, @RequestParam(required = false) String body,
                      @RequestParam(required = false) String person, @RequestParam(required = false) String step,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "100") int limit) {
        return lines(record.search(plan, body, person, step, from, to, limit));
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "Recompute the chain: intact with its count and head, or the first seal that does not "
            + "hold; with seq and hash (a head kept earlier) the chain must also hold that hash there")
    AuditVerification verify(@Parameter(description = "a kept head's number") @RequestParam(required = false) Long seq,
                             @Parameter(description = "a kept head's hash") @RequestParam(required = false) String hash) {
        return seq == null ? record.verify() : record.verify(seq, hash == null ? "" : hash.trim().toLowerCase());
    }

    @GetMapping("/audit/head")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "The chain's head to keep elsewhere (JSON, or format=text: a dated text file to print)")
    ResponseEntity<?> head(@RequestParam(defaultValue = "json") String format) {
        AuditVerification.Head head = record.head().orElseThrow(() -> new NotFoundException("Nothing sealed yet"));
        if (!"text".equals(format)) {
            return ResponseEntity.ok(head);
        }
        String day = head.sealedAt().atZoneSameInstant(ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));
        String text = words.headText(head.seq(), head.hash(), head.eventId(), day);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dau-chuoi-" + head.seq() + ".txt\"")
                .body(text);
    }

    private List<Line> lines(List<AuditEntry> entries) {
        return words.lines(entries);
    }
}
