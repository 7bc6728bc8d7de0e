package vn.ttdn.plan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.GroupInput;
import vn.ttdn.plan.TaskInput;
import vn.ttdn.plan.Timeline;
import vn.ttdn.system.InputProblem;

/**
 * The rules of the plan file (its schema and {@link PlanFileRules}) for one task or group as a
 * person edits it, each problem at its field: {@code content}, {@code lead[1]}, {@code timeline}.
 * The codes are those of the import where the rule is the same (plan.unknownBody, plan.timeline…).
 */
@Component
public class EditRules {

    /** The longest text a plan file takes ($defs/text), and the longest printed timeline. */
    static final int MAX_TEXT = 20000;
    static final int MAX_TIMELINE_TEXT = 200;
    /** $defs/bodyCode of the plan file schema. */
    private static final Pattern BODY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    private final DirectoryService directory;

    EditRules(DirectoryService directory) {
        this.directory = directory;
    }

    /** The problems of a task, each at {@code prefix + field} ("content", "firstTask.lead[0]"). */
    public List<InputProblem> check(TaskInput task, String prefix) {
        List<InputProblem> problems = new ArrayList<>();
        if (task.content() == null) {
            problems.add(InputProblem.of(prefix + "content", "task.content", "a task needs its content"));
        } else if (task.content().length() > MAX_TEXT) {
            problems.add(InputProblem.of(prefix + "content", "text.tooLong",
                    "the content may have at most " + MAX_TEXT + " characters", MAX_TEXT));
        }
        if (task.lead().isEmpty()) {
            problems.add(InputProblem.of(prefix + "lead", "task.lead", "a task needs at least one lead body"));
        }
        Map<String, String> codes = new LinkedHashMap<>();
        bodies(problems, codes, prefix + "lead", task.lead());
        bodies(problems, codes, prefix + "cooperating", task.cooperating());
        Set<String> unknown = directory.unknownCodes(Set.copyOf(codes.values()));
        codes.forEach((path, code) -> {
            if (unknown.contains(code)) {
                problems.add(InputProblem.of(path, "plan.unknownBody", "unknown body \"" + code + "\"", code));
            }
        });
        if (task.timeline() != null) {
            Timeline.problem(task.timeline()).ifPresent(p ->
                    problems.add(InputProblem.of(prefix + "timeline", "plan.timeline", p, task.timeline())));
        }
        if (task.timelineText() != null && task.timelineText().length() > MAX_TIMELINE_TEXT) {
            problems.add(InputProblem.of(prefix + "timelineText", "text.tooLong",
                    "the printed timeline may have at most " + MAX_TIMELINE_TEXT + " characters", MAX_TIMELINE_TEXT));
        }
        return problems;
    }

    /** The problems of a group's heading and description. */
    public List<InputProblem> check(GroupInput group) {
        List<InputProblem> problems = new ArrayList<>();
        if (group.title() == null) {
            problems.add(InputProblem.of("title", "group.title", "a group needs its title"));
        } else if (group.title().length() > MAX_TEXT) {
            problems.add(InputProblem.of("title", "text.tooLong",
                    "the title may have at most " + MAX_TEXT + " characters", MAX_TEXT));
        }
        if (group.description() != null && group.description().length() > MAX_TEXT) {
            problems.add(InputProblem.of("description", "text.tooLong",
                    "the description may have at most " + MAX_TEXT + " characters", MAX_TEXT));
        }
        return problems;
    }

    /** Well-formed codes go to {@code codes} by path, to be looked up at once; the others are problems. */
    private static void bodies(List<InputProblem> problems, Map<String, String> codes, String path, List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            String code = list.get(i);
            String at = path + "[" + i + "]";
            if (BODY_CODE.matcher(code).matches()) {
                codes.put(at, code);
            } else {
                problems.add(InputProblem.of(at, "plan.bodyCode",
                        "\"" + code + "\" is not a body code (capital letters, digits and -)", code));
            }
        }
    }
}
