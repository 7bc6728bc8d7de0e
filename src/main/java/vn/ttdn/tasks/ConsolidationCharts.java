package vn.ttdn.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidations;

/**
 * What the consolidated report page's charts draw, as JSON for {@code consolidation-charts.js}:
 * statuses per task group and per body, and the indicators over the plan's yearly rounds; the
 * statuses' words and colours. Bean {@code consolidationCharts} of the template.
 */
@Component("consolidationCharts")
class ConsolidationCharts {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ObjectMapper json;
    private final MessageSource messages;

    ConsolidationCharts(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** The statuses in order, with their words and colours. */
    public String words(List<Consolidation.Status> statuses) {
        List<Map<String, String>> words = new ArrayList<>();
        for (Consolidation.Status s : statuses) {
            words.add(Map.of("code", s.code, "label", messages.getMessage("consolidation.status." + s.code, null, VI),
                    "colour", "#" + s.colour));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("statuses", words);
        all.put("tasks", messages.getMessage("consolidation.chart.tasks", null, VI));
        all.put("thisRound", messages.getMessage("consolidation.chart.thisRound", null, VI));
        return write(all);
    }

    /**
     * groups: label and a count per status; bodies: short name and a count per status of its
     * cells; years: per yearly round its year and each indicator's total; indicators: code and label.
     */
    public String data(Consolidation c, List<Consolidations.Summary> years) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Consolidation.Group g : c.groups()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            g.tasks().forEach(t -> counts.merge(t.overall().code, 1, Integer::sum));
            groups.add(Map.of("label", g.number() + ". " + abbreviate(g.title(), 28), "counts", counts));
        }
        data.put("groups", groups);
        Map<String, Map<String, Integer>> byBody = new LinkedHashMap<>();
        c.bodies().forEach(b -> byBody.put(b.code(), new LinkedHashMap<>()));
        c.groups().forEach(g -> g.tasks().forEach(t -> t.cells().forEach(cell ->
                byBody.get(cell.bodyCode()).merge(cell.status().code, 1, Integer::sum))));
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Consolidation.Body b : c.bodies()) {
            bodies.add(Map.of("label", b.shortName() != null ? b.shortName() : b.name(), "counts",
                    byBody.get(b.code())));
        }
        data.put("bodies", bodies);
        data.put("indicators", c.indicators().stream().map(i -> Map.of("code", i.code(), "label",
                abbreviate(i.label(), 38), "unit", i.unit())).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (Consolidations.Summary s : years) {
            series.add(Map.of("label", s.kind() == vn.ttdn.reporting.RoundKind.YEARLY ? String.valueOf(s.year())
                    : s.year() + (s.label() == null ? "" : " — " + abbreviate(s.label(), 24)),
                    "current", s.roundId() == c.roundId(), "totals", s.indicators()));
        }
        data.put("years", series);
        return write(data);
    }

    /** The cell of a body on a task, or null when the body is not asked on it. */
    public Consolidation.Cell cell(Consolidation.Task task, String bodyCode) {
        return task.cells().stream().filter(c -> c.bodyCode().equals(bodyCode)).findFirst().orElse(null);
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    /** JSON safe inside a script element: no "</" can close it. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
