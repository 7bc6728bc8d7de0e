package vn.ttdn.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.internal.EditRules;
import vn.ttdn.plan.internal.PlanEntity;
import vn.ttdn.plan.internal.PlanFileReader;
import vn.ttdn.plan.internal.PlanMapper;
import vn.ttdn.plan.internal.PlanRepository;
import vn.ttdn.plan.internal.PlanTaskEntity;
import vn.ttdn.plan.internal.TaskGroupEntity;
import vn.ttdn.plan.internal.VersionStore;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * Changes to an issued plan and its versions: what a proposed change must be to be applied (each
 * problem at its field), applying the approved ones as the plan's next version, and reading the
 * versions with what each changed. Who may propose and who decides is the amendment module's.
 *
 * <p>An issued plan's tasks keep their numbers: the rounds and reports that ran name them. A task
 * dropped leaves a gap, a new task takes the next number its group never gave, and a group whose
 * last task drops is dropped with it.
 */
@Service
@Transactional(readOnly = true)
public class PlanAmending {

    private final PlanRepository plans;
    private final PlanMapper mapper;
    private final PlanFileReader files;
    private final EditRules rules;
    private final VersionStore versions;
    private final PlanLifecycle lifecycle;
    private final DirectoryService directory;

    PlanAmending(PlanRepository plans, PlanMapper mapper, PlanFileReader files, EditRules rules, VersionStore versions,
                 PlanLifecycle lifecycle, DirectoryService directory) {
        this.plans = plans;
        this.mapper = mapper;
        this.files = files;
        this.rules = rules;
        this.versions = versions;
        this.lifecycle = lifecycle;
        this.directory = directory;
    }

    /**
     * What is wrong with a change proposed to the plan as it stands, each problem at its field
     * ({@code taskNumber}, {@code content}, {@code lead[0]}…); empty when it could be applied.
     */
    public List<InputProblem> problems(long planId, ChangeInput in) {
        PlanEntity plan = find(planId);
        List<InputProblem> problems = new ArrayList<>();
        if (in.kind() == null) {
            problems.add(InputProblem.of("kind", "amendment.kind", "kind must be ADD, CHANGE, DROP or REASSIGN"));
            return problems;
        }
        if (in.reason() == null) {
            problems.add(InputProblem.of("reason", "amendment.reasonRequired", "a proposed change needs its reason"));
        } else if (in.reason().length() > 4000) {
            problems.add(InputProblem.of("reason", "text.tooLong", "the reason may have at most 4000 characters", 4000));
        }
        if (in.kind() == ChangeKind.ADD) {
            if (in.groupNumber() == null || group(plan, in.groupNumber()).isEmpty()) {
                problems.add(InputProblem.of("groupNumber", "amendment.unknownGroup",
                        "the plan has no group " + in.groupNumber(), String.valueOf(in.groupNumber())));
            }
            problems.addAll(rules.check(new TaskInput(in.content(), in.lead(), in.cooperating(), in.timeline(),
                    in.timelineText(), TaskKind.ASSIGNED), ""));
            return problems;
        }
        Optional<Located> at = in.taskNumber() == null ? Optional.empty() : task(plan, in.taskNumber());
        if (at.isEmpty()) {
            problems.add(InputProblem.of("taskNumber", "amendment.unknownTask",
                    "the plan has no task " + in.taskNumber(), String.valueOf(in.taskNumber())));
            return problems;
        }
        PlanTaskEntity task = at.get().task();
        switch (in.kind()) {
            case CHANGE -> {
                TaskInput merged = changed(task, in);
                problems.addAll(rules.check(merged, ""));
                if (Objects.equals(merged.content(), task.getContent())
                        && Objects.equals(merged.timeline(), task.getTimeline())
                        && Objects.equals(merged.timelineText(), task.getTimelineText())) {
                    problems.add(InputProblem.of("content", "amendment.noChange",
                            "give the new content or timeline of task " + task.getNumber(), task.getNumber()));
                }
            }
            case REASSIGN -> {
                problems.addAll(rules.check(new TaskInput(task.getContent(), in.lead(), in.cooperating(),
                        task.getTimeline(), task.getTimelineText(), task.getKind()), ""));
                if (in.lead().equals(task.getLead()) && in.cooperating().equals(task.getCooperating())) {
                    problems.add(InputProblem.of("lead", "amendment.noChange",
                            "give the bodies task " + task.getNumber() + " goes to", task.getNumber()));
                }
            }
            case DROP -> {
                if (plan.getGroups().size() == 1 && at.get().group().getTasks().size() == 1) {
                    problems.add(InputProblem.of("taskNumber", "amendment.lastTask",
                            "task " + task.getNumber() + " is the plan's last task", task.getNumber()));
                }
            }
            default -> { }
        }
        return problems;
    }

    /**
     * Applies the approved changes, in order, to the plan's tasks and keeps the result as its next
     * version (version 1, the plan as issued, is kept first if it was not). Refused (409) when the
     * plan is not issued or a change no longer fits the plan as it stands; nothing is written then.
     */
    @Transactional
    public PlanVersion apply(long planId, List<ChangeInput> changes, String reference, LocalDate issuedOn,
                             Long amendmentId, String by) {
        lifecycle.lock(planId);
        PlanEntity plan = find(planId);
        if (plan.getStatus() != PlanStatus.ISSUED) {
            throw PlanLifecycle.notIn(plan.getStatus(), PlanStatus.ISSUED);
        }
        lifecycle.keepFirstVersion(plan, by);
        Map<String, BodyView> bodies = directory.bodies(codes(plan, changes));
        Set<String> numbersUsed = numbersEverUsed(plan);
        List<PlanChange> done = new ArrayList<>();
        for (ChangeInput change : changes) {
            List<InputProblem> problems = problems(planId, change);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(HttpStatus.CONFLICT, "A change no longer fits the plan", problems);
            }
            done.add(applyOne(plan, change, numbersUsed, bodies));
        }
        plan.markEdited(by);
        PlanFile file = mapper.toFile(plan);
        List<InputProblem> problems = files.problems(file);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "The amended plan is not a valid plan", problems);
        }
        plans.flush();
        int next = versions.latest(planId).orElse(1) + 1;
        versions.insert(planId, next, reference, issuedOn, amendmentId, files.toJson(file), done, by);
        return versions.one(planId, next).orElseThrow();
    }

    /** Every version of an issued plan, oldest first; version 1 is kept on the first asking. */
    @Transactional
    public List<PlanVersion> versions(long planId) {
        lifecycle.currentVersion(planId);
        return versions.list(planId);
    }

    /** One version with what it changed. */
    @Transactional
    public PlanVersion version(long planId, int number) {
        lifecycle.currentVersion(planId);
        return versions.one(planId, number)
                .orElseThrow(() -> new NotFoundException("No version " + number + " of plan " + planId));
    }

    private PlanChange applyOne(PlanEntity plan, ChangeInput in, Set<String> numbersUsed, Map<String, BodyView> bodies) {
        BodyRef by = in.proposedBy() == null ? null : ref(bodies, in.proposedBy());
        if (in.kind() == ChangeKind.ADD) {
            TaskGroupEntity group = group(plan, in.groupNumber()).orElseThrow();
            String number = nextNumber(group.getNumber(), numbersUsed);
            PlanTaskEntity created = new PlanTaskEntity(plan, number, in.content(), in.timeline(), in.timelineText(),
                    TaskKind.ASSIGNED, in.lead(), in.cooperating());
            group.getTasks().add(created);
            numbersUsed.add(number);
            return new PlanChange(ChangeKind.ADD, number, group.getNumber(), in.proposalId(), by, in.reason(), null,
                    state(created, bodies));
        }
        Located at = task(plan, in.taskNumber()).orElseThrow();
        PlanTaskEntity task = at.task();
        PlanChange.TaskState before = state(task, bodies);
        switch (in.kind()) {
            case CHANGE -> {
                TaskInput merged = changed(task, in);
                task.change(merged.content(), merged.timeline(), merged.timelineText(), task.getKind(),
                        List.copyOf(task.getLead()), List.copyOf(task.getCooperating()));
            }
            case REASSIGN -> task.change(task.getContent(), task.getTimeline(), task.getTimelineText(), task.getKind(),
                    in.lead(), in.cooperating());
            case DROP -> {
                at.group().getTasks().remove(task);
                if (at.group().getTasks().isEmpty()) {
                    plan.getGroups().remove(at.group());
                }
                return new PlanChange(ChangeKind.DROP, task.getNumber(), at.group().getNumber(), in.proposalId(), by,
                        in.reason(), before, null);
            }
            default -> throw new IllegalStateException();
        }
        return new PlanChange(in.kind(), task.getNumber(), at.group().getNumber(), in.proposalId(), by, in.reason(),
                before, state(task, bodies));
    }

    private static TaskInput changed(PlanTaskEntity task, ChangeInput in) {
        return new TaskInput(in.content() != null ? in.content() : task.getContent(), task.getLead(),
                task.getCooperating(), in.timeline() != null ? in.timeline() : task.getTimeline(),
                in.timelineText() != null ? in.timelineText()
                        : in.timeline() != null ? null : task.getTimelineText(), task.getKind());
    }

    /** "2" and numbers used 2.1–2.4 → "2.5": the next number its group never gave, in any version. */
    private static String nextNumber(String group, Set<String> used) {
        int highest = 0;
        for (String number : used) {
            if (number.startsWith(group + ".") && number.substring(group.length() + 1).matches("\\d{1,6}")) {
                highest = Math.max(highest, Integer.parseInt(number.substring(group.length() + 1)));
            }
        }
        return group + "." + (highest + 1);
    }

    private Set<String> numbersEverUsed(PlanEntity plan) {
        Set<String> used = new HashSet<>();
        plan.getGroups().forEach(g -> g.getTasks().forEach(t -> used.add(t.getNumber())));
        for (String kept : versions.snapshots(plan.getId())) {
            files.fromJson(kept).groups().forEach(g -> g.tasks().forEach(t -> used.add(t.number())));
        }
        return used;
    }

    private static PlanChange.TaskState state(PlanTaskEntity task, Map<String, BodyView> bodies) {
        return new PlanChange.TaskState(task.getContent(), task.getTimeline(), task.getTimelineText(),
                task.getLead().stream().map(c -> ref(bodies, c)).toList(),
                task.getCooperating().stream().map(c -> ref(bodies, c)).toList());
    }

    private static Collection<String> codes(PlanEntity plan, List<ChangeInput> changes) {
        Set<String> codes = new HashSet<>();
        plan.getGroups().forEach(g -> g.getTasks().forEach(t -> {
            codes.addAll(t.getLead());
            codes.addAll(t.getCooperating());
        }));
        changes.forEach(c -> {
            codes.addAll(c.lead());
            codes.addAll(c.cooperating());
            if (c.proposedBy() != null) {
                codes.add(c.proposedBy());
            }
        });
        return codes;
    }

    private static BodyRef ref(Map<String, BodyView> bodies, String code) {
        BodyView body = bodies.get(code);
        return body == null ? new BodyRef(code, code) : body.ref();
    }

    private static Optional<TaskGroupEntity> group(PlanEntity plan, String number) {
        return plan.getGroups().stream().filter(g -> g.getNumber().equals(number)).findFirst();
    }

    private static Optional<Located> task(PlanEntity plan, String number) {
        for (TaskGroupEntity group : plan.getGroups()) {
            for (PlanTaskEntity task : group.getTasks()) {
                if (task.getNumber().equals(number)) {
                    return Optional.of(new Located(group, task));
                }
            }
        }
        return Optional.empty();
    }

    private PlanEntity find(long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("No plan " + planId));
    }

    private record Located(TaskGroupEntity group, PlanTaskEntity task) {
    }
}
