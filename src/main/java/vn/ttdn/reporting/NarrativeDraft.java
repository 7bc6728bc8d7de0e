package vn.ttdn.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Cell;
import vn.ttdn.reporting.Consolidation.Group;
import vn.ttdn.reporting.Consolidation.Indicator;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Task;
import vn.ttdn.reporting.Consolidation.Timeliness;
import vn.ttdn.reporting.internal.ConsolidationStore;

/**
 * The five parts of a consolidated report as the assembly drafts them for the officer to edit: the
 * results (the figures, the indicators, each body's summary), the shortcomings (tasks behind, bodies
 * late or silent), the causes and the recommendations (what the bodies wrote, the same words from
 * several bodies on one line naming them all), and the directions. Vietnamese, from the bundle.
 */
@Component
class NarrativeDraft {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ConsolidationStore store;
    private final MessageSource messages;

    NarrativeDraft(ConsolidationStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    /** The five parts, drafted from the figures and what the bodies wrote. */
    Narrative draft(Consolidation c, PlanDetails plan) {
        Map<String, Body> bodies = c.bodies().stream().collect(Collectors.toMap(Body::code, Function.identity()));
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        c.groups().forEach(g -> g.tasks().forEach(t -> counts.merge(t.overall(), 1, Integer::sum)));
        int tasks = counts.values().stream().mapToInt(Integer::intValue).sum();

        List<String> achievements = new ArrayList<>();
        achievements.add(text("consolidation.draft.opening", c.period() == null ? "" : text(
                "consolidation.draft.period", PrintedDate.of(c.period().from()), PrintedDate.of(c.period().to())),
                c.bodyCounts().get("in"), c.bodyCounts().get("asked"), tasks,
                counts.getOrDefault(Status.DONE_ON_TIME, 0), counts.getOrDefault(Status.DONE_LATE, 0),
                counts.getOrDefault(Status.IN_PROGRESS, 0)));
        for (Indicator i : c.indicators()) {
            if (i.total().signum() > 0) {
                achievements.add(text("consolidation.draft.indicator", i.label(), i.total().toPlainString(), i.unit()));
            }
        }
        Map<String, Map<String, Object>> reports = store.lastReports(c.roundId());
        for (Body b : c.bodies()) {
            if (b.state().isIn()) {
                String summary = ConsolidationAssembler.words(reports.getOrDefault(b.code(), Map.of()).get("summary"));
                if (summary != null) {
                    achievements.add("- " + b.name() + ": " + summary);
                }
            }
        }

        List<String> shortcomings = new ArrayList<>();
        for (Group g : c.groups()) {
            for (Task t : g.tasks()) {
                if (t.overall() == Status.OVERDUE || t.overall() == Status.NOT_STARTED) {
                    shortcomings.add(text("consolidation.draft.taskBehind", t.number(), shorten(t.content()),
                            t.overall().label.toLowerCase(VI)));
                }
            }
        }
        String notIn = c.bodies().stream().filter(b -> !b.state().isIn() && b.state() != BodyState.MISSING)
                .map(Body::name).collect(Collectors.joining("; "));
        if (!notIn.isEmpty()) {
            shortcomings.add(text("consolidation.draft.pending", notIn));
        }
        names(c.bodies(), Timeliness.MISSING).ifPresent(n -> shortcomings.add(text("consolidation.draft.missing", n)));
        String lateIn = c.bodies().stream().filter(b -> b.timeliness() == Timeliness.LATE && b.state().isIn())
                .map(Body::name).collect(Collectors.joining("; "));
        if (!lateIn.isEmpty()) {
            shortcomings.add(text("consolidation.draft.lateIn", lateIn));
        }
        if (shortcomings.isEmpty()) {
            shortcomings.add(text("consolidation.draft.noShortcomings"));
        }

        // the same words from several bodies make one line naming them all, with the tasks they were said of
        Map<String, Map<String, Set<String>>> difficulties = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> proposals = new LinkedHashMap<>();
        for (Group g : c.groups()) {
            for (Task t : g.tasks()) {
                for (Cell cell : t.cells()) {
                    String name = bodies.get(cell.bodyCode()).name();
                    if (cell.difficulties() != null) {
                        difficulties.computeIfAbsent(cell.difficulties(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(name, k -> new LinkedHashSet<>()).add(t.number());
                    }
                    if (cell.proposals() != null) {
                        proposals.computeIfAbsent(cell.proposals(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(name, k -> new LinkedHashSet<>()).add(t.number());
                    }
                }
            }
        }
        for (Body b : c.bodies()) {
            String said = b.state().isIn() ? ConsolidationAssembler.words(reports.getOrDefault(b.code(), Map.of()).get("recommendations")) : null;
            if (said != null) {
                proposals.computeIfAbsent(said, k -> new LinkedHashMap<>()).computeIfAbsent(b.name(),
                        k -> new LinkedHashSet<>());
            }
        }
        List<String> causes = said(difficulties);
        List<String> recommendations = said(proposals);
        if (causes.isEmpty()) {
            causes.add(text("consolidation.draft.noCauses"));
        }
        if (recommendations.isEmpty()) {
            recommendations.add(text("consolidation.draft.noRecommendations"));
        }
        String directions = text("consolidation.draft.directions", plan.namedByNumber());
        return new Narrative(String.join("\n", achievements), String.join("\n", shortcomings),
                String.join("\n", causes), directions, String.join("\n", recommendations));
    }

    /** "- Kinh phí còn hạn chế (Sở A: nhiệm vụ 1.1, 2.3; Sở B: nhiệm vụ 3.1)." for each thing said, in order. */
    private List<String> said(Map<String, Map<String, Set<String>>> byText) {
        List<String> lines = new ArrayList<>();
        byText.forEach((words, byBody) -> {
            List<String> who = new ArrayList<>();
            byBody.forEach((body, tasks) -> who.add(tasks.isEmpty() ? body
                    : text("consolidation.draft.saidOn", body, String.join(", ", tasks))));
            lines.add(text("consolidation.draft.said", words.replaceAll("[.;]+$", ""), String.join("; ", who)));
        });
        return lines;
    }

    private static java.util.Optional<String> names(List<Body> bodies, Timeliness timeliness) {
        String names = bodies.stream().filter(b -> b.timeliness() == timeliness).map(Body::name)
                .collect(Collectors.joining("; "));
        return names.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(names);
    }

    private static String shorten(String content) {
        if (content == null) {
            return "";
        }
        String line = content.strip().split("\\R", 2)[0];
        return line.length() <= 120 ? line : line.substring(0, 117).strip() + "…";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
