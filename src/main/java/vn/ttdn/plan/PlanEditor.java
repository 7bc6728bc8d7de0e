package vn.ttdn.plan;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.internal.EditRules;
import vn.ttdn.plan.internal.Numbering;
import vn.ttdn.plan.internal.PlanEntity;
import vn.ttdn.plan.internal.PlanFileReader;
import vn.ttdn.plan.internal.PlanMapper;
import vn.ttdn.plan.internal.PlanRepository;
import vn.ttdn.plan.internal.PlanTaskEntity;
import vn.ttdn.plan.internal.TaskGroupEntity;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * Completing a draft plan in the application: its task groups and tasks are added, changed,
 * removed and moved, and renumbered by their place as a plan file numbers them ({@link Numbering}).
 *
 * <p>Only a DRAFT plan is edited (otherwise 409), only by an officer of its consolidating body or
 * an administrator (otherwise {@link AccessDeniedException}). Every edit names the plan version it
 * was made on; an older one answers 409, as does an edit that crosses another one in flight. Input
 * is checked by the rules of the plan file, each problem at its field (400), and the plan as edited
 * must still be a plan file that imports again. Nothing is written when an edit is refused.
 */
@Service
@Transactional(readOnly = true)
public class PlanEditor {

    static final String TITLE = "Invalid plan edit";

    private final PlanRepository plans;
    private final PlanMapper mapper;
    private final PlanFileReader reader;
    private final EditRules rules;
    private final DirectoryService directory;

    PlanEditor(PlanRepository plans, PlanMapper mapper, PlanFileReader reader, EditRules rules,
               DirectoryService directory) {
        this.plans = plans;
        this.mapper = mapper;
        this.reader = reader;
        this.rules = rules;
        this.directory = directory;
    }

    /** Whether the person may edit this plan now: a draft, and they belong to its consolidating body. */
    public boolean mayEdit(PlanDetails plan, CurrentUser user) {
        return plan.status() == PlanStatus.DRAFT && isEditor(plan.consolidatingBody().code(), user);
    }

    /** The plan to edit, with the bodies its tasks may name. */
    public EditablePlan open(long planId, CurrentUser user) {
        PlanEntity plan = editable(planId, user);
        return new EditablePlan(mapper.toDetails(plan), choices(plan));
    }

    /** The bodies a task of the plan may name (for the forms that propose changes to an issued plan). */
    public List<EditablePlan.BodyChoice> bodyChoices(long planId) {
        return choices(plans.findById(planId).orElseThrow(() -> new NotFoundException("No plan " + planId)));
    }

    /** Adds a task to a group, at a 1-based position in it (null: at its end). */
    @Transactional
    public PlanEdit addTask(long planId, int version, String groupNumber, Integer position, TaskInput task,
                            CurrentUser user) {
        return edit(planId, version, user, plan -> {
            TaskGroupEntity group = group(plan, groupNumber);
            int index = index(position, group.getTasks().size() + 1);
            refuse(rules.check(task, ""));
            PlanTaskEntity created = new PlanTaskEntity(plan, "", task.content(), task.timeline(), task.timelineText(),
                    task.kind(), task.lead(), task.cooperating());
            group.getTasks().add(index, created);
            Numbering.renumberTasks(group);
            return Target.task(created.getNumber(), plan.getGroups().indexOf(group), index);
        });
    }

    /** Changes what a task says; its number and place stay. */
    @Transactional
    public PlanEdit changeTask(long planId, int version, String taskNumber, TaskInput task, CurrentUser user) {
        return edit(planId, version, user, plan -> {
            Located at = task(plan, taskNumber);
            refuse(rules.check(task, ""));
            at.task().change(task.content(), task.timeline(), task.timelineText(), task.kind(), task.lead(),
                    task.cooperating());
            return Target.task(taskNumber, at.groupIndex(), at.taskIndex());
        });
    }

    /** Removes a task; the tasks after it in its group move up a number. A group keeps at least one task. */
    @Transactional
    public PlanEdit removeTask(long planId, int version, String taskNumber, CurrentUser user) {
        return edit(planId, version, user, plan -> {
            Located at = task(plan, taskNumber);
            keepsATask(at.group());
            at.group().getTasks().remove(at.taskIndex());
            Numbering.renumberTasks(at.group());
            return Target.removed(taskNumber);
        });
    }

    /**
     * Moves a task to a 1-based position of its group, or of another group (null position: its end);
     * both groups are renumbered.
     */
    @Transactional
    public PlanEdit moveTask(long planId, int version, String taskNumber, String toGroup, Integer position,
                             CurrentUser user) {
        return edit(planId, version, user, plan -> {
            Located at = task(plan, taskNumber);
            TaskGroupEntity target = toGroup == null ? at.group() : group(plan, toGroup);
            List<PlanTaskEntity> tasks = target.getTasks();
            if (target == at.group()) {
                int index = index(position, tasks.size());
                tasks.add(index, tasks.remove(at.taskIndex()));
                Numbering.renumberTasks(target);
                return Target.task(tasks.get(index).getNumber(), at.groupIndex(), index);
            }
            keepsATask(at.group());
            int index = index(position, tasks.size() + 1);
            // a new row in the other group: a task taken out of a group is an orphan, and deleted
            PlanTaskEntity old = at.group().getTasks().remove(at.taskIndex());
            tasks.add(index, new PlanTaskEntity(plan, "", old.getContent(), old.getTimeline(), old.getTimelineText(),
                    old.getKind(), old.getLead(), old.getCooperating()));
            Numbering.renumberTasks(at.group());
            Numbering.renumberTasks(target);
            return Target.task(tasks.get(index).getNumber(), plan.getGroups().indexOf(target), index);
        });
    }

    /**
     * Adds a group at a 1-based position (null: at the end) with its first task, as a plan file
     * has no empty group. It joins the section of the group before it; the groups after it move on.
     */
    @Transactional
    public PlanEdit addGroup(long planId, int version, Integer position, GroupInput group, TaskInput firstTask,
                             CurrentUser user) {
        return edit(planId, version, user, plan -> {
            List<TaskGroupEntity> groups = plan.getGroups();
            int index = index(position, groups.size() + 1);
            List<InputProblem> problems = new ArrayList<>(rules.check(group));
            problems.addAll(rules.check(firstTask, Target.FIRST_TASK));
            refuse(problems);
            TaskGroupEntity created = new TaskGroupEntity("", group.title(), group.description());
            created.getTasks().add(new PlanTaskEntity(plan, "", firstTask.content(), firstTask.timeline(),
                    firstTask.timelineText(), firstTask.kind(), firstTask.lead(), firstTask.cooperating()));
            Numbering.placeGroup(groups, created, index);
            return Target.newGroup(created.getNumber(), index);
        });
    }

    /** Renames a group: its title and description. */
    @Transactional
    public PlanEdit changeGroup(long planId, int version, String groupNumber, GroupInput group, CurrentUser user) {
        return edit(planId, version, user, plan -> {
            TaskGroupEntity found = group(plan, groupNumber);
            refuse(rules.check(group));
            found.rename(group.title(), group.description());
            return Target.group(groupNumber, plan.getGroups().indexOf(found));
        });
    }

    /** Removes a group with its tasks; the groups after it move up a number. A plan keeps at least one group. */
    @Transactional
    public PlanEdit removeGroup(long planId, int version, String groupNumber, CurrentUser user) {
        return edit(planId, version, user, plan -> {
            TaskGroupEntity found = group(plan, groupNumber);
            if (plan.getGroups().size() == 1) {
                throw conflict("Last group", InputProblem.of("", "group.last",
                        "a plan keeps at least one group; group " + groupNumber + " is its last", groupNumber));
            }
            plan.getGroups().remove(found);
            Numbering.renumberGroups(plan.getGroups());
            return Target.removed(groupNumber);
        });
    }

    /** Moves a group to a 1-based position (null: the end); it joins the section it is put in. */
    @Transactional
    public PlanEdit moveGroup(long planId, int version, String groupNumber, Integer position, CurrentUser user) {
        return edit(planId, version, user, plan -> {
            List<TaskGroupEntity> groups = plan.getGroups();
            TaskGroupEntity found = group(plan, groupNumber);
            int index = index(position, groups.size());
            groups.remove(found);
            Numbering.placeGroup(groups, found, index);
            return Target.group(found.getNumber(), index);
        });
    }

    /** The version an edit names, which it must name: a request without one is refused (400). */
    static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException(TITLE, List.of(InputProblem.of("version", "plan.version",
                    "name the plan version the edit was made on")));
        }
        return version;
    }

    /**
     * Every edit: the plan may be edited by this person, the version is the one the edit was made
     * on, the change keeps the plan a valid plan file, and the plan row is written (version + 1).
     */
    private PlanEdit edit(long planId, int version, CurrentUser user, Function<PlanEntity, Target> change) {
        PlanEntity plan = editable(planId, user);
        if (plan.getVersion() != version) {
            throw stale(version);
        }
        Target target = change.apply(plan);
        plan.markEdited(user.username());
        try {
            List<InputProblem> problems = reader.problems(mapper.toFile(plan));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(TITLE, target.remap(problems));
            }
            plans.flush();
        } catch (OptimisticLockingFailureException e) {
            throw stale(version);
        }
        return new PlanEdit(mapper.toDetails(plan), target.number());
    }

    /** Refuses (404, 403, 409) unless the person may edit the plan now: checked before what the edit says. */
    @Transactional(readOnly = true)
    public void checkEditable(long planId, CurrentUser user) {
        editable(planId, user);
    }

    private PlanEntity editable(long planId, CurrentUser user) {
        PlanEntity plan = plans.findById(planId).orElseThrow(() -> new NotFoundException("No plan " + planId));
        if (!isEditor(plan.getConsolidatingCode(), user)) {
            throw new AccessDeniedException("Only an officer of the consolidating body, or an administrator, edits a plan");
        }
        if (plan.getStatus() != PlanStatus.DRAFT) {
            throw conflict("Plan is not a draft", InputProblem.of("", "plan.notDraft",
                    "only a draft plan is edited; this plan is " + plan.getStatus(), plan.getStatus()));
        }
        return plan;
    }

    private static boolean isEditor(String consolidatingBody, CurrentUser user) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.OFFICER) && consolidatingBody.equals(user.bodyCode());
    }

    private static TaskGroupEntity group(PlanEntity plan, String number) {
        return plan.getGroups().stream().filter(g -> g.getNumber().equals(number)).findFirst()
                .orElseThrow(() -> new NotFoundException("No group " + number + " in plan " + plan.getCode()));
    }

    private static Located task(PlanEntity plan, String number) {
        List<TaskGroupEntity> groups = plan.getGroups();
        for (int g = 0; g < groups.size(); g++) {
            List<PlanTaskEntity> tasks = groups.get(g).getTasks();
            for (int t = 0; t < tasks.size(); t++) {
                if (tasks.get(t).getNumber().equals(number)) {
                    return new Located(groups.get(g), g, tasks.get(t), t);
                }
            }
        }
        throw new NotFoundException("No task " + number + " in plan " + plan.getCode());
    }

    private static void keepsATask(TaskGroupEntity group) {
        if (group.getTasks().size() == 1) {
            throw conflict("Last task of its group", InputProblem.of("", "task.last",
                    "group " + group.getNumber() + " keeps at least one task; remove the group instead",
                    group.getNumber()));
        }
    }

    /** A 1-based position among {@code places} as a list index; null is the last place. */
    private static int index(Integer position, int places) {
        if (position == null) {
            return places - 1;
        }
        if (position < 1 || position > places) {
            refuse(List.of(InputProblem.of("position", "edit.position",
                    "the position is from 1 to " + places, places)));
        }
        return position - 1;
    }

    private static void refuse(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(TITLE, problems);
        }
    }

    private static InvalidInputException stale(int version) {
        return conflict("Plan changed meanwhile", InputProblem.of("version", "plan.stale",
                "the plan has changed since version " + version + "; read it again and redo the edit", version));
    }

    private static InvalidInputException conflict(String title, InputProblem problem) {
        return new InvalidInputException(HttpStatus.CONFLICT, title, List.of(problem));
    }

    /** The bodies of the issuer's and the consolidating body's province that exist today, the central ones, and those named. */
    private List<EditablePlan.BodyChoice> choices(PlanEntity plan) {
        Set<String> named = new HashSet<>();
        plan.getGroups().forEach(g -> g.getTasks().forEach(t -> {
            named.addAll(t.getLead());
            named.addAll(t.getCooperating());
        }));
        Set<String> provinces = new HashSet<>(List.of(province(plan.getIssuerCode()),
                province(plan.getConsolidatingCode())));
        LocalDate today = LocalDate.now(PlanPageController.VIETNAM);
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return directory.bodies().stream()
                .filter(b -> named.contains(b.code()) || b.isActiveOn(today)
                        && (b.level() == BodyLevel.CENTRAL || provinces.contains(province(b.code()))))
                .sorted(Comparator.comparing((BodyView b) -> b.level() == BodyLevel.CENTRAL)
                        .thenComparing(BodyView::level)
                        .thenComparing(b -> b.shortName() == null ? b.name() : b.shortName(), vietnamese))
                .map(b -> new EditablePlan.BodyChoice(b.code(), b.name(),
                        b.shortName() == null ? b.name() : b.shortName(), !b.isActiveOn(today)))
                .toList();
    }

    /** "QNG-STTTT" → "QNG-"; a central code ("BTTTT") → "". */
    private static String province(String code) {
        return code.substring(0, code.indexOf('-') + 1);
    }

    private record Located(TaskGroupEntity group, int groupIndex, PlanTaskEntity task, int taskIndex) {
    }

    /**
     * What an edit touched: its number now, and where it sits in the plan file, so that a problem
     * the whole-file check finds there is reported at the field of the edit ("content", not
     * "groups[2].tasks[4].content"): the first prefix that matches is replaced.
     */
    private record Target(String number, List<Prefix> prefixes) {

        static final String FIRST_TASK = "firstTask.";

        static Target task(String number, int group, int task) {
            return new Target(number, List.of(new Prefix("groups[" + group + "].tasks[" + task + "].", "")));
        }

        static Target group(String number, int group) {
            return new Target(number, List.of(new Prefix("groups[" + group + "].", "")));
        }

        static Target newGroup(String number, int group) {
            return new Target(number, List.of(new Prefix("groups[" + group + "].tasks[0].", FIRST_TASK),
                    new Prefix("groups[" + group + "].", "")));
        }

        static Target removed(String number) {
            return new Target(number, List.of());
        }

        List<InputProblem> remap(List<InputProblem> problems) {
            return problems.stream().map(p -> prefixes.stream().filter(x -> p.path().startsWith(x.file())).findFirst()
                    .map(x -> new InputProblem(x.request() + p.path().substring(x.file().length()), p.message(),
                            p.code(), p.arguments()))
                    .orElse(p)).toList();
        }
    }

    private record Prefix(String file, String request) {
    }
}
