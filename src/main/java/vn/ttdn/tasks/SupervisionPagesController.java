package vn.ttdn.tasks;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.InstanceFilter;
import vn.ttdn.workflow.RoundProcess;
import vn.ttdn.workflow.Supervision;
import vn.ttdn.workflow.SupervisionFacets;

/**
 * The supervisors' pages: the dashboard of running instances ({@code /giam-sat}: counts, filters, the
 * list, paging), a process's diagram with its live counts per step ({@code /giam-sat/quy-trinh/{key}}),
 * one instance ({@code /giam-sat/{instanceId}}). For supervisors (the plans they follow),
 * administrators and auditors; plain GET forms, the diagrams drawn by bpmn-js.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
class SupervisionPagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Supervision supervision;
    private final ProblemMessages problems;

    SupervisionPagesController(Supervision supervision, ProblemMessages problems) {
        this.supervision = supervision;
        this.problems = problems;
    }

    @GetMapping("/giam-sat")
    String dashboard(@RequestParam(required = false) String plan, @RequestParam(required = false) String body,
                     @RequestParam(required = false) String process, @RequestParam(required = false) String step,
                     @RequestParam(required = false) String overdue, @RequestParam(required = false) String year,
                     @RequestParam(required = false) String round, @RequestParam(required = false) String page,
                     CurrentUser user, Model model) {
        InstanceQuery query = InstanceQuery.read(plan, body, process, step, overdue, year, round, page, null);
        if (!query.problems().isEmpty()) {
            model.addAttribute("error", String.join(" ", query.problems().stream()
                    .map(p -> problems.describe(p, VI)).toList()));
        }
        InstanceFilter filter = query.filter();
        SupervisionFacets facets = supervision.facets(user);
        model.addAttribute("filter", filter);
        model.addAttribute("facets", facets);
        model.addAttribute("steps", facets.processes().stream()
                .filter(p -> filter.processKey() == null || p.key().equals(filter.processKey())).toList());
        model.addAttribute("list", supervision.list(filter, query.page(), query.size(), user));
        model.addAttribute("links", new SupervisionLinks(filter));
        return "supervision/dashboard";
    }

    @GetMapping("/giam-sat/quy-trinh/{key}")
    String process(@PathVariable String key, @RequestParam(required = false) String plan,
                   @RequestParam(required = false) String body, @RequestParam(required = false) String year,
                   @RequestParam(required = false) String round, CurrentUser user, Model model) {
        InstanceQuery query = InstanceQuery.read(plan, body, key, null, null, year, round, null, null).orRefuse();
        model.addAttribute("counts", supervision.counts(key, query.filter(), user));
        model.addAttribute("filter", query.filter());
        model.addAttribute("links", new SupervisionLinks(query.filter()));
        return "supervision/process";
    }

    @GetMapping("/giam-sat/{instanceId}")
    String instance(@PathVariable String instanceId, CurrentUser user, Model model) {
        model.addAttribute("detail", supervision.instance(instanceId, user));
        model.addAttribute("now", RoundProcess.now());
        model.addAttribute("links", new SupervisionLinks(InstanceFilter.NONE));
        return "supervision/instance";
    }

    /** No such instance or process: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** A filter of the diagram page that is not what it should be: the 400 page. */
    @ExceptionHandler(vn.ttdn.system.InvalidInputException.class)
    void invalid(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
