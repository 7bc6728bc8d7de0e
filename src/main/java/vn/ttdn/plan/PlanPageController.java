package vn.ttdn.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;

/**
 * The plan pages: the list ({@code plans}) and one plan laid out as its document
 * ({@code plan}, {@code document}). A plan the user may not read answers 403 (PlanService
 * throws AccessDeniedException, Spring Security turns it into the error page).
 */
@Controller
@RequestMapping("/ke-hoach")
class PlanPageController {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final PlanService plans;
    private final PlanDocumentFactory documents;
    private final PlanEditor editor;
    private final List<PlanPageSection> sections;

    PlanPageController(PlanService plans, PlanDocumentFactory documents, PlanEditor editor,
                       List<PlanPageSection> sections) {
        this.plans = plans;
        this.documents = documents;
        this.editor = editor;
        this.sections = sections;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("plans", plans.list(user));
        return "plans/list";
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, CurrentUser user, Model model) {
        PlanDetails plan = plans.get(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("document", documents.build(plan, LocalDate.now(VIETNAM)));
        model.addAttribute("editable", editor.mayEdit(plan, user));
        sections.forEach(section -> section.contribute(plan, user, model));
        return "plans/page";
    }

    /** No such plan: the 404 page (the API answers the same exception with a problem document). */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
