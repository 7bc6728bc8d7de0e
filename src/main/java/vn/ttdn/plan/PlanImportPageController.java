package vn.ttdn.plan;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.ProblemMessages;

/**
 * "Nhập kế hoạch": an administrator, or an officer of the consolidating body, uploads a plan file.
 * A refused file shows every problem in Vietnamese, by its place in the file, and writes nothing.
 */
@Controller
@RequestMapping("/ke-hoach/nhap")
@PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
class PlanImportPageController {

    private final PlanService plans;
    private final ProblemMessages problemMessages;

    PlanImportPageController(PlanService plans, ProblemMessages problemMessages) {
        this.plans = plans;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("maxSize", plans.maxFileSize() / 1024);
        return "plans/import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user, Locale locale,
                  Model model, RedirectAttributes redirect) throws IOException {
        try {
            PlanDetails plan = plans.importPlan(read(file), user);
            redirect.addFlashAttribute("imported", plan.code());
            return "redirect:/ke-hoach/" + plan.id();
        } catch (InvalidInputException e) {
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> new ShownProblem(p.path(), problemMessages.describe(p, locale))).toList());
            model.addAttribute("status", e.status().value());
            return form(model);
        }
    }

    private static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("No plan file",
                    List.of(InputProblem.of("", "file.missing", "choose a plan file to import")));
        }
        return file.getBytes();
    }

    /** A problem as the page lists it: where in the file, and what, in Vietnamese. */
    record ShownProblem(String path, String message) {
    }
}
