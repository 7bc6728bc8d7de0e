package vn.ttdn.tasks;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.audit.CataloguedInstance;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;

/**
 * The auditors' pages: {@code /kiem-tra} (the chain verified, its head to keep, a search of the
 * record) and {@code /kiem-tra/{instanceId}} (one instance replayed: its timeline and its diagram,
 * played step by step).
 */
@Controller
class AuditPagesController {

    /** The most events a search shows, the latest first; a narrower search finds the older ones. */
    static final int SEARCH_LIMIT = 200;


    private final AuditRecord record;
    private final AuditAccess access;
    private final AuditWords words;
    private final PlanService plans;

    private final vn.ttdn.workflow.InstanceModels models;

    AuditPagesController(AuditRecord record, AuditAccess access, AuditWords words, PlanService plans,
                         vn.ttdn.workflow.InstanceModels models) {
        this.models = models;
        this.record = record;
        this.access = access;
        this.words = words;
        this.plans = plans;
    }

    @GetMapping("/kiem-tra")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    String home(@RequestParam(required = false) Boolean verify, @RequestParam(required = false) Long seq,
                @RequestParam(required = false) String hash, @RequestParam(required = false) Long plan,
                @RequestParam(required = false) String body, @RequestParam(required = false) String person,
                @RequestParam(required = false) String step,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                CurrentUser user, Model model) {
        model.addAttribute("nav", "audit");
        model.addAttribute("head", record.head().orElse(null));
        if (Boolean.TRUE.equals(verify) || seq != null) {
            model.addAttribute("verification", seq == null ? record.verify()
                    : record.verify(seq, hash == null ? "" : hash.trim().toLowerCase()));
        }
        model.addAttribute("plans", plans.list(user));
        boolean searched = plan != null || notBlank(body) || notBlank(person) || notBlank(step) || from != null
                || to != null;
        if (searched) {
            model.addAttribute("results", words.lines(record.search(plan, body, person, step, from, to, SEARCH_LIMIT)));
            model.addAttribute("searchLimit", SEARCH_LIMIT);
        }
        model.addAttribute("query", new Query(plan, body, person, step, from, to));
        return "audit/home";
    }

    record Query(Long plan, String body, String person, String step, LocalDate from, LocalDate to) {
    }

    @GetMapping("/kiem-tra/{instanceId}")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN', 'SUPERVISOR')")
    String replay(@PathVariable String instanceId, CurrentUser user, Model model) {
        CataloguedInstance instance = access.readable(instanceId, user);
        model.addAttribute("nav", "audit");
        model.addAttribute("instance", instance);
        model.addAttribute("processName", models.nameOf(instance.processKey()));
        model.addAttribute("events", words.lines(record.timeline(instanceId)));
        model.addAttribute("called", record.calledBy(instanceId));
        return "audit/replay";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
