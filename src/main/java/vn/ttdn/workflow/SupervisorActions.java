package vn.ttdn.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.Notifications;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.directory.Account;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.mail.OutgoingMail;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.workflow.SupervisedInstances.Instance;
import vn.ttdn.workflow.SupervisedInstances.TaskBody;

/**
 * A supervisor's actions on a running instance (an administrator may take them too): remind the
 * body its open task waits for, reassign an open task to another person of that body, extend a
 * deadline. Each is one transaction, refused as a whole (403 outside the supervisor's plans or for
 * anyone else, auditors included; 400 with every problem, a reason always among what is required),
 * and appended to the audit record with its actor and reason (ADR 0013).
 */
@Service
@Transactional
public class SupervisorActions {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Set<Role> OFFICERS_AND_LEADERS = Set.of(Role.OFFICER, Role.LEADER);

    /** Remind {@code bodyCode} (or, when none is given, every body the instance's open tasks wait for). */
    public record Remind(String bodyCode, String reason) {
    }

    /** Give the open task {@code taskId} to {@code username}, a person of the body it is offered to. */
    public record Reassign(String taskId, String username, String reason) {
    }

    /**
     * Move the due date of the open task {@code taskId} to the end of {@code until} (yyyy-mm-dd); on
     * a round's own instance, without a task, the round's deadline for every body.
     */
    public record Extend(String taskId, String until, String reason) {
    }

    /** The bodies reminded, each with how many of its officers and leaders were written to. */
    public record Reminded(String instanceId, List<BodyReminded> bodies) {
    }

    public record BodyReminded(String code, String name, List<String> tasks, int mailed) {
    }

    public record Reassigned(String taskId, String taskName, String from, String fromName, String to, String toName) {
    }

    /** What moved: {@code scope} task (its due date), report (the body's deadline in its round too) or round. */
    public record Extended(String scope, String taskId, Instant from, Instant to, LocalDate until, int tasksMoved,
                           List<String> timersMoved) {
    }

    /** One running instance as its actions page shows it. */
    public record Overview(String instanceId, String processKey, String processName, Integer version,
                           String businessKey, Long planId, String planCode, String planTitle, Long roundId,
                           String bodyCode, String bodyName, Instant startedAt, boolean running,
                           LocalDate roundDeadline, List<OpenTask> tasks, List<BodyLine> waitingBodies) {
    }

    /** An open task: where it waits, whose it is, who else of its body could take it. */
    public record OpenTask(String id, String name, String activityId, String instanceId, String bodyCode,
                           String bodyName, Role role, String assignee, String assigneeName, Instant created,
                           Instant due, boolean extendable, List<Candidate> candidates) {
    }

    public record Candidate(String username, String fullName, String title) {
    }

    public record BodyLine(String code, String name) {
    }

    private final SupervisedInstances instances;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final WorkflowTasks workflowTasks;
    private final DirectoryService directory;
    private final Notifications notifications;
    private final PlanLifecycle plans;
    private final Rounds rounds;
    private final RoundProcess roundProcess;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final String baseUrl;

    SupervisorActions(SupervisedInstances instances, TaskService tasks, RuntimeService runtime,
                      RepositoryService repository, WorkflowTasks workflowTasks, DirectoryService directory,
                      Notifications notifications, PlanLifecycle plans, Rounds rounds, RoundProcess roundProcess,
                      ApplicationEventPublisher events, MessageSource messages,
                      @Value("${ttdn.base-url:http://localhost:8080}") String baseUrl) {
        this.instances = instances;
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.workflowTasks = workflowTasks;
        this.directory = directory;
        this.notifications = notifications;
        this.plans = plans;
        this.rounds = rounds;
        this.roundProcess = roundProcess;
        this.events = events;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Reminds now, in-app and by e-mail to its officers and leaders, the body the instance's open
     * tasks (its own, or those of the instances it called) are offered to: the one given, or each.
     */
    public Reminded remind(String instanceId, Remind in, CurrentUser user) {
        Instance instance = instances.actOn(instanceId, user);
        List<InputProblem> problems = new ArrayList<>();
        String reason = SupervisedInstances.reason(in == null ? null : in.reason(), problems);
        Map<String, List<Task>> waiting = new LinkedHashMap<>();
        for (Task task : instances.openTasks(instanceId)) {
            instances.bodyOf(task.getId()).ifPresent(b -> waiting.computeIfAbsent(b.bodyCode(), c -> new ArrayList<>())
                    .add(task));
        }
        String wanted = in == null || blank(in.bodyCode()) ? null : in.bodyCode().trim();
        if (wanted != null && !waiting.containsKey(wanted)) {
            problems.add(InputProblem.of("bodyCode", "supervision.remind.notWaiting",
                    "no open task of the instance is offered to body " + wanted, wanted));
        }
        SupervisedInstances.throwIfAny(problems);
        if (waiting.isEmpty()) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Nothing waits", List.of(InputProblem.of("",
                    "supervision.remind.nothingWaiting", "no open task of the instance waits for a body")));
        }
        Collection<String> codes = wanted == null ? waiting.keySet() : List.of(wanted);
        Map<String, BodyView> bodies = directory.bodies(codes);
        String about = about(instance);
        List<BodyReminded> reminded = new ArrayList<>();
        List<Map<String, Object>> taskLines = new ArrayList<>();
        for (String code : codes) {
            List<Task> waits = waiting.get(code);
            String name = bodies.containsKey(code) ? bodies.get(code).name() : code;
            String works = String.join("; ", waits.stream().map(this::describe).toList());
            String link = waits.size() == 1 ? baseUrl + "/viec/" + waits.get(0).getId() : baseUrl + "/viec";
            String text = text("supervision.remind.body", user.fullName(), name, works, about, sentence(reason), link);
            notifications.notify(List.of(code), instance.planId(), text);
            List<String> to = directory.emailsIn(List.of(code), OFFICERS_AND_LEADERS);
            if (!to.isEmpty()) {
                events.publishEvent(new OutgoingMail(to, text("supervision.remind.subject",
                        String.join("; ", waits.stream().map(Task::getName).distinct().toList()), about), text));
            }
            reminded.add(new BodyReminded(code, name, waits.stream().map(Task::getId).toList(), to.size()));
            waits.forEach(t -> taskLines.add(SupervisedInstances.details("id", t.getId(), "name", t.getName(),
                    "activityId", t.getTaskDefinitionKey(), "body", code)));
        }
        instances.record(AuditKind.REMINDER_SENT, instance, null, null, null, user, SupervisedInstances.details(
                "reason", reason,
                "bodies", reminded.stream().map(b -> SupervisedInstances.details("code", b.code(), "name", b.name(),
                        "mailed", b.mailed())).toList(),
                "tasks", taskLines));
        return new Reminded(instanceId, reminded);
    }

    /**
     * Gives an open task to another person of the body its candidate group names, with the role it
     * names ({@code leader.QNG-SNGV}: a leader of the Sở Ngoại vụ), active, and not barred from it
     * (who drafted a report does not approve it).
     */
    public Reassigned reassign(String instanceId, Reassign in, CurrentUser user) {
        instances.actOn(instanceId, user);
        List<InputProblem> problems = new ArrayList<>();
        String reason = SupervisedInstances.reason(in == null ? null : in.reason(), problems);
        String taskId = in == null || blank(in.taskId()) ? null : in.taskId().trim();
        String username = in == null || blank(in.username()) ? null : in.username().trim();
        if (taskId == null) {
            problems.add(InputProblem.of("taskId", "supervision.taskRequired", "the task is required"));
        }
        if (username == null) {
            problems.add(InputProblem.of("username", "supervision.reassign.personRequired", "the person is required"));
        }
        SupervisedInstances.throwIfAny(problems);
        Task task = instances.openTask(instanceId, taskId);
        TaskBody body = instances.bodyOf(task.getId()).orElseThrow(() -> new InvalidInputException(HttpStatus.CONFLICT,
                "No body", List.of(InputProblem.of("taskId", "supervision.reassign.noBody",
                        "the task is offered to no body"))));
        Optional<PersonView> person = directory.person(username);
        BodyView bodyView = directory.body(body.bodyCode()).orElse(null);
        String bodyName = bodyView == null ? body.bodyCode() : bodyView.name();
        if (person.isEmpty()) {
            problems.add(InputProblem.of("username", "supervision.reassign.unknownPerson", "no person " + username,
                    username));
        } else {
            PersonView p = person.get();
            if (!p.body().code().equals(body.bodyCode()) || !p.roles().contains(body.role())) {
                problems.add(InputProblem.of("username", "supervision.reassign.otherBody",
                        username + " is not a " + body.role().code() + " of " + body.bodyCode(), p.fullName(),
                        roleName(body.role()), bodyName));
            } else if (!directory.account(username).map(Account::enabled).orElse(false)) {
                problems.add(InputProblem.of("username", "supervision.reassign.disabled",
                        username + " is deactivated", p.fullName()));
            } else if (username.equals(task.getAssignee())) {
                problems.add(InputProblem.of("username", "supervision.reassign.same",
                        "the task is assigned to " + username + " already", p.fullName()));
            } else if (workflowTasks.refusal(task, new CurrentUser(p.username(), p.fullName(), p.body().code(),
                    p.roles())).isPresent()) {
                problems.add(InputProblem.of("username", "supervision.reassign.barred",
                        username + " may not take this task (segregation of duties)", p.fullName()));
            }
        }
        SupervisedInstances.throwIfAny(problems);
        String from = task.getAssignee();
        String fromName = from == null ? null : directory.person(from).map(PersonView::fullName).orElse(from);
        AuditTrail.recordedElsewhere(task.getId(), () -> tasks.setAssignee(task.getId(), username));
        instances.record(AuditKind.TASK_REASSIGNED, instances.instance(task.getProcessInstanceId()), task,
                task.getTaskDefinitionKey(), task.getName(), user, SupervisedInstances.details(
                        "reason", reason, "from", from, "fromName", fromName, "to", username,
                        "toName", person.get().fullName(), "body", body.bodyCode(), "role", body.role().code()));
        return new Reassigned(task.getId(), task.getName(), from, fromName, username, person.get().fullName());
    }

    /**
     * Moves a deadline to the end of a later day. A task: its due date (the inboxes show the new
     * one); a body's report in a round: also the body's own deadline there (its lateness is judged
     * by it) and the date the report's next steps take. A round's own instance, with no task: the
     * round's deadline for every body, its reminder and overdue timers moved to match. A task whose
     * deadline a timer of the model enforces (a consultation) is refused: the timer, shared by every
     * body, decides.
     */
    public Extended extend(String instanceId, Extend in, CurrentUser user) {
        Instance instance = instances.actOn(instanceId, user);
        List<InputProblem> problems = new ArrayList<>();
        String reason = SupervisedInstances.reason(in == null ? null : in.reason(), problems);
        LocalDate until = until(in == null ? null : in.until(), problems);
        String taskId = in == null || blank(in.taskId()) ? null : in.taskId().trim();
        boolean wholeRound = taskId == null && ReportRound.KEY.equals(instance.processKey())
                && instance.roundId() != null;
        if (taskId == null && !wholeRound) {
            problems.add(InputProblem.of("taskId", "supervision.taskRequired", "the task is required"));
        }
        SupervisedInstances.throwIfAny(problems);
        if (wholeRound) {
            RoundProcess.Extension moved = roundProcess.extendDeadline(instance.id(), instance.roundId(), until);
            instances.record(AuditKind.DEADLINE_EXTENDED, instance, null, null, null, user,
                    SupervisedInstances.details("reason", reason, "scope", "round", "from", moved.from().toString(),
                            "to", until.toString(), "timers", moved.timers(), "tasksMoved", moved.tasksMoved()));
            return new Extended("round", null, ProcessBeans.Deadlines.endOf(moved.from()).toInstant(),
                    ProcessBeans.Deadlines.endOf(until).toInstant(), until, moved.tasksMoved(),
                    moved.timers().stream().map(t -> String.valueOf(t.get("activityId"))).toList());
        }
        Task task = instances.openTask(instanceId, taskId);
        if (timerBound(task)) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Timer decides", List.of(InputProblem.of("taskId",
                    "supervision.extend.timerBound", "a timer of the process decides this task's deadline")));
        }
        Date before = task.getDueDate();
        if (before != null && !until.isAfter(day(before))) {
            SupervisedInstances.throwIfAny(List.of(InputProblem.of("until", "supervision.extend.notLater",
                    "the new day must be after the task's due day " + day(before), PrintedDate.of(day(before)))));
        }
        Date due = ProcessBeans.Deadlines.endOf(until);
        task.setDueDate(due);
        tasks.saveTask(task);
        Instance owner = instances.instance(task.getProcessInstanceId());
        String scope = "task";
        LocalDate bodyBefore = null;
        if (AgencyReport.KEY.equals(owner.processKey()) && owner.roundId() != null && owner.bodyCode() != null
                && AgencyReport.Activity.of(task.getTaskDefinitionKey())
                .filter(a -> a != AgencyReport.Activity.RECEIVE).isPresent()) {
            scope = "report";
            bodyBefore = rounds.extendBody(owner.roundId(), owner.bodyCode(), until);
            Object dueAt = runtime.getVariable(owner.id(), AgencyReport.DUE_AT);
            if (!(dueAt instanceof Date d) || d.before(due)) {
                runtime.setVariable(owner.id(), AgencyReport.DUE_AT, due);
            }
        }
        instances.record(AuditKind.DEADLINE_EXTENDED, owner, task, task.getTaskDefinitionKey(), task.getName(), user,
                SupervisedInstances.details("reason", reason, "scope", scope,
                        "from", before == null ? null : before.toInstant().toString(), "to", due.toInstant().toString(),
                        "until", until.toString(), "body", "report".equals(scope) ? owner.bodyCode() : null,
                        "bodyDeadlineBefore", bodyBefore == null ? null : bodyBefore.toString()));
        return new Extended(scope, task.getId(), before == null ? null : before.toInstant(), due.toInstant(), until, 1,
                List.of());
    }

    /** The instance with its open tasks and the people who could take each, for its actions page. */
    @Transactional(readOnly = true)
    public Overview overview(String instanceId, CurrentUser user) {
        Instance instance = instances.instance(instanceId);
        instances.checkActs(user, instance.planId());
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        ProcessDefinition definition = running == null ? null
                : repository.getProcessDefinition(running.getProcessDefinitionId());
        PlanLabel plan = instance.planId() == null ? null : plans.labels(Set.of(instance.planId())).get(instance.planId());
        List<Task> open = running == null ? List.of() : instances.openTasks(instanceId);
        Map<String, TaskBody> bodyOf = new LinkedHashMap<>();
        open.forEach(t -> instances.bodyOf(t.getId()).ifPresent(b -> bodyOf.put(t.getId(), b)));
        Set<String> codes = new LinkedHashSet<>();
        bodyOf.values().forEach(b -> codes.add(b.bodyCode()));
        if (instance.bodyCode() != null) {
            codes.add(instance.bodyCode());
        }
        Map<String, BodyView> bodies = directory.bodies(codes);
        List<PersonView> people = open.isEmpty() ? List.of() : directory.people();
        Map<String, String> names = new LinkedHashMap<>();
        people.forEach(p -> names.put(p.username(), p.fullName()));
        List<OpenTask> lines = new ArrayList<>();
        for (Task t : open) {
            TaskBody body = bodyOf.get(t.getId());
            List<Candidate> candidates = body == null ? List.of() : people.stream()
                    .filter(p -> p.body().code().equals(body.bodyCode()) && p.roles().contains(body.role()))
                    .filter(p -> directory.account(p.username()).map(Account::enabled).orElse(false))
                    .map(p -> new Candidate(p.username(), p.fullName(), p.title())).toList();
            lines.add(new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                    body == null ? null : body.bodyCode(), body == null ? null : name(bodies, body.bodyCode()),
                    body == null ? null : body.role(), t.getAssignee(),
                    t.getAssignee() == null ? null : names.getOrDefault(t.getAssignee(), t.getAssignee()),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    !timerBound(t), candidates));
        }
        List<BodyLine> waiting = bodyOf.values().stream().map(TaskBody::bodyCode).distinct()
                .map(c -> new BodyLine(c, name(bodies, c))).toList();
        LocalDate roundDeadline = ReportRound.KEY.equals(instance.processKey()) && instance.roundId() != null
                ? rounds.dates(instance.roundId()).deadline() : null;
        return new Overview(instanceId, instance.processKey(), definition == null ? null : definition.getName(),
                definition == null ? null : definition.getVersion(), instance.businessKey(), instance.planId(),
                plan == null ? null : plan.code(), plan == null ? null : plan.title(), instance.roundId(),
                instance.bodyCode(), instance.bodyCode() == null ? null : name(bodies, instance.bodyCode()),
                instance.startedAt(), running != null, roundDeadline, lines, waiting);
    }

    /** Whether a timer boundary event of the model sits on the task: then that timer decides its deadline. */
    private boolean timerBound(Task task) {
        BpmnModelInstance model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() != null && task.getTaskDefinitionKey().equals(b.getAttachedTo().getId()))
                .anyMatch(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
    }

    /** How a reminder names what the instance is about: its plan, or its process. */
    private String about(Instance instance) {
        if (instance.planId() != null) {
            PlanDetails plan = plans.details(instance.planId());
            return plan.named();
        }
        return instance.businessKey() != null ? instance.businessKey() : instance.processKey();
    }

    private String describe(Task task) {
        return task.getDueDate() == null ? text("supervision.remind.task", task.getName())
                : text("supervision.remind.taskDue", task.getName(), PrintedDate.of(day(task.getDueDate())));
    }

    private static LocalDate until(String text, List<InputProblem> problems) {
        if (blank(text)) {
            problems.add(InputProblem.of("until", "supervision.extend.untilRequired", "the new day is required"));
            return null;
        }
        LocalDate until;
        try {
            until = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of("until", "supervision.extend.untilInvalid", "the day must read yyyy-mm-dd",
                    text.trim()));
            return null;
        }
        if (!until.isAfter(RoundProcess.today())) {
            problems.add(InputProblem.of("until", "supervision.extend.untilPast", "the new day must be after today",
                    PrintedDate.of(until)));
        }
        return until;
    }

    /** The reason as a sentence of the notice: ending with a full stop. */
    private static String sentence(String reason) {
        return reason.matches("(?s).*[.!?…]$") ? reason : reason + ".";
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(ProcessBeans.VIETNAM).toLocalDate();
    }

    private String roleName(Role role) {
        return messages.getMessage("role." + role.name(), null, role.code(), VI).toLowerCase(VI);
    }

    private static String name(Map<String, BodyView> bodies, String code) {
        return bodies.containsKey(code) ? bodies.get(code).name() : code;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, Objects.requireNonNull(args), VI);
    }
}
