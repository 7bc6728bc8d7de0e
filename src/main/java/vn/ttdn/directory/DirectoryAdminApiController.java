package vn.ttdn.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;

/**
 * Directory administration over the API (administrators only; anyone else gets 403 and nothing
 * changes): bodies and people created and changed, a body's end recorded, the directory file
 * imported (or tried: {@code dryRun=true}) and exported, each body's and person's changes.
 * Bodies and people are sent as the directory file writes them (docs/directory-format.md).
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Directory administration", description = "Bodies, people, the directory file (administrators)")
class DirectoryAdminApiController {

    /** The largest directory file accepted. */
    static final int MAX_FILE_SIZE = 5 * 1024 * 1024;
    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final DirectoryAdmin admin;
    private final ProblemMessages messages;

    DirectoryAdminApiController(DirectoryAdmin admin, ProblemMessages messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @PostMapping("/bodies")
    @Operation(summary = "Create a body (code, name, shortName, kind, level, parent, register, validFrom, validTo, "
            + "successors, members); 400 lists each problem by its field, 409 for a code in use")
    ResponseEntity<BodyView> createBody(@RequestBody JsonNode entry, Principal actor) {
        BodyView body = admin.createBody(entry, actor.getName());
        return ResponseEntity.created(URI.create("/api/bodies/" + body.code())).body(body);
    }

    @PutMapping("/bodies/{code}")
    @Operation(summary = "Replace a body's fields (the code stays; a field left out is cleared)")
    BodyView replaceBody(@PathVariable String code, @RequestBody JsonNode entry, Principal actor) {
        return admin.replaceBody(code, entry, actor.getName());
    }

    @PatchMapping("/bodies/{code}")
    @Operation(summary = "Change the fields given of a body, the others as they are")
    BodyView patchBody(@PathVariable String code, @RequestBody JsonNode patch, Principal actor) {
        return admin.patchBody(code, patch, actor.getName());
    }

    @PostMapping("/bodies/{code}/end")
    @Operation(summary = "Record a body's end: {on (its last day), successors: [{code, relation, takesOver}]}; "
            + "publishes BodyEnded so that its open work moves; 409 for a body that has ended")
    BodyView endBody(@PathVariable String code, @RequestBody JsonNode end, Principal actor) {
        return admin.endBody(code, end, actor.getName());
    }

    @GetMapping("/bodies/{code}/changes")
    @Operation(summary = "Every change to the body, and to the people who joined or left it: who, when, "
            + "before and after; the latest first")
    List<DirectoryChange> bodyChanges(@PathVariable String code) {
        return admin.changesOfBody(code);
    }

    @GetMapping("/people")
    @Operation(summary = "Every person with body, since when, e-mail, roles and whether enabled (no password)")
    List<PersonDetails> people() {
        return admin.people();
    }

    @GetMapping("/people/{username}")
    @Operation(summary = "One person, with the bodies they worked for before")
    PersonPage person(@PathVariable String username) {
        return new PersonPage(admin.person(username).orElseThrow(() -> new NotFoundException("No person " + username)),
                admin.formerBodies(username));
    }

    record PersonPage(PersonDetails person, List<PersonDetails.FormerBody> formerBodies) {
    }

    @PostMapping("/people")
    @Operation(summary = "Create a person (username, fullName, title, body, bodySince, email, roles, enabled); "
            + "they have no password that works until an administrator sets one; 409 for a username in use")
    ResponseEntity<PersonDetails> createPerson(@RequestBody JsonNode entry, Principal actor) {
        PersonDetails person = admin.createPerson(entry, actor.getName());
        return ResponseEntity.created(URI.create("/api/people/" + person.username())).body(person);
    }

    @PutMapping("/people/{username}")
    @Operation(summary = "Replace a person's fields (a new body is a move, from bodySince or today; "
            + "enabled false deactivates)")
    PersonDetails replacePerson(@PathVariable String username, @RequestBody JsonNode entry, Principal actor) {
        return admin.replacePerson(username, entry, actor.getName());
    }

    @PatchMapping("/people/{username}")
    @Operation(summary = "Change the fields given of a person: {body, bodySince} moves them, roles grants and "
            + "withdraws, enabled deactivates or reactivates")
    PersonDetails patchPerson(@PathVariable String username, @RequestBody JsonNode patch, Principal actor) {
        return admin.patchPerson(username, patch, actor.getName());
    }

    @GetMapping("/people/{username}/changes")
    @Operation(summary = "Every change to the person: who, when, before and after; the latest first")
    List<DirectoryChange> personChanges(@PathVariable String username) {
        admin.person(username).orElseThrow(() -> new NotFoundException("No person " + username));
        return admin.changesOfPerson(username);
    }

    @PostMapping(path = "/directory/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "application/json", "text/plain", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import a directory file (bodies and people, YAML or JSON): what is added, changed and "
            + "left as it is; every problem by its path (400) and then nothing is written; with dryRun=true "
            + "nothing is written in any case")
    ResponseEntity<?> importFile(@Parameter(description = "try the file, write nothing")
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 HttpServletRequest request, Principal actor) throws IOException {
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes(MAX_FILE_SIZE + 1);
        }
        if (content.length > MAX_FILE_SIZE) {
            return refused(HttpStatus.PAYLOAD_TOO_LARGE, "Directory file too large", null, List.of(InputProblem.of(
                    "", "directory.fileTooLarge", "at most " + MAX_FILE_SIZE + " bytes", String.valueOf(MAX_FILE_SIZE))));
        }
        ImportResult result = admin.importFile(content, dryRun, actor.getName());
        if (result.refused()) {
            return refused(HttpStatus.BAD_REQUEST, "Invalid directory file", result, result.problems());
        }
        return ResponseEntity.ok(result);
    }

    @GetMapping("/directory/export")
    @Operation(summary = "The directory as a file (YAML): every body and person; importing it again changes nothing")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok().contentType(YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"danh-ba.yaml\"")
                .body(admin.export());
    }

    /** A problem document with every problem (in Vietnamese too), and what the import would have done. */
    private ResponseEntity<ProblemDetail> refused(HttpStatus status, String title, ImportResult result,
                                                  List<InputProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, title);
        problem.setTitle(title);
        problem.setProperty("errors", problems.stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("path", p.path());
            error.put("message", p.message());
            error.put("code", p.code());
            error.put("text", messages.describe(p, VI));
            return error;
        }).toList());
        if (result != null) {
            problem.setProperty("dryRun", result.dryRun());
            problem.setProperty("written", false);
            problem.setProperty("bodies", result.bodies());
            problem.setProperty("people", result.people());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
