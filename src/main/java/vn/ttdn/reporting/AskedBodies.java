package vn.ttdn.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.TaskKind;

/**
 * Who a round asks: every body that leads or cooperates on its tasks, collectives expanded, each ended
 * body replaced by the successor standing for it on the day, each once with the tasks it reports on;
 * assigned when any of its tasks is assigned (giao), requested (đề nghị) otherwise.
 */
@Component
class AskedBodies {

    private final DirectoryService directory;

    AskedBodies(DirectoryService directory) {
        this.directory = directory;
    }

    /** A body asked: who stands, for which named bodies, assigned or requested, and its tasks. */
    record Asked(Standing standing, Set<String> stoodFor, AskKind kind, List<Map<String, String>> tasks) {
    }

    /**
     * The bodies a round asks: every body that leads or cooperates on its tasks, collectives expanded,
     * each ended body replaced by its successor on the day; assigned when any of its tasks is assigned.
     */
    List<Asked> of(PlanDetails plan, List<String> taskNumbers, List<String> bodyCodes, LocalDate day) {
        Map<String, Standing> standings = new LinkedHashMap<>();
        Map<String, Set<String>> stoodFor = new LinkedHashMap<>();
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        Map<String, AskKind> kinds = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.tasks().forEach(t -> {
            t.lead().forEach(b -> named.add(b.code()));
            t.cooperating().forEach(b -> named.add(b.code()));
        }));
        Map<String, List<Standing>> each = directory.standingEach(named, day);
        Map<String, vn.ttdn.directory.BodyView> collectives = new LinkedHashMap<>();
        directory.bodies(named).values().stream().filter(b -> b.kind() == vn.ttdn.directory.BodyKind.COLLECTIVE)
                .forEach(b -> collectives.put(b.code(), b));
        for (PlanDetails.Group group : plan.groups()) {
            for (PlanDetails.Task task : group.tasks()) {
                if (taskNumbers != null && !taskNumbers.contains(task.number())) {
                    continue;
                }
                addRoles(task, task.lead(), "lead", each, collectives, standings, stoodFor, roles, kinds);
                addRoles(task, task.cooperating(), "cooperate", each, collectives, standings, stoodFor, roles, kinds);
            }
        }
        List<Asked> asked = new ArrayList<>();
        for (Map.Entry<String, Standing> e : standings.entrySet()) {
            String code = e.getKey();
            if (bodyCodes != null && !bodyCodes.contains(code)
                    && stoodFor.get(code).stream().noneMatch(bodyCodes::contains)) {
                continue;
            }
            List<Map<String, String>> tasks = roles.get(code).entrySet().stream()
                    .map(r -> Map.of("number", r.getKey(), "role", r.getValue())).toList();
            asked.add(new Asked(e.getValue(), stoodFor.get(code), kinds.get(code), tasks));
        }
        return asked;
    }

    private static void addRoles(PlanDetails.Task task, List<vn.ttdn.directory.BodyRef> named, String role,
                                 Map<String, List<Standing>> each, Map<String, vn.ttdn.directory.BodyView> collectives,
                                 Map<String, Standing> standings,
                                 Map<String, Set<String>> stoodFor, Map<String, Map<String, String>> roles,
                                 Map<String, AskKind> kinds) {
        for (vn.ttdn.directory.BodyRef ref : named) {
            for (Standing s : each.getOrDefault(ref.code(), List.of())) {
                String code = s.body().code();
                // a body standing for members of a collective the plan names stands for the collective
                // ("thay cho UBND cấp huyện", not for the first of thirteen district UBNDs)
                Standing shown = s.isReplacement() && collectives.containsKey(ref.code())
                        ? new Standing(s.body(), collectives.get(ref.code())) : s;
                standings.merge(code, shown, (old, now) -> old.isReplacement() || !now.isReplacement() ? old : now);
                Set<String> names = stoodFor.computeIfAbsent(code, c -> new LinkedHashSet<>());
                names.add(ref.code());
                if (s.isReplacement()) {
                    names.add(s.replaces().code());
                }
                roles.computeIfAbsent(code, c -> new LinkedHashMap<>()).merge(task.number(), role,
                        (old, now) -> "lead".equals(old) ? old : now);
                AskKind kind = task.kind() == TaskKind.REQUESTED ? AskKind.REQUESTED : AskKind.ASSIGNED;
                kinds.merge(code, kind, (old, now) -> old == AskKind.ASSIGNED ? old : now);
            }
        }
    }

}
