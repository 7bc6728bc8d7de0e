package vn.ttdn.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.TaskRules.TaskContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The human tasks of every process, for the inbox, the task page and the task API. The rules hold
 * for every caller and every process: only a candidate claims, only the assignee completes, officers
 * see only their bodies' tasks; each process adds its own ({@link TaskRules}: segregation of duties,
 * the form's data, what completing records). A task someone else took or finished first answers 409;
 * a task one may not touch answers 403; both leave it as it was. A completion that clashes with a
 * parallel one on the engine's optimistic lock is run again, so a clash never reaches the user.
 */
@Service
@Transactional
public class WorkflowTasks {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTasks.class);

    /** The inbox's page size unless asked otherwise, and the largest it gives. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    /** How often a completion that clashed with a parallel one is run again before giving up. */
    static final int ATTEMPTS = 5;

    /** Which tasks the inbox lists. */
    public enum Scope {
        /** Assigned to the caller. */
        MINE,
        /** Offered to the caller's groups, whoever holds them. */
        GROUPS,
        /** Both. */
        ALL_MINE,
        /** Every open task (supervisors and administrators). */
        EVERY
    }

    private final TaskService tasks;
    private final FormService forms;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final Map<String, TaskRules> rules;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final FormValidator validator = new FormValidator();
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    WorkflowTasks(TaskService tasks, FormService forms, RuntimeService runtime, HistoryService history,
                  RepositoryService repository, List<TaskRules> rules, PlanLifecycle plans,
                  DirectoryService directory, ObjectMapper json, PlatformTransactionManager transactions,
                  org.camunda.bpm.engine.IdentityService identity) {
        this.identity = identity;
        this.tasks = tasks;
        this.forms = forms;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.rules = rules.stream().collect(Collectors.toMap(TaskRules::processKey, Function.identity()));
        this.plans = plans;
        this.directory = directory;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A page of the person's tasks in the scope, narrowed by the filter, the earliest due first (those
     * without a due date last), then the oldest: the page's rows and their count read in SQL
     * ({@link InboxSql}), their plans, bodies and assignees' names in one query each for the page.
     * {@code page} counts from 0; {@code size} is 1 to {@link #MAX_PAGE_SIZE}.
     */
    @Transactional(readOnly = true)
    public TaskPage page(CurrentUser user, Scope scope, TaskFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size);
        }
        if (scope == Scope.EVERY && !user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
            throw ForbiddenException.of("task.everyForbidden", "only supervisors list every task");
        }
        java.util.Optional<InboxSql> sql = InboxSql.of(user.username(), EngineGroups.of(user.roles(), user.bodyCode()),
                scope, filter);
        if (sql.isEmpty()) {
            return new TaskPage(page, size, 0, List.of());
        }
        InboxSql.Statement select = sql.get().tasks();
        org.camunda.bpm.engine.task.NativeTaskQuery query = tasks.createNativeTaskQuery().sql(select.sql());
        select.params().forEach(query::parameter);
        List<Task> found = query.listPage(page * size, size);
        long total;
        if (found.size() < size && (!found.isEmpty() || page == 0)) {
            // the last page: what came before it and what it holds
            total = (long) page * size + found.size();
        } else {
            InboxSql.Statement count = sql.get().count();
            org.camunda.bpm.engine.task.NativeTaskQuery counting = tasks.createNativeTaskQuery().sql(count.sql());
            count.params().forEach(counting::parameter);
            total = counting.count();
        }
        return new TaskPage(page, size, total, views(found));
    }

    /**
     * The person's tasks in the scope that the filter narrows to (a plan's, a round's, a step's), in the
     * inbox's order: at most {@link #MAX_PAGE_SIZE}, the first page of that size.
     */
    @Transactional(readOnly = true)
    public List<TaskView> list(CurrentUser user, Scope scope, TaskFilter filter) {
        return page(user, scope, filter, 0, MAX_PAGE_SIZE).items();
    }

    @Transactional(readOnly = true)
    public TaskView get(String taskId, CurrentUser user) {
        Task task = open(taskId);
        if (!isCandidate(task, user) && !user.username().equals(task.getAssignee())
                && !user.hasAnyRole(Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN)) {
            throw ForbiddenException.of("task.notYours", "this task is not offered to you");
        }
        return view(task);
    }

    @Transactional(readOnly = true)
    public TaskForm form(String taskId, CurrentUser user) {
        TaskView view = get(taskId, user);
        Task task = open(taskId);
        return new TaskForm(view, schema(taskId), rulesOf(task).initialData(context(task)));
    }

    public TaskView claim(String taskId, CurrentUser user) {
        Task task = open(taskId);
        if (!isCandidate(task, user)) {
            throw ForbiddenException.of("task.notCandidate", "only a candidate may claim this task");
        }
        refuseIfSegregated(task, context(task), user);
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(user.username())) {
                return view(task);
            }
            throw claimedByOther(task.getAssignee());
        }
        try {
            onBehalfOf(user, () -> tasks.claim(taskId, user.username()));
        } catch (TaskAlreadyClaimedException e) {
            throw claimedByOther(e.getTaskAssignee());
        }
        return view(open(taskId));
    }

    public TaskView unclaim(String taskId, CurrentUser user) {
        Task task = open(taskId);
        if (!user.username().equals(task.getAssignee())) {
            throw ForbiddenException.of("task.notAssignee", "only the assignee may release this task");
        }
        onBehalfOf(user, () -> tasks.setAssignee(taskId, null));
        return view(open(taskId));
    }

    /**
     * Runs engine work as the person it is done for: a request has set the engine's authenticated
     * user already (EngineAuthenticationFilter); work outside a request (the demo's reports, a job)
     * gets the person set for its duration, so that history and the audit record name them.
     */
    private void onBehalfOf(CurrentUser user, Runnable work) {
        if (identity.getCurrentAuthentication() != null) {
            work.run();
            return;
        }
        identity.setAuthentication(user.username(), EngineGroups.of(user.roles(), user.bodyCode()));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Checks the values against the task's form, records what the step means and completes the
     * task, all or nothing, in a transaction of its own. A clash with a parallel completion on the
     * engine's optimistic lock rolls that transaction back and runs it again from the start.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public void complete(String taskId, Map<String, Object> values, CurrentUser user) {
        for (int attempt = 1; ; attempt++) {
            try {
                onBehalfOf(user, () -> transaction.executeWithoutResult(status -> completeOnce(taskId, values, user)));
                return;
            } catch (OptimisticLockingException e) {
                if (attempt == ATTEMPTS) {
                    log.warn("Task {} clashed {} times with parallel work; giving up", taskId, attempt);
                    throw busy();
                }
                log.info("Task {} clashed with parallel work (attempt {}); running it again", taskId, attempt);
            }
        }
    }

    private void completeOnce(String taskId, Map<String, Object> values, CurrentUser user) {
        Task task = open(taskId);
        if (!user.username().equals(task.getAssignee())) {
            throw task.getAssignee() == null
                    ? ForbiddenException.of("task.claimFirst", "claim the task before completing it")
                    : ForbiddenException.of("task.notAssignee", "only the assignee may complete this task");
        }
        TaskContext context = context(task);
        refuseIfSegregated(task, context, user);
        TaskRules rule = rulesOf(task);
        Map<String, Object> accepted = validator.validate(schema(taskId), values == null ? Map.of() : values,
                rule.initialData(context));
        AuditTrail.submitting(taskId, accepted, () -> tasks.complete(taskId,
                rule.complete(context, accepted, user, ClockUtil.getCurrentTime().toInstant())));
    }

    private void refuseIfSegregated(Task task, TaskContext context, CurrentUser user) {
        rulesOf(task).refusal(context, user).ifPresent(code -> {
            throw ForbiddenException.of(code, "you drafted or signed this document, so you may not approve it");
        });
    }

    /** Why this person may not take the task, if they may not (segregation of duties): a reason code. */
    java.util.Optional<String> refusal(Task task, CurrentUser user) {
        TaskContext context = context(task);
        return context == null ? java.util.Optional.empty() : rulesOf(task).refusal(context, user);
    }

    private Task open(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null) {
            throw completedByOther();
        }
        throw new NotFoundException("No task " + taskId);
    }

    private boolean isCandidate(Task task, CurrentUser user) {
        Set<String> groups = Set.copyOf(EngineGroups.of(user.roles(), user.bodyCode()));
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (groups.contains(link.getGroupId()) || user.username().equals(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }

    private JsonNode schema(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            return json.readTree(form);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the form of task " + taskId, e);
        }
    }

    private String processKey(String definitionId) {
        return processKeys.computeIfAbsent(definitionId,
                id -> repository.getProcessDefinition(id).getKey());
    }

    private TaskRules rulesOf(Task task) {
        TaskRules rule = rules.get(processKey(task.getProcessDefinitionId()));
        if (rule == null) {
            throw new IllegalStateException("No task rules for process " + task.getProcessDefinitionId());
        }
        return rule;
    }

    private TaskContext context(Task task) {
        return contexts(List.of(task)).get(task.getId());
    }

    /**
     * The contexts of several tasks, their variables read in one query: the process instance's, with
     * the task's own execution's over them (a multi-instance element variable).
     */
    private Map<String, TaskContext> contexts(Collection<Task> found) {
        Set<String> instances = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Set<String> names = new LinkedHashSet<>(List.of(TaskRules.PLAN_ID));
        rules.values().forEach(r -> names.addAll(r.viewVariables()));
        Map<String, Map<String, Object>> byExecution = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn(names.toArray(String[]::new)).list()) {
            byExecution.computeIfAbsent(v.getExecutionId(), e -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<String, TaskContext> contexts = new HashMap<>();
        for (Task t : found) {
            Map<String, Object> variables = new HashMap<>(byExecution.getOrDefault(t.getProcessInstanceId(), Map.of()));
            variables.putAll(byExecution.getOrDefault(t.getExecutionId(), Map.of()));
            if (variables.get(TaskRules.PLAN_ID) == null) {
                // its process ended between the two reads (someone completed the last task meanwhile)
                continue;
            }
            contexts.put(t.getId(), new TaskContext(t.getId(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                    t.getExecutionId(), variables));
        }
        return contexts;
    }

    /** One task's view; a task whose process ended meanwhile was finished by someone else (409). */
    private TaskView view(Task task) {
        return views(List.of(task)).stream().findFirst().orElseThrow(WorkflowTasks::completedByOther);
    }

    /**
     * Views of several tasks, in the order given, reading their variables, plans, bodies and assignees
     * in one query each (and the bodies an ended body's successors stand for, one per process).
     */
    private List<TaskView> views(Collection<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, TaskContext> contexts = contexts(found);
        Map<Long, PlanLabel> labels = plans.labels(contexts.values().stream().map(TaskContext::planId)
                .collect(Collectors.toSet()));
        Map<String, String> bodyOf = new HashMap<>();
        for (Task t : found) {
            TaskContext c = contexts.get(t.getId());
            if (c != null) {
                bodyOf.put(t.getId(), rulesOf(t).body(c));
            }
        }
        Map<String, String> bodies = directory.bodyNames(bodyOf.values().stream().filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<String, String> standsFor = new HashMap<>();
        Map<TaskRules, List<TaskContext>> byRules = new HashMap<>();
        for (Task t : found) {
            if (contexts.containsKey(t.getId())) {
                byRules.computeIfAbsent(rulesOf(t), r -> new ArrayList<>()).add(contexts.get(t.getId()));
            }
        }
        byRules.forEach((rule, list) -> standsFor.putAll(rule.standsFor(list)));
        Map<String, String> names = directory.fullNames(found.stream().map(Task::getAssignee).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<TaskView> views = new ArrayList<>();
        for (Task t : found) {
            TaskContext c = contexts.get(t.getId());
            if (c == null) {
                continue;
            }
            PlanLabel plan = labels.get(c.planId());
            String body = bodyOf.get(t.getId());
            Object round = c.variables().get(ReportRound.ROUND_ID);
            views.add(new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey(t.getProcessDefinitionId()),
                    c.planId(), plan.code(), plan.title(), body, bodies.getOrDefault(body, body),
                    standsFor.get(t.getId()), round == null ? null : ((Number) round).longValue(),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getAssignee(), t.getAssignee() == null ? null : names.getOrDefault(t.getAssignee(), t.getAssignee()),
                    c.string(PlanApproval.CONSULTED_BODY), t.getProcessInstanceId()));
        }
        return views;
    }

    private static InvalidInputException claimedByOther(String assignee) {
        return new InvalidInputException(HttpStatus.CONFLICT, "Task claimed by someone else", List.of(InputProblem.of(
                "", "task.claimedByOther", "the task was claimed by " + assignee, assignee)));
    }

    private static InvalidInputException completedByOther() {
        return new InvalidInputException(HttpStatus.CONFLICT, "Task already completed", List.of(InputProblem.of(
                "", "task.completed", "the task was completed already")));
    }

    private static InvalidInputException busy() {
        return new InvalidInputException(HttpStatus.SERVICE_UNAVAILABLE, "Busy, try again", List.of(InputProblem.of(
                "", "task.busy", "the task clashed with parallel work too often; nothing was changed, try again")));
    }
}
