package vn.ttdn.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.Approvals;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.PlanApproval.Activity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The human tasks, for the inbox, the task page and the task API. The rules hold for every caller:
 * only a candidate claims, only the assignee completes, no one approves what they drafted or
 * signed, and officers see only their bodies' tasks. A task someone else took or finished first
 * answers 409; a task one may not touch answers 403; both leave it as it was.
 */
@Service
@Transactional
public class WorkflowTasks {

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
    private final StepHandlers handlers;
    private final Approvals approvals;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final ObjectMapper json;
    private final FormValidator validator = new FormValidator();

    WorkflowTasks(TaskService tasks, FormService forms, RuntimeService runtime, HistoryService history,
                  StepHandlers handlers, Approvals approvals, PlanLifecycle plans, DirectoryService directory,
                  ObjectMapper json) {
        this.tasks = tasks;
        this.forms = forms;
        this.runtime = runtime;
        this.history = history;
        this.handlers = handlers;
        this.approvals = approvals;
        this.plans = plans;
        this.directory = directory;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public List<TaskView> list(CurrentUser user, Scope scope) {
        List<String> groups = EngineGroups.of(user.roles(), user.bodyCode());
        Map<String, Task> found = new LinkedHashMap<>();
        if (scope == Scope.EVERY) {
            if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
                throw ForbiddenException.of("task.everyForbidden", "only supervisors list every task");
            }
            tasks.createTaskQuery().active().list().forEach(t -> found.put(t.getId(), t));
        }
        if (scope == Scope.MINE || scope == Scope.ALL_MINE) {
            tasks.createTaskQuery().taskAssignee(user.username()).active().list().forEach(t -> found.put(t.getId(), t));
        }
        if ((scope == Scope.GROUPS || scope == Scope.ALL_MINE) && !groups.isEmpty()) {
            tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active().list()
                    .forEach(t -> found.put(t.getId(), t));
        }
        return views(found.values());
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
        Activity activity = activity(view);
        return new TaskForm(view, schema(taskId), handlers.initialData(activity, view.planId()));
    }

    public TaskView claim(String taskId, CurrentUser user) {
        Task task = open(taskId);
        if (!isCandidate(task, user)) {
            throw ForbiddenException.of("task.notCandidate", "only a candidate may claim this task");
        }
        refuseIfSegregated(task, user);
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(user.username())) {
                return view(task);
            }
            throw claimedByOther(task.getAssignee());
        }
        try {
            tasks.claim(taskId, user.username());
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
        tasks.setAssignee(taskId, null);
        return view(open(taskId));
    }

    /** Checks the values against the task's form, records the step and completes the task, all or nothing. */
    public void complete(String taskId, Map<String, Object> values, CurrentUser user) {
        Task task = open(taskId);
        if (!user.username().equals(task.getAssignee())) {
            throw task.getAssignee() == null
                    ? ForbiddenException.of("task.claimFirst", "claim the task before completing it")
                    : ForbiddenException.of("task.notAssignee", "only the assignee may complete this task");
        }
        refuseIfSegregated(task, user);
        TaskView view = view(task);
        Activity activity = activity(view);
        Map<String, Object> accepted = validator.validate(schema(taskId), values == null ? Map.of() : values,
                handlers.initialData(activity, view.planId()));
        Integer version = (Integer) runtime.getVariable(task.getExecutionId(), PlanApproval.VERSION);
        Map<String, Object> variables = handlers.complete(activity, view.planId(), version, view.consultedBody(),
                accepted, user);
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw completedByOther();
        }
    }

    private void refuseIfSegregated(Task task, CurrentUser user) {
        Activity activity = Activity.of(task.getTaskDefinitionKey()).orElseThrow();
        long planId = planId(task.getProcessInstanceId());
        approvals.refusal(activity.step, planId, user.username()).ifPresent(code -> {
            throw ForbiddenException.of(code, "you drafted or signed this Tờ trình, so you may not approve it");
        });
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

    private static Activity activity(TaskView view) {
        return Activity.of(view.taskKey()).orElseThrow(() -> new IllegalStateException("Unknown task " + view.taskKey()));
    }

    private long planId(String processInstanceId) {
        return (Long) runtime.getVariable(processInstanceId, PlanApproval.PLAN_ID);
    }

    /** One task's view; a task whose process ended meanwhile was finished by someone else (409). */
    private TaskView view(Task task) {
        return views(List.of(task)).stream().findFirst().orElseThrow(WorkflowTasks::completedByOther);
    }

    /** Views of several tasks, reading their plans and the consulted bodies in one query each. */
    private List<TaskView> views(Collection<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instances = found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Long> planIds = new HashMap<>();
        Map<String, String> consulted = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn(PlanApproval.PLAN_ID, PlanApproval.CONSULTED_BODY).list()) {
            if (PlanApproval.PLAN_ID.equals(v.getName())) {
                planIds.put(v.getProcessInstanceId(), (Long) v.getValue());
            } else {
                consulted.put(v.getExecutionId(), (String) v.getValue());
            }
        }
        Map<Long, PlanLabel> labels = plans.labels(Set.copyOf(planIds.values()));
        Map<String, String> names = new HashMap<>();
        found.stream().map(Task::getAssignee).filter(Objects::nonNull).distinct().forEach(a ->
                names.put(a, directory.person(a).map(PersonView::fullName).orElse(a)));
        List<TaskView> views = new ArrayList<>();
        for (Task t : found) {
            Long planId = planIds.get(t.getProcessInstanceId());
            if (planId == null) {
                // its process ended between the two reads (someone completed the last task meanwhile)
                continue;
            }
            PlanLabel plan = labels.get(planId);
            views.add(new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), planId, plan.code(), plan.title(),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getAssignee(), t.getAssignee() == null ? null : names.get(t.getAssignee()),
                    consulted.get(t.getExecutionId()), t.getProcessInstanceId()));
        }
        views.sort(Comparator.comparing(TaskView::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TaskView::created));
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
}
