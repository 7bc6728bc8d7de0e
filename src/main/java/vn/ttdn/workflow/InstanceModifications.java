package vn.ttdn.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.workflow.SupervisedInstances.Instance;

/**
 * An administrator's changes to running instances: move one from a step to another (Camunda's
 * process instance modification: the step's activity instances cancelled, the target started
 * before), and migrate instances of a process to another deployed version of it (a migration plan
 * mapping equal activities). Each is previewed first, and a preview changes nothing: a move's
 * preview is read from the instance, a migration's is the plan's validation and, per instance, the
 * migration run in a transaction of its own that is always rolled back (ADR 0013). Each change is
 * one transaction and appended to the audit record with its actor and reason.
 */
@Service
public class InstanceModifications {

    /** Move {@code instanceId} from {@code fromActivityId} to {@code toActivityId}; only a preview unless {@code preview} is false. */
    public record Move(String fromActivityId, String toActivityId, String reason, Boolean preview) {

        boolean isPreview() {
            return !Boolean.FALSE.equals(preview);
        }
    }

    /**
     * Migrate the running instances of {@code processKey} in version {@code fromVersion} (those of
     * {@code instanceIds}, or all) to {@code toVersion}; only a preview unless {@code preview} is false.
     */
    public record Migration(String processKey, Integer fromVersion, Integer toVersion, List<String> instanceIds,
                            String reason, Boolean preview) {

        boolean isPreview() {
            return !Boolean.FALSE.equals(preview);
        }
    }

    /** A step of a model: its id, its name, its kind (userTask, serviceTask, callActivity…). */
    public record Step(String activityId, String name, String type) {
    }

    public record TaskLine(String id, String name, String assignee, String assigneeName) {
    }

    /**
     * A move, previewed or done: what is cancelled (the step's activity instances, their tasks, the
     * instances it called) and what is started; {@code targetWaits} whether the target waits (a task,
     * a timer) or runs at once; {@code activeAfter} where the instance stands after (done moves only).
     */
    public record MoveReport(String instanceId, boolean preview, Step from, Step to, int cancelledInstances,
                             List<TaskLine> cancelledTasks, List<String> calledInstances, boolean targetWaits,
                             List<Step> activeAfter) {
    }

    /** The steps an administrator may move an instance from (where it stands) and to (any step of its model). */
    public record MoveOptions(String instanceId, List<Step> active, List<Step> targets) {
    }

    /** One mapping of the migration plan: the source step and the target it keeps its place in. */
    public record Mapping(String source, String sourceName, String target) {
    }

    /** One instance in a migration: where it stands before and (previewed or done) after, or why it cannot move. */
    public record InstanceMigration(String instanceId, String businessKey, Long planId, String planCode, boolean valid,
                                    List<Step> before, List<Step> after, List<String> failures) {
    }

    /**
     * A migration, previewed or done: the versions, the plan's mappings and what it refuses, and
     * each instance. {@code valid} when the plan and every instance can migrate.
     */
    public record MigrationReport(String processKey, int fromVersion, int toVersion, String fromDefinitionId,
                                  String toDefinitionId, boolean preview, boolean valid, List<Mapping> mappings,
                                  List<String> planFailures, List<InstanceMigration> instances) {
    }

    /** A deployed version of a process and how many of its instances run. */
    public record ProcessVersion(String processKey, String name, int version, String definitionId, Instant deployedAt,
                                 long running) {
    }

    private final SupervisedInstances instances;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final HistoryService history;
    private final PlanLifecycle plans;
    private final vn.ttdn.directory.DirectoryService directory;
    private final TransactionTemplate write;
    private final TransactionTemplate dryRun;

    InstanceModifications(SupervisedInstances instances, RuntimeService runtime, RepositoryService repository,
                          TaskService tasks, HistoryService history, PlanLifecycle plans,
                          vn.ttdn.directory.DirectoryService directory, PlatformTransactionManager transactions) {
        this.directory = directory;
        this.instances = instances;
        this.runtime = runtime;
        this.repository = repository;
        this.tasks = tasks;
        this.history = history;
        this.plans = plans;
        this.write = new TransactionTemplate(transactions);
        this.dryRun = new TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Where the instance stands and every step of its model, for the move form. */
    @Transactional(readOnly = true)
    public MoveOptions moveOptions(String instanceId, CurrentUser user) {
        instances.administer(instanceId, user);
        ProcessInstance instance = running(instanceId);
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<Step> targets = model.getModelElementsByType(FlowNode.class).stream().filter(InstanceModifications::isTarget)
                .map(InstanceModifications::step).sorted(Comparator.comparing(Step::name, Comparator.nullsLast(
                        Comparator.naturalOrder()))).toList();
        return new MoveOptions(instanceId, leaves(runtime.getActivityInstance(instanceId), model), targets);
    }

    /**
     * Moves the instance from a step it stands at to another step of its model: the target started
     * first, then every activity instance of the step cancelled (with its tasks, and the instances it
     * called), so the instance never stands nowhere. A preview reads what would be cancelled and
     * started, and changes nothing.
     */
    @Transactional
    public MoveReport move(String instanceId, Move in, CurrentUser user) {
        Instance catalogued = instances.administer(instanceId, user);
        List<InputProblem> problems = new ArrayList<>();
        boolean preview = in == null || in.isPreview();
        String reason = preview ? null : SupervisedInstances.reason(in.reason(), problems);
        String from = in == null || blank(in.fromActivityId()) ? null : in.fromActivityId().trim();
        String to = in == null || blank(in.toActivityId()) ? null : in.toActivityId().trim();
        ProcessInstance instance = running(instanceId);
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        ActivityInstance tree = runtime.getActivityInstance(instanceId);
        List<String> cancelActivities = new ArrayList<>();
        List<String> cancelTransitions = new ArrayList<>();
        if (from == null) {
            problems.add(InputProblem.of("fromActivityId", "supervision.move.fromRequired", "the step to leave is required"));
        } else {
            ActivityInstance[] body = tree.getActivityInstances(from + "#multiInstanceBody");
            for (ActivityInstance a : body.length > 0 ? body : tree.getActivityInstances(from)) {
                cancelActivities.add(a.getId());
            }
            for (TransitionInstance t : tree.getTransitionInstances(from)) {
                cancelTransitions.add(t.getId());
            }
            if (cancelActivities.isEmpty() && cancelTransitions.isEmpty()) {
                problems.add(InputProblem.of("fromActivityId", "supervision.move.notActive",
                        "the instance does not stand at " + from, from));
            }
        }
        ModelElementInstance target = to == null ? null : model.getModelElementById(to);
        if (to == null) {
            problems.add(InputProblem.of("toActivityId", "supervision.move.toRequired", "the target step is required"));
        } else if (!(target instanceof FlowNode node) || !isTarget(node)) {
            problems.add(InputProblem.of("toActivityId", "supervision.move.unknownTarget",
                    "the process has no step " + to + " an instance can be moved to", to));
        }
        SupervisedInstances.throwIfAny(problems);
        FlowNode targetNode = (FlowNode) target;
        List<TaskLine> cancelledTasks = new ArrayList<>();
        if (!cancelActivities.isEmpty()) {
            for (Task t : tasks.createTaskQuery().processInstanceId(instanceId)
                    .activityInstanceIdIn(taskActivityInstances(tree, cancelActivities)).list()) {
                cancelledTasks.add(new TaskLine(t.getId(), t.getName(), t.getAssignee(), t.getAssignee() == null ? null
                        : directory.person(t.getAssignee()).map(vn.ttdn.directory.PersonView::fullName)
                        .orElse(t.getAssignee())));
            }
        }
        List<String> called = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(from).unfinished().list().stream().map(HistoricActivityInstance::getCalledProcessInstanceId)
                .filter(java.util.Objects::nonNull).sorted().toList();
        Step fromStep = step(model.getModelElementById(from) instanceof FlowNode n ? n : null, from);
        Step toStep = step(targetNode);
        boolean waits = waits(targetNode);
        if (preview) {
            return new MoveReport(instanceId, true, fromStep, toStep, cancelActivities.size() + cancelTransitions.size(),
                    cancelledTasks, called, waits, null);
        }
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instanceId)
                .startBeforeActivity(to);
        cancelActivities.forEach(modification::cancelActivityInstance);
        cancelTransitions.forEach(modification::cancelTransitionInstance);
        try {
            modification.setAnnotation(reason).execute();
        } catch (ProcessEngineException e) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Move refused", List.of(InputProblem.of("",
                    "supervision.move.refused", "the engine refused the move: " + e.getMessage(), e.getMessage())));
        }
        instances.record(AuditKind.INSTANCE_MOVED, catalogued, null, to, toStep.name(), user,
                SupervisedInstances.details("reason", reason, "from", from, "fromName", fromStep.name(), "to", to,
                        "toName", toStep.name(), "cancelledTasks", cancelledTasks.stream().map(TaskLine::id).toList(),
                        "calledInstances", called));
        ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        return new MoveReport(instanceId, false, fromStep, toStep, cancelActivities.size() + cancelTransitions.size(),
                cancelledTasks, called, waits, after == null ? List.of() : leaves(runtime.getActivityInstance(instanceId),
                model));
    }

    /** Every deployed version of every process, newest first per process, with its running instances. */
    @Transactional(readOnly = true)
    public List<ProcessVersion> versions(CurrentUser user) {
        instances.checkAdmin(user);
        List<ProcessVersion> versions = new ArrayList<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list()) {
            var deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
            versions.add(new ProcessVersion(d.getKey(), d.getName(), d.getVersion(), d.getId(),
                    deployment == null || deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant(),
                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()));
        }
        return versions;
    }

    /**
     * Migrates running instances of one version of a process to another (equal activities mapped). A
     * preview validates the plan and, for each instance, runs the migration in a transaction of its
     * own that is rolled back, to tell where it would stand or why it cannot move; nothing changes.
     * Done, it migrates every instance or none.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public MigrationReport migrate(Migration in, CurrentUser user) {
        instances.checkAdmin(user);
        if (in == null || in.isPreview()) {
            return dryRun.execute(status -> {
                try {
                    return plan(in, true, user);
                } finally {
                    status.setRollbackOnly();
                }
            });
        }
        return write.execute(status -> plan(in, false, user));
    }

    private MigrationReport plan(Migration in, boolean preview, CurrentUser user) {
        List<InputProblem> problems = new ArrayList<>();
        String reason = preview ? null : SupervisedInstances.reason(in.reason(), problems);
        String key = in == null || blank(in.processKey()) ? null : in.processKey().trim();
        if (key == null) {
            problems.add(InputProblem.of("processKey", "supervision.migrate.processRequired", "the process is required"));
        }
        ProcessDefinition source = version(key, in == null ? null : in.fromVersion(), "fromVersion", problems);
        ProcessDefinition target = version(key, in == null ? null : in.toVersion(), "toVersion", problems);
        if (source != null && target != null && source.getId().equals(target.getId())) {
            problems.add(InputProblem.of("toVersion", "supervision.migrate.sameVersion",
                    "the versions must differ", String.valueOf(target.getVersion())));
        }
        List<String> ids = new ArrayList<>();
        if (source != null) {
            Set<String> ofSource = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
                    .map(ProcessInstance::getId).collect(Collectors.toCollection(LinkedHashSet::new));
            if (in.instanceIds() == null || in.instanceIds().isEmpty()) {
                ids.addAll(ofSource);
            } else {
                for (int i = 0; i < in.instanceIds().size(); i++) {
                    String id = in.instanceIds().get(i);
                    if (id == null || !ofSource.contains(id)) {
                        problems.add(InputProblem.of("instanceIds[" + i + "]", "supervision.migrate.notOfVersion",
                                "no running instance " + id + " of version " + source.getVersion(), String.valueOf(id),
                                String.valueOf(source.getVersion())));
                    } else if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        SupervisedInstances.throwIfAny(problems);
        List<Mapping> mappings = new ArrayList<>();
        List<String> planFailures = new ArrayList<>();
        MigrationPlan plan = null;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
                r.getFailures().forEach(f -> planFailures.add(r.getMigrationInstruction().getSourceActivityId() + ": " + f));
            }
            e.getValidationReport().getVariableReports().forEach((name, r) ->
                    r.getFailures().forEach(f -> planFailures.add(name + ": " + f)));
        }
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        if (plan != null) {
            plan.getInstructions().forEach(i -> mappings.add(new Mapping(i.getSourceActivityId(),
                    name(sourceModel, i.getSourceActivityId()), i.getTargetActivityId())));
        }
        Map<Long, PlanLabel> labels = plans.labels(ids.stream().map(instances::find)
                .flatMap(java.util.Optional::stream).map(Instance::planId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        List<InstanceMigration> lines = new ArrayList<>();
        if (plan == null) {
            if (!preview) {
                throw new InvalidInputException("Migration plan invalid", planFailures.stream().map(f -> InputProblem.of(
                        "toVersion", "supervision.migrate.planInvalid", f, f)).toList());
            }
            ids.forEach(id -> lines.add(line(id, sourceModel, labels, false, null, List.of())));
            return report(source, target, true, false, mappings, planFailures, lines);
        }
        if (preview) {
            MigrationPlan checked = plan;
            for (String id : ids) {
                List<Step> before = leaves(runtime.getActivityInstance(id), sourceModel);
                lines.add(dryRun.execute(status -> {
                    try {
                        runtime.newMigration(checked).processInstanceIds(id).execute();
                        return line(id, before, labels, true, leaves(runtime.getActivityInstance(id), targetModel),
                                List.of());
                    } catch (MigratingProcessInstanceValidationException e) {
                        return line(id, before, labels, false, null, failures(e.getValidationReport()));
                    } finally {
                        status.setRollbackOnly();
                    }
                }));
            }
            return report(source, target, true, lines.stream().allMatch(InstanceMigration::valid), mappings, planFailures,
                    lines);
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Nothing to migrate", List.of(InputProblem.of(
                    "instanceIds", "supervision.migrate.nothing", "no running instance of that version")));
        }
        Map<String, List<Step>> before = new java.util.LinkedHashMap<>();
        ids.forEach(id -> before.put(id, leaves(runtime.getActivityInstance(id), sourceModel)));
        try {
            runtime.newMigration(plan).processInstanceIds(ids).execute();
        } catch (MigratingProcessInstanceValidationException e) {
            int at = ids.indexOf(e.getValidationReport().getProcessInstanceId());
            throw new InvalidInputException("Instance cannot migrate", failures(e.getValidationReport()).stream()
                    .map(f -> InputProblem.of("instanceIds[" + Math.max(at, 0) + "]", "supervision.migrate.instanceInvalid",
                            f, e.getValidationReport().getProcessInstanceId(), f)).toList());
        }
        for (String id : ids) {
            instances.record(AuditKind.INSTANCE_MIGRATED, instances.instance(id), null, null, null, user,
                    SupervisedInstances.details("reason", reason, "processKey", key,
                            "fromVersion", source.getVersion(), "toVersion", target.getVersion(),
                            "fromDefinitionId", source.getId(), "toDefinitionId", target.getId()));
            lines.add(line(id, before.get(id), labels, true, leaves(runtime.getActivityInstance(id), targetModel),
                    List.of()));
        }
        return report(source, target, false, true, mappings, planFailures, lines);
    }

    private ProcessDefinition version(String key, Integer version, String path, List<InputProblem> problems) {
        if (version == null) {
            problems.add(InputProblem.of(path, "supervision.migrate.versionRequired", "the version is required"));
            return null;
        }
        if (key == null) {
            return null;
        }
        ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (found == null) {
            problems.add(InputProblem.of(path, "supervision.migrate.unknownVersion",
                    "process " + key + " has no version " + version, key, String.valueOf(version)));
        }
        return found;
    }

    private MigrationReport report(ProcessDefinition source, ProcessDefinition target, boolean preview, boolean valid,
                                   List<Mapping> mappings, List<String> planFailures, List<InstanceMigration> lines) {
        return new MigrationReport(source.getKey(), source.getVersion(), target.getVersion(), source.getId(),
                target.getId(), preview, valid && planFailures.isEmpty(), mappings, planFailures, lines);
    }

    private InstanceMigration line(String id, BpmnModelInstance model, Map<Long, PlanLabel> labels, boolean valid,
                                   List<Step> after, List<String> failures) {
        return line(id, leaves(runtime.getActivityInstance(id), model), labels, valid, after, failures);
    }

    private InstanceMigration line(String id, List<Step> before, Map<Long, PlanLabel> labels, boolean valid,
                                   List<Step> after, List<String> failures) {
        Instance catalogued = instances.find(id).orElse(null);
        Long planId = catalogued == null ? null : catalogued.planId();
        PlanLabel plan = planId == null ? null : labels.get(planId);
        return new InstanceMigration(id, catalogued == null ? null : catalogued.businessKey(), planId,
                plan == null ? null : plan.code(), valid, before, after, failures);
    }

    private static List<String> failures(MigratingProcessInstanceValidationReport report) {
        List<String> failures = new ArrayList<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
            a.getFailures().forEach(f -> failures.add(a.getSourceScopeId() + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
            t.getFailures().forEach(f -> failures.add(t.getSourceScopeId() + ": " + f));
        }
        return failures;
    }

    private ProcessInstance running(String instanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) {
            throw SupervisedInstances.ended();
        }
        return instance;
    }

    /** Where an instance stands: the activities of its tree that hold no other, by model order of appearance. */
    private static List<Step> leaves(ActivityInstance tree, BpmnModelInstance model) {
        Set<String> ids = new LinkedHashSet<>();
        collect(tree, ids);
        return ids.stream().map(id -> step(model.getModelElementById(id) instanceof FlowNode n ? n : null, id)).toList();
    }

    private static void collect(ActivityInstance instance, Collection<String> ids) {
        for (TransitionInstance t : instance.getChildTransitionInstances()) {
            ids.add(t.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            String id = child.getActivityId();
            if (id.endsWith("#multiInstanceBody")) {
                collect(child, ids);
            } else if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                ids.add(id);
            } else {
                ids.add(id);
                collect(child, ids);
            }
        }
    }

    /** The activity instances whose tasks a cancellation ends: those given and the ones inside a multi-instance body. */
    private static String[] taskActivityInstances(ActivityInstance tree, List<String> cancelled) {
        Set<String> ids = new LinkedHashSet<>(cancelled);
        for (String id : cancelled) {
            ActivityInstance found = find(tree, id);
            if (found != null) {
                for (ActivityInstance child : found.getChildActivityInstances()) {
                    ids.add(child.getId());
                }
            }
        }
        return ids.toArray(String[]::new);
    }

    private static ActivityInstance find(ActivityInstance instance, String id) {
        if (instance.getId().equals(id)) {
            return instance;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ActivityInstance found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A step an instance may be moved to: any flow node but a boundary event (it belongs to its host) or a start event. */
    private static boolean isTarget(FlowNode node) {
        return !(node instanceof BoundaryEvent) && !(node instanceof StartEvent);
    }

    /** Whether an instance moved there waits (a task, a call, a timer or message) rather than going on at once. */
    private static boolean waits(FlowNode node) {
        return node instanceof UserTask || node instanceof ReceiveTask || node instanceof CallActivity
                || node instanceof SubProcess || node instanceof CatchEvent && !(node instanceof StartEvent);
    }

    private static Step step(FlowNode node) {
        return new Step(node.getId(), node.getName(), node.getElementType().getTypeName());
    }

    private static Step step(FlowNode node, String id) {
        return node == null ? new Step(id, id, null) : step(node);
    }

    private static String name(BpmnModelInstance model, String id) {
        return model.getModelElementById(id) instanceof FlowNode n ? n.getName() : id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
