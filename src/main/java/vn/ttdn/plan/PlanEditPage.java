package vn.ttdn.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.ProblemMessages;

/**
 * What the edit page ({@code plans/edit}) shows in edit mode (model attribute {@code edit}): which
 * row is open and how, the values in its fields (as stored, or as sent back with problems), the
 * problems by field, and the bodies to choose from, those chosen first in their order.
 *
 * @param mode   {@link Mode}; {@code NONE}: every row is read only
 * @param target the number of the task or group the open row is for (for NEW_TASK: its group)
 */
record PlanEditPage(Mode mode, String target, TaskFields task, GroupFields group, Map<String, List<String>> errors,
                    List<Option> leadOptions, List<Option> cooperatingOptions) {

    enum Mode { NONE, TASK, NEW_TASK, REMOVE_TASK, GROUP, NEW_GROUP, REMOVE_GROUP }

    static PlanEditPage none() {
        return new PlanEditPage(Mode.NONE, null, TaskFields.EMPTY, GroupFields.EMPTY, Map.of(), List.of(), List.of());
    }

    /** A row opened on these fields, with the bodies to choose from for its task fields. */
    static PlanEditPage row(Mode mode, String target, TaskFields task, GroupFields group,
                            List<EditablePlan.BodyChoice> bodies) {
        return new PlanEditPage(mode, target, task, group, Map.of(), options(bodies, task.lead()),
                options(bodies, task.cooperating()));
    }

    static PlanEditPage of(Mode mode, String target) {
        return new PlanEditPage(mode, target, TaskFields.EMPTY, GroupFields.EMPTY, Map.of(), List.of(), List.of());
    }

    /** The same row with the problems of what was sent, in words, by field ("lead[1]" shows at "lead"). */
    PlanEditPage withProblems(List<InputProblem> problems, ProblemMessages messages, Locale locale) {
        Map<String, List<String>> byField = problems.stream().collect(Collectors.groupingBy(p -> field(p.path()),
                LinkedHashMap::new, Collectors.mapping(p -> messages.describe(p, locale), Collectors.toList())));
        return new PlanEditPage(mode, target, task, group, byField, leadOptions, cooperatingOptions);
    }

    public boolean is(String mode, String number) {
        return this.mode.name().equals(mode) && (number == null || number.equals(target));
    }

    public List<String> errorsAt(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public boolean hasErrors(String field) {
        return errors.containsKey(field);
    }

    /** Problems that are at no field of the open row (its position, its number after renumbering…). */
    public List<String> otherErrors(List<String> fields) {
        List<String> other = new ArrayList<>();
        errors.forEach((field, messages) -> {
            if (!fields.contains(field)) {
                other.addAll(messages);
            }
        });
        return other;
    }

    /** "lead[1]" → "lead"; "firstTask.lead[0]" → "firstTask.lead". */
    static String field(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    /** The chosen bodies first, in their order (the plan prints them so), then the others. */
    static List<Option> options(List<EditablePlan.BodyChoice> bodies, List<String> chosen) {
        Map<String, EditablePlan.BodyChoice> byCode = bodies.stream()
                .collect(Collectors.toMap(EditablePlan.BodyChoice::code, Function.identity(), (a, b) -> a));
        List<Option> options = new ArrayList<>();
        chosen.stream().distinct().forEach(code -> {
            EditablePlan.BodyChoice body = byCode.get(code);
            options.add(body == null ? new Option(code, code, code, true, false)
                    : new Option(code, body.name(), body.label(), true, body.former()));
        });
        bodies.stream().filter(b -> !chosen.contains(b.code()))
                .forEach(b -> options.add(new Option(b.code(), b.name(), b.label(), false, b.former())));
        return options;
    }

    /** A body in a choice list: shown by its short name, with its full name as a tooltip. */
    record Option(String code, String name, String label, boolean selected, boolean former) {
    }

    /** The fields of a task row, as sent by the form (kind as its code: assigned, requested). */
    record TaskFields(String content, List<String> lead, List<String> cooperating, String timeline,
                      String timelineText, String kind) {

        static final TaskFields EMPTY = new TaskFields(null, List.of(), List.of(), null, null, TaskKind.ASSIGNED.code());

        TaskFields {
            lead = lead == null ? List.of() : List.copyOf(lead);
            cooperating = cooperating == null ? List.of() : List.copyOf(cooperating);
        }

        static TaskFields of(PlanDetails.Task task) {
            return new TaskFields(task.content(),
                    task.lead().stream().map(vn.ttdn.directory.BodyRef::code).toList(),
                    task.cooperating().stream().map(vn.ttdn.directory.BodyRef::code).toList(),
                    task.timeline(), task.timelineText(), task.kind().code());
        }
    }

    record GroupFields(String title, String description) {

        static final GroupFields EMPTY = new GroupFields(null, null);

        static GroupFields of(PlanDetails.Group group) {
            return new GroupFields(group.title(), group.description());
        }
    }
}
