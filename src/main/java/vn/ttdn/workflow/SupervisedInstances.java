package vn.ttdn.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ttdn.audit.AuditEvent;
import vn.ttdn.audit.AuditLog;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanService;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * What every supervisor's and administrator's action on a running instance shares: the instance as
 * the catalogue knows it ({@code process_instance_info}), who may act on it (an administrator on
 * any; a supervisor on those whose plan their scope covers; nobody else, auditors included), the
 * reason every action needs, the body a task is offered to, and the audit event each action appends.
 */
@Component
class SupervisedInstances {

    /** The longest reason kept. */
    static final int REASON_MAX = 2000;

    /** The roles whose tasks name a body in their candidate group ({@code officer.QNG-SNGV}). */
    private static final List<Role> BODY_ROLES = List.of(Role.OFFICER, Role.LEADER, Role.CLERK);

    private final JdbcTemplate jdbc;
    private final PlanService plans;
    private final AuditLog audit;
    private final TaskService tasks;

    SupervisedInstances(JdbcTemplate jdbc, PlanService plans, AuditLog audit, TaskService tasks) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.tasks = tasks;
    }

    /** An instance as the catalogue has it. */
    record Instance(String id, String rootId, String superId, String processKey, String businessKey, Long planId,
                    Long roundId, String bodyCode, Instant startedAt, Instant endedAt) {

        boolean running() {
            return endedAt == null;
        }
    }

    /** The body and role a task is offered to, read from its candidate group. */
    record TaskBody(Role role, String bodyCode) {
    }

    /** The instance; 404 when the catalogue does not know it. */
    Instance instance(String instanceId) {
        return find(instanceId).orElseThrow(() -> new NotFoundException("No process instance " + instanceId));
    }

    Optional<Instance> find(String instanceId) {
        return jdbc.query("select * from ttdn.process_instance_info where instance_id = ?", (rs, i) -> new Instance(
                rs.getString("instance_id"), rs.getString("root_instance_id"), rs.getString("super_instance_id"),
                rs.getString("process_key"), rs.getString("business_key"), rs.getObject("plan_id", Long.class),
                rs.getObject("round_id", Long.class), rs.getString("body_code"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at"))), instanceId)
                .stream().findFirst();
    }

    /** The running instance the person may act on; 404, 403 or 409 otherwise, in that order. */
    Instance actOn(String instanceId, CurrentUser user) {
        Instance instance = instance(instanceId);
        checkActs(user, instance.planId());
        checkRunning(instance);
        return instance;
    }

    /** The running instance an administrator acts on. */
    Instance administer(String instanceId, CurrentUser user) {
        Instance instance = instance(instanceId);
        checkAdmin(user);
        checkRunning(instance);
        return instance;
    }

    /** Administrators act on every instance, supervisors on those of the plans they follow; nobody else. */
    void checkActs(CurrentUser user, Long planId) {
        if (user.hasRole(Role.ADMIN)) {
            return;
        }
        if (!user.hasRole(Role.SUPERVISOR)) {
            throw refusedRole(user);
        }
        if (!plans.supervisedPlans(user).covers(planId)) {
            throw ForbiddenException.of("supervision.outOfScope", "the instance's plan is not one you supervise");
        }
    }

    void checkAdmin(CurrentUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw user.hasRole(Role.AUDITOR) ? refusedRole(user)
                    : ForbiddenException.of("supervision.adminOnly", "only an administrator may do this");
        }
    }

    /** The plans whose instances the person may see (the incidents list): also auditors', who never act. */
    vn.ttdn.plan.PlanScope visiblePlans(CurrentUser user) {
        if (user.hasAnyRole(Role.ADMIN, Role.AUDITOR)) {
            return vn.ttdn.plan.PlanScope.ALL;
        }
        return user.hasRole(Role.SUPERVISOR) ? plans.supervisedPlans(user) : vn.ttdn.plan.PlanScope.NONE;
    }

    private static ForbiddenException refusedRole(CurrentUser user) {
        return user.hasRole(Role.AUDITOR)
                ? ForbiddenException.of("supervision.auditorReadOnly", "auditors read; they never change anything")
                : ForbiddenException.of("supervision.notSupervisor", "only supervisors and administrators may do this");
    }

    static void checkRunning(Instance instance) {
        if (!instance.running()) {
            throw ended();
        }
    }

    static InvalidInputException ended() {
        return new InvalidInputException(HttpStatus.CONFLICT, "Instance ended", List.of(InputProblem.of("",
                "supervision.instanceEnded", "the process instance has ended")));
    }

    /** The reason, trimmed; a problem at {@code reason} when it is missing or too long. */
    static String reason(String reason, List<InputProblem> problems) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            problems.add(InputProblem.of("reason", "supervision.reasonRequired", "a reason is required"));
        } else if (trimmed.length() > REASON_MAX) {
            problems.add(InputProblem.of("reason", "supervision.reasonTooLong",
                    "the reason is longer than " + REASON_MAX + " characters", String.valueOf(REASON_MAX)));
        }
        return trimmed;
    }

    static void throwIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The action has problems", problems);
        }
    }

    /** The instance and the instances it called, and they called, still running: the instance first. */
    List<String> selfAndDescendants(String instanceId) {
        return jdbc.queryForList("""
                with recursive tree (instance_id, depth) as (
                    select instance_id, 0 from ttdn.process_instance_info where instance_id = ?
                    union all
                    select i.instance_id, t.depth + 1 from ttdn.process_instance_info i
                      join tree t on i.super_instance_id = t.instance_id
                     where i.ended_at is null and t.depth < 10)
                select instance_id from tree order by depth, instance_id""", String.class, instanceId);
    }

    /** The open tasks of the instance and of the instances under it. */
    List<Task> openTasks(String instanceId) {
        List<String> ids = selfAndDescendants(instanceId);
        List<Task> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(tasks.createTaskQuery().processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500))
                    .toArray(String[]::new)).active().orderByTaskCreateTime().asc().list());
        }
        return found;
    }

    /** The open task, if it belongs to the instance or one under it; 404 otherwise. */
    Task openTask(String instanceId, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !selfAndDescendants(instanceId).contains(task.getProcessInstanceId())) {
            throw new NotFoundException("No open task " + taskId + " in instance " + instanceId);
        }
        return task;
    }

    /** The body the task is offered to, from its candidate group {@code role.BODY}. */
    Optional<TaskBody> bodyOf(String taskId) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                Optional<TaskBody> body = parse(link.getGroupId());
                if (body.isPresent()) {
                    return body;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<TaskBody> parse(String group) {
        int dot = group.indexOf('.');
        if (dot <= 0 || dot == group.length() - 1) {
            return Optional.empty();
        }
        String role = group.substring(0, dot);
        return BODY_ROLES.stream().filter(r -> r.code().equals(role)).findFirst()
                .map(r -> new TaskBody(r, group.substring(dot + 1)));
    }

    /** Appends the action to the audit record, about the instance (and the task, if any). */
    void record(String kind, Instance instance, Task task, String activityId, String activityName, CurrentUser actor,
                Map<String, Object> details) {
        audit.record(new AuditEvent(kind, instance.id(), instance.rootId(), instance.processKey(),
                instance.businessKey(), task == null ? null : task.getId(), activityId, activityName, actor.username(),
                instance.planId(), instance.roundId(), details));
    }

    /** Details in the order given, nulls left out (JSON-able values only). */
    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
