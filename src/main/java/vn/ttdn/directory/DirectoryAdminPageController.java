package vn.ttdn.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.system.Wording;

/**
 * The directory's pages beyond the list: a body's page (for everyone signed in; its change history
 * for administrators, supervisors and auditors; the forms to edit it and record its end for
 * administrators), creating a body, the people list and a person's page, and importing the
 * directory file (a dry run shown first, then confirmed). Plain forms: POST, then a redirect.
 */
@Controller
class DirectoryAdminPageController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Successor rows the end form offers. */
    static final int END_ROWS = 3;

    private final DirectoryService directory;
    private final DirectoryAdmin admin;
    private final Accounts accounts;
    private final ProblemMessages problemMessages;

    DirectoryAdminPageController(DirectoryService directory, DirectoryAdmin admin, Accounts accounts,
                                 ProblemMessages problemMessages) {
        this.directory = directory;
        this.admin = admin;
        this.accounts = accounts;
        this.problemMessages = problemMessages;
    }

    // ---- a body ----------------------------------------------------------------------------

    @GetMapping("/danh-ba/{code:[A-Z0-9][A-Z0-9-]*}")
    String body(@PathVariable String code, Authentication auth, Model model) {
        BodyView body = directory.body(code).orElseThrow(() -> new NotFoundException("No body " + code));
        Map<String, BodyView> all = byCode();
        model.addAttribute("body", body);
        model.addAttribute("parent", body.parent() == null ? null : ref(body.parent(), all));
        model.addAttribute("successors", body.successors().stream()
                .map(s -> new SuccessorRow(ref(s.code(), all), s.relation(), s.takesOver())).toList());
        model.addAttribute("members", body.members().stream().map(m -> ref(m, all)).toList());
        model.addAttribute("former", body.validTo() != null && body.validTo().isBefore(LocalDate.now(VIETNAM)));
        boolean isAdmin = has(auth, Role.ADMIN);
        model.addAttribute("isAdmin", isAdmin);
        if (isAdmin || has(auth, Role.SUPERVISOR) || has(auth, Role.AUDITOR)) {
            model.addAttribute("changes", admin.changesOfBody(code));
        }
        if (isAdmin) {
            model.addAttribute("people", admin.people().stream().filter(p -> code.equals(p.body())).toList());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", BodyForm.of(body));
            }
            choices(model, all);
        }
        return "directory/body";
    }

    @PostMapping("/danh-ba/{code:[A-Z0-9][A-Z0-9-]*}/sua")
    @PreAuthorize("hasRole('ADMIN')")
    String editBody(@PathVariable String code, BodyForm form, Principal actor, Authentication auth, Locale locale,
                    Model model, RedirectAttributes redirect) {
        return save(() -> {
            admin.patchBody(code, form.entry(false), actor.getName());
            return code;
        }, "directory.admin.done.bodySaved", "/danh-ba/", form, locale, model, redirect, () -> body(code, auth, model));
    }

    @PostMapping("/danh-ba/{code:[A-Z0-9][A-Z0-9-]*}/ket-thuc")
    @PreAuthorize("hasRole('ADMIN')")
    String endBody(@PathVariable String code, @RequestParam(required = false) String on,
                   @RequestParam MultiValueMap<String, String> params, Principal actor, Authentication auth,
                   Locale locale, Model model, RedirectAttributes redirect) {
        ObjectNode end = NODES.objectNode();
        put(end, "on", on);
        ArrayNode successors = end.putArray("successors");
        List<String> codes = params.getOrDefault("successorCode", List.of());
        List<String> relations = params.getOrDefault("successorRelation", List.of());
        List<String> takes = params.getOrDefault("successorTakesOver", List.of());
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || codes.get(i).isBlank()) {
                continue;
            }
            ObjectNode line = successors.addObject();
            put(line, "code", codes.get(i));
            put(line, "relation", i < relations.size() ? relations.get(i) : null);
            put(line, "takesOver", i < takes.size() ? takes.get(i) : null);
        }
        if (params.containsKey("movePeople") && !successors.isEmpty()) {
            end.put("movePeopleTo", successors.get(0).path("code").asText());
        }
        return save(() -> {
            admin.endBody(code, end, actor.getName());
            return code;
        }, "directory.admin.done.bodyEnded", "/danh-ba/", null, locale, model, redirect, () -> body(code, auth, model));
    }

    @GetMapping("/danh-ba/moi")
    @PreAuthorize("hasRole('ADMIN')")
    String newBody(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BodyForm(null, null, null, null, null, null, null, null, null, null));
        }
        choices(model, byCode());
        return "directory/new-body";
    }

    @PostMapping("/danh-ba/moi")
    @PreAuthorize("hasRole('ADMIN')")
    String createBody(BodyForm form, Principal actor, Locale locale, Model model, RedirectAttributes redirect) {
        return save(() -> admin.createBody(form.entry(true), actor.getName()).code(),
                "directory.admin.done.bodyCreated", "/danh-ba/", form, locale, model, redirect, () -> newBody(model));
    }

    // ---- people ----------------------------------------------------------------------------

    @GetMapping("/danh-ba/nguoi")
    @PreAuthorize("hasRole('ADMIN')")
    String people(Model model) {
        Map<String, BodyView> all = byCode();
        model.addAttribute("people", admin.people().stream()
                .map(p -> new PersonRow(p, ref(p.body(), all))).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PersonForm(null, null, null, null, null, null, List.of(), true));
        }
        choices(model, all);
        return "directory/people";
    }

    @PostMapping("/danh-ba/nguoi")
    @PreAuthorize("hasRole('ADMIN')")
    String createPerson(PersonForm form, Principal actor, Locale locale, Model model, RedirectAttributes redirect) {
        return save(() -> admin.createPerson(form.entry(true), actor.getName()).username(),
                "directory.admin.done.personCreated", "/danh-ba/nguoi/", form, locale, model, redirect,
                () -> people(model));
    }

    @GetMapping("/danh-ba/nguoi/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String person(@PathVariable String username, Model model) {
        PersonDetails person = admin.person(username).orElseThrow(() -> new NotFoundException("No " + username));
        Map<String, BodyView> all = byCode();
        model.addAttribute("person", person);
        model.addAttribute("personBody", ref(person.body(), all));
        model.addAttribute("formerBodies", admin.formerBodies(username).stream()
                .map(f -> new FormerRow(ref(f.body(), all), f.from(), f.to())).toList());
        model.addAttribute("changes", admin.changesOfPerson(username));
        model.addAttribute("hasPassword", accounts.hasPassword(username));
        model.addAttribute("minLength", String.valueOf(PasswordPolicy.MIN_LENGTH));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PersonForm.of(person));
        }
        choices(model, all);
        return "directory/person";
    }

    @PostMapping("/danh-ba/nguoi/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    String editPerson(@PathVariable String username, PersonForm form, Principal actor, Locale locale, Model model,
                      RedirectAttributes redirect) {
        return save(() -> {
            admin.patchPerson(username, form.entry(false), actor.getName());
            return username;
        }, "directory.admin.done.personSaved", "/danh-ba/nguoi/", form, locale, model, redirect,
                () -> person(username, model));
    }

    /** "Đặt lại mật khẩu": a password the person must change at their next sign-in. */
    @PostMapping("/danh-ba/nguoi/{username}/mat-khau")
    @PreAuthorize("hasRole('ADMIN')")
    String setPassword(@PathVariable String username, @RequestParam(required = false) String password,
                       @RequestParam(required = false) String confirmPassword, Principal actor, Locale locale,
                       Model model, RedirectAttributes redirect) {
        return save(() -> {
            if (password != null && !password.equals(confirmPassword)) {
                throw new InvalidInputException("The password was not set", List.of(InputProblem.of(
                        "confirmPassword", "account.confirmationDiffers", "The two passwords differ")));
            }
            accounts.setByAdministrator(username, password, actor.getName());
            return username;
        }, "directory.admin.done.passwordSet", "/danh-ba/nguoi/", null, locale, model, redirect,
                () -> person(username, model));
    }

    // ---- the file --------------------------------------------------------------------------

    @GetMapping("/danh-ba/nhap")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm() {
        return "directory/import";
    }

    /** Tries the file (a dry run): what it would add, change and leave, and its problems; then "confirm". */
    @PostMapping("/danh-ba/nhap")
    @PreAuthorize("hasRole('ADMIN')")
    String tryImport(@RequestParam(name = "file", required = false) MultipartFile file, Principal actor,
                     Locale locale, Model model) throws IOException {
        if (file == null || file.isEmpty() || file.getSize() > DirectoryAdminApiController.MAX_FILE_SIZE) {
            model.addAttribute("problems", List.of(new ShownProblem("", problemMessages.describe(InputProblem.of("",
                    "directory.fileMissing", "choose a directory file"), locale))));
            return importForm();
        }
        byte[] content = file.getBytes();
        return showResult(admin.importFile(content, true, actor.getName()), file.getOriginalFilename(),
                Base64.getUrlEncoder().encodeToString(content), locale, model);
    }

    @PostMapping("/danh-ba/nhap/xac-nhan")
    @PreAuthorize("hasRole('ADMIN')")
    String confirmImport(@RequestParam(required = false) String content, @RequestParam(required = false) String fileName,
                         Principal actor, Locale locale, Model model, RedirectAttributes redirect) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(content == null ? "" : content.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        ImportResult result = admin.importFile(bytes, false, actor.getName());
        if (!result.written()) {
            return showResult(result, fileName, content, locale, model);
        }
        redirect.addFlashAttribute("done", Wording.of("directory.admin.done.imported",
                String.valueOf(result.bodies().added().size()), String.valueOf(result.bodies().changed().size()),
                String.valueOf(result.people().added().size()), String.valueOf(result.people().changed().size())));
        return "redirect:/danh-ba/nhap";
    }

    private String showResult(ImportResult result, String fileName, String content, Locale locale, Model model) {
        model.addAttribute("result", result);
        model.addAttribute("fileName", fileName);
        model.addAttribute("fileContent", content);
        if (result.refused()) {
            model.addAttribute("problems", result.problems().stream()
                    .map(p -> new ShownProblem(p.path(), problemMessages.describe(p, locale))).toList());
        }
        return importForm();
    }

    /** A body or person that is not there: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    // ---- shared ----------------------------------------------------------------------------

    /**
     * An administrator's change from a page: done, a notice and the page of what changed
     * ({@code path} + the key the change answers); refused, the same page again with each problem and
     * the form as it was filled ({@code form}, when there is one).
     */
    private String save(java.util.function.Supplier<String> change, String doneKey, String path, Object form,
                        Locale locale, Model model, RedirectAttributes redirect,
                        java.util.function.Supplier<String> again) {
        try {
            String key = change.get();
            redirect.addFlashAttribute("done", Wording.of(doneKey, key));
            return "redirect:" + path + key;
        } catch (InvalidInputException e) {
            if (form != null) {
                model.addAttribute("form", form);
            }
            shown(e, locale, model);
            return again.get();
        }
    }

    private void shown(InvalidInputException e, Locale locale, Model model) {
        model.addAttribute("problems", e.problems().stream()
                .map(p -> new ShownProblem(p.path(), problemMessages.describe(p, locale))).toList());
    }

    private void choices(Model model, Map<String, BodyView> all) {
        model.addAttribute("allBodies", all.values().stream()
                .sorted(java.util.Comparator.comparing(BodyView::code)).toList());
        model.addAttribute("kinds", BodyKind.values());
        model.addAttribute("levels", BodyLevel.values());
        model.addAttribute("relations", SuccessorRelation.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("endRows", java.util.stream.IntStream.range(0, END_ROWS).boxed().toList());
    }

    private Map<String, BodyView> byCode() {
        return directory.bodies().stream().collect(Collectors.toMap(BodyView::code, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static BodyRef ref(String code, Map<String, BodyView> all) {
        BodyView body = all.get(code);
        return body == null ? new BodyRef(code, code) : body.ref();
    }

    private static boolean has(Authentication auth, Role role) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            node.putNull(field);
        } else {
            node.put(field, value.trim());
        }
    }

    record ShownProblem(String path, String message) {
    }

    record SuccessorRow(BodyRef body, SuccessorRelation relation, String takesOver) {
    }

    record PersonRow(PersonDetails person, BodyRef body) {
    }

    record FormerRow(BodyRef body, LocalDate from, LocalDate to) {
    }

    /** The body form's fields as sent; {@code members} codes separated by spaces, commas or lines. */
    record BodyForm(String code, String name, String shortName, String kind, String level, String parent,
                    String register, String validFrom, String validTo, String members) {

        static BodyForm of(BodyView b) {
            return new BodyForm(b.code(), b.name(), b.shortName(), b.kind().name(), b.level().name(), b.parent(),
                    b.register(), b.validFrom() == null ? null : b.validFrom().toString(),
                    b.validTo() == null ? null : b.validTo().toString(), String.join("\n", b.members()));
        }

        ObjectNode entry(boolean withCode) {
            ObjectNode entry = NODES.objectNode();
            if (withCode) {
                put(entry, "code", code);
            }
            put(entry, "name", name);
            put(entry, "shortName", shortName);
            put(entry, "kind", kind);
            put(entry, "level", level);
            put(entry, "parent", parent);
            put(entry, "register", register);
            put(entry, "validFrom", validFrom);
            put(entry, "validTo", validTo);
            ArrayNode list = entry.putArray("members");
            if (members != null) {
                Arrays.stream(members.split("[\\s,;]+")).filter(m -> !m.isBlank()).forEach(list::add);
            }
            return entry;
        }
    }

    /** The person form's fields as sent: the roles ticked, "enabled" ticked or not. */
    record PersonForm(String username, String fullName, String title, String body, String bodySince, String email,
                      List<String> roles, Boolean enabled) {

        PersonForm {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        static PersonForm of(PersonDetails p) {
            return new PersonForm(p.username(), p.fullName(), p.title(), p.body(),
                    p.bodySince() == null ? null : p.bodySince().toString(), p.email(),
                    p.roles().stream().map(Role::code).toList(), p.enabled());
        }

        public boolean holds(Role role) {
            return roles.contains(role.code());
        }

        public boolean isEnabled() {
            return Boolean.TRUE.equals(enabled);
        }

        ObjectNode entry(boolean withUsername) {
            ObjectNode entry = NODES.objectNode();
            if (withUsername) {
                put(entry, "username", username);
            }
            put(entry, "fullName", fullName);
            put(entry, "title", title);
            put(entry, "body", body);
            put(entry, "bodySince", bodySince);
            put(entry, "email", email);
            ArrayNode list = entry.putArray("roles");
            roles.forEach(list::add);
            entry.put("enabled", Boolean.TRUE.equals(enabled));
            return entry;
        }
    }
}
