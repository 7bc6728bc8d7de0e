package vn.ttdn.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.security.CurrentUser;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans", description = "Plans (Kế hoạch) as data: import, list, read, export")
class PlanApiController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final PlanService plans;

    PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json", "text/plain",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    @Operation(summary = "Import a plan file (YAML or JSON, docs/plan-format.md) as a DRAFT plan")
    ResponseEntity<PlanDetails> importPlan(HttpServletRequest request, CurrentUser user) throws IOException {
        PlanDetails plan = plans.importPlan(readBounded(request), user);
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(plan);
    }

    @GetMapping
    @Operation(summary = "The plans the caller may read")
    List<PlanSummary> list(CurrentUser user) {
        return plans.list(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A whole plan: groups, tasks, bodies, reporting rule, recipients")
    PlanDetails get(@PathVariable long id, CurrentUser user) {
        return plans.get(id, user);
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "The plan as a plan file; importing it again gives the same plan")
    ResponseEntity<byte[]> export(@PathVariable long id, CurrentUser user) {
        PlanFile file = plans.export(id, user);
        return ResponseEntity.ok()
                .contentType(new MediaType(YAML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.code() + ".yaml\"")
                .body(plans.exportFile(id, user));
    }

    /** Reads the body, but never more than one byte past the limit: the service refuses what is over. */
    private byte[] readBounded(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, plans.maxFileSize() + 1));
        }
    }
}
