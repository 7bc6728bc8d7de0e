package vn.ttdn.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ttdn.reporting.Compliance;
import vn.ttdn.reporting.ComplianceMatrix;
import vn.ttdn.reporting.ComplianceStatus;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;
import vn.ttdn.workflow.RoundProcess;

/**
 * The supervisors' compliance page of a plan ({@code /giam-sat/ke-hoach/{planId}?nam=&ky=}): the year's
 * matrix (body × task) with its legend and totals, and the plan's yearly rounds over the years drawn by
 * Chart.js ({@code /js/compliance-charts.js}). A year or round that is not what it should be is said in
 * Vietnamese above the plan's latest year.
 */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'AUDITOR')")
class CompliancePagesController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Compliance compliance;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final ObjectMapper json;

    CompliancePagesController(Compliance compliance, ProblemMessages problems, MessageSource messages,
                              ObjectMapper json) {
        this.compliance = compliance;
        this.problems = problems;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/giam-sat/ke-hoach/{planId}")
    String page(@PathVariable long planId, @RequestParam(required = false) String nam,
                @RequestParam(required = false) String ky, CurrentUser user, Model model) {
        LocalDate today = RoundProcess.today();
        ComplianceMatrix matrix;
        try {
            matrix = compliance.matrix(planId, nam, ky, user, today);
        } catch (InvalidInputException e) {
            model.addAttribute("error", problems.describe(e, VI));
            matrix = compliance.matrix(planId, null, null, user, today);
        }
        model.addAttribute("m", matrix);
        model.addAttribute("chartData", chartData(matrix));
        return "supervision/compliance";
    }

    /** The years' series and the words of the charts, as JSON for compliance-charts.js. */
    private String chartData(ComplianceMatrix m) {
        List<Map<String, String>> statuses = new ArrayList<>();
        for (ComplianceStatus s : ComplianceStatus.values()) {
            statuses.add(Map.of("code", s.name(), "label", word("compliance.status." + s.name()),
                    "colour", "#" + s.colour));
        }
        List<Map<String, Object>> years = new ArrayList<>();
        for (ComplianceMatrix.YearPoint p : m.overYears()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("label", String.valueOf(p.year()));
            point.put("counts", p.counts());
            point.put("onTimePercent", p.onTimePercent());
            years.add(point);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("statuses", statuses);
        data.put("years", years);
        data.put("bodies", word("compliance.chart.bodiesAxis"));
        data.put("rate", word("compliance.chart.rateAxis"));
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String word(String key) {
        return messages.getMessage(key, null, VI);
    }

    /** No such plan: the 404 page. */
    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
