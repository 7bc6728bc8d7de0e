package vn.ttdn.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Directory", description = "Bodies (cơ quan, đơn vị) and people")
class DirectoryApiController {

    private final DirectoryService directory;

    DirectoryApiController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/bodies")
    @Operation(summary = "The directory of bodies, with parents, validity and successors")
    List<BodyView> bodies() {
        return directory.bodies();
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "People with their body and roles (administrators only)")
    List<UserLine> users() {
        return directory.people().stream()
                .map(p -> new UserLine(p.username(), p.fullName(), p.body(), p.roles().stream().sorted().toList()))
                .toList();
    }

    record UserLine(String username, String fullName, BodyRef body, List<Role> roles) {
    }
}
