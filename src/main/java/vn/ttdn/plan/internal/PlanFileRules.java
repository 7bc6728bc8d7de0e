package vn.ttdn.plan.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.DayMonth;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.plan.Timeline;
import vn.ttdn.system.InputProblem;

/** The rules of a plan file that its schema cannot state: known bodies, unique numbers, real dates. */
@Component
class PlanFileRules {

    private final DirectoryService directory;

    PlanFileRules(DirectoryService directory) {
        this.directory = directory;
    }

    List<InputProblem> check(PlanFile file) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> bodyPaths = new LinkedHashMap<>();
        bodyPaths.put("issuer", file.issuer());
        bodyPaths.put("consolidatingBody", file.consolidatingBody());
        bodyPaths.put("reporting.receiver", file.reporting().receiver());
        index(bodyPaths, "reporting.consolidatedTo", file.reporting().consolidatedTo());
        for (int r = 0; r < file.recipients().size(); r++) {
            index(bodyPaths, "recipients[" + r + "].bodies", file.recipients().get(r).bodies());
        }

        Map<String, String> groupNumbers = new HashMap<>();
        Map<String, String> taskNumbers = new HashMap<>();
        for (int g = 0; g < file.groups().size(); g++) {
            PlanFile.Group group = file.groups().get(g);
            String groupPath = "groups[" + g + "]";
            unique(problems, groupNumbers, group.number(), groupPath + ".number", "group");
            for (int t = 0; t < group.tasks().size(); t++) {
                PlanFile.Task task = group.tasks().get(t);
                String taskPath = groupPath + ".tasks[" + t + "]";
                unique(problems, taskNumbers, task.number(), taskPath + ".number", "task");
                index(bodyPaths, taskPath + ".lead", task.lead());
                index(bodyPaths, taskPath + ".cooperating", task.cooperating());
                if (task.timeline() != null) {
                    Timeline.problem(task.timeline()).ifPresent(p ->
                            problems.add(InputProblem.of(taskPath + ".timeline", "plan.timeline", p, task.timeline())));
                }
            }
        }

        Set<String> unknown = directory.unknownCodes(Set.copyOf(bodyPaths.values()));
        bodyPaths.forEach((path, code) -> {
            if (unknown.contains(code)) {
                problems.add(InputProblem.of(path, "plan.unknownBody", "unknown body \"" + code + "\"", code));
            }
        });
        // the number is taken from the issuer's register: without its symbol the number would read "05/CTr"
        if (file.issuer() != null && !unknown.contains(file.issuer())) {
            directory.body(file.issuer()).filter(issuer -> issuer.register() == null || issuer.register().isBlank())
                    .ifPresent(issuer -> problems.add(InputProblem.of("issuer", "plan.issuerNoRegister",
                            "body \"" + issuer.code() + "\" keeps no register (no symbol for its numbers): it cannot"
                                    + " issue a " + file.documentType(), issuer.code(), issuer.name())));
        }

        PlanFile.Reporting reporting = file.reporting();
        if (reporting.yearlyDeadline() != null) {
            if (DayMonth.parse(reporting.yearlyDeadline()).isEmpty()) {
                problems.add(InputProblem.of("reporting.yearlyDeadline", "plan.dayMonth",
                        "\"" + reporting.yearlyDeadline() + "\" is not a day of the year", reporting.yearlyDeadline()));
            }
            if (!reporting.yearly()) {
                problems.add(InputProblem.of("reporting.yearlyDeadline", "plan.yearlyFlag",
                        "a yearly deadline needs reporting.yearly: true"));
            }
        }
        if (reporting.halfYearDeadline() != null && DayMonth.parse(reporting.halfYearDeadline()).isEmpty()) {
            problems.add(InputProblem.of("reporting.halfYearDeadline", "plan.dayMonth",
                    "\"" + reporting.halfYearDeadline() + "\" is not a day of the year", reporting.halfYearDeadline()));
        }
        String consolidation = reporting.consolidationDeadline();
        if (consolidation != null && consolidation.contains("/") && DayMonth.parse(consolidation).isEmpty()) {
            problems.add(InputProblem.of("reporting.consolidationDeadline", "plan.dayMonth",
                    "\"" + consolidation + "\" is not a day of the year", consolidation));
        }
        if (consolidation != null && !consolidation.contains("/") && Timeline.parse(consolidation)
                .filter(t -> t.kind() == Timeline.Kind.DATE).isEmpty()) {
            problems.add(InputProblem.of("reporting.consolidationDeadline", "plan.date",
                    "\"" + consolidation + "\" is not a date", consolidation));
        }
        return problems;
    }

    private static void index(Map<String, String> bodyPaths, String path, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            bodyPaths.put(path + "[" + i + "]", codes.get(i));
        }
    }

    private static void unique(List<InputProblem> problems, Map<String, String> seen, String number, String path,
                               String what) {
        String first = seen.putIfAbsent(number, path);
        if (first != null) {
            problems.add(InputProblem.of(path, "plan.duplicate." + what, "duplicate " + what + " number \"" + number
                    + "\" (first at " + first + ")", number, first));
        }
    }
}
