package vn.ttdn.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.calendar.BusinessCalendar;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanScope;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.RoundKind;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.ApprovalProcess.Diagram;
import vn.ttdn.workflow.InstanceRow.RoundRef;
import vn.ttdn.workflow.WaitPoint.GroupHolder;
import vn.ttdn.workflow.WaitPoint.Holder;
import vn.ttdn.workflow.WaitPoint.Kind;

/**
 * The supervisors' live view of every process: the running instances they follow (their
 * {@link PlanService#supervisedPlans scope}, in SQL), each with where it waits, who holds it, since
 * when, until when and how late; the counts per state; one instance in detail; each process's
 * counts per step with its model. Read only: the actions on instances live elsewhere. Times are the
 * engine's (its clock may be set in tests), lateness in Việt Nam's days and working days.
 */
@Service
@Transactional(readOnly = true)
public class Supervision {

    /** Largest page the list gives. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final NamedParameterJdbcTemplate sql;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final PlanService planService;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final BusinessCalendar calendar;
    private final MessageSource messages;
    private final ProcessDiagrams diagrams;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

    Supervision(JdbcTemplate jdbc, RepositoryService repository, RuntimeService runtime, HistoryService history,
                PlanService planService, PlanLifecycle plans, DirectoryService directory, BusinessCalendar calendar,
                MessageSource messages, ProcessDiagrams diagrams) {
        this.sql = new NamedParameterJdbcTemplate(jdbc);
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.planService = planService;
        this.plans = plans;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
        this.diagrams = diagrams;
    }

    /**
     * A page of the running instances the user follows that match the filter, the overdue first (the
     * most overdue first), then the oldest; with the counts per state. A plan outside the user's
     * scope is refused (403).
     */
    public InstancePage list(InstanceFilter filter, int page, int size, CurrentUser user) {
        PlanScope scope = scopeFor(filter, user);
        Instant now = RoundProcess.now();
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> ids = new ArrayList<>();
        long[] counts = new long[4];
        sql.query(SupervisionSql.page(filter, scope, page, size, now, params), params, rs -> {
            counts[0] = rs.getLong("running");
            counts[1] = rs.getLong("waiting");
            counts[2] = rs.getLong("overdue");
            counts[3] = rs.getLong("incidents");
            if (rs.getString("instance_id") != null) {
                ids.add(rs.getString("instance_id"));
            }
        });
        InstancePage.Counts state = new InstancePage.Counts(counts[0], counts[1], counts[2], counts[3]);
        return new InstancePage(page, size, filter.overdueOnly() ? state.overdue() : state.running(), state,
                rows(ids, now));
    }

    /** One instance, running or ended, in detail; 404 when there is none, 403 outside the user's scope. */
    public InstanceDetail instance(String instanceId, CurrentUser user) {
        Instant now = RoundProcess.now();
        InstanceRow row = visible(instanceId, user, now);
        InstanceRow parent = row.parentInstanceId() == null ? null
                : rows(List.of(row.parentInstanceId()), now).stream().findFirst().orElse(null);
        List<String> childIds = sql.queryForList("select instance_id from ttdn.process_instance_info "
                        + "where super_instance_id = :id order by ended_at is not null, started_at, instance_id",
                Map.of("id", instanceId), String.class);
        List<WaitPoint> tasks = row.waits().stream().filter(w -> w.taskId() != null).toList();
        return new InstanceDetail(row, parent, rows(childIds, now), activities(instanceId), tasks,
                incidents(instanceId, row.processKey()));
    }

    /** The instance's model with the steps it is at and those it has passed (for the diagram). */
    public Diagram diagram(String instanceId, CurrentUser user) {
        visible(instanceId, user, RoundProcess.now());
        return diagrams.of(instanceId).orElseThrow(() -> new NotFoundException("No instance " + instanceId));
    }

    /**
     * The process's running instances that the user follows and that match the filter (its step and
     * "overdue only" aside), counted per step, with the model of its latest version.
     */
    public ProcessCounts counts(String processKey, InstanceFilter filter, CurrentUser user) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new NotFoundException("No process " + processKey);
        }
        InstanceFilter forProcess = filter.forProcess(processKey);
        PlanScope scope = scopeFor(forProcess, user);
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<String, long[]> byStep = new LinkedHashMap<>();
        sql.query(SupervisionSql.steps(forProcess, scope, RoundProcess.now(), params), params, rs -> {
            byStep.put(rs.getString("activity_id"), new long[]{rs.getLong("waiting"), rs.getLong("overdue")});
        });
        MapSqlParameterSource runningParams = new MapSqlParameterSource();
        Long running = sql.queryForObject("select count(*) from (" + SupervisionSql.filtered(forProcess, scope,
                runningParams) + ") f", runningParams, Long.class);
        BpmnModelInstance model = model(latest.getId());
        List<String> order = steps(model).stream().map(SupervisionFacets.Step::activityId).toList();
        List<ProcessCounts.StepCount> steps = byStep.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> order.contains(e.getKey())
                        ? order.indexOf(e.getKey()) : Integer.MAX_VALUE).thenComparing(Map.Entry::getKey))
                .map(e -> ProcessCounts.StepCount.of(e.getKey(), nameIn(model, e.getKey()), e.getValue()[0],
                        e.getValue()[1]))
                .toList();
        return new ProcessCounts(processKey, latest.getName(), latest.getVersion(), diagrams.xml(latest.getId()),
                running == null ? 0 : running, steps);
    }

    /** The plans, bodies, processes (with their steps), rounds and years of the running instances the user follows. */
    public SupervisionFacets facets(CurrentUser user) {
        PlanScope scope = planService.supervisedPlans(user);
        Map<Long, Long> planCounts = new LinkedHashMap<>();
        Map<String, Long> bodyCounts = new LinkedHashMap<>();
        Map<String, Long> processCounts = new HashMap<>();
        Map<Long, Long> roundCounts = new LinkedHashMap<>();
        Set<Integer> years = new java.util.TreeSet<>(Comparator.reverseOrder());
        if (scope.all() || !scope.planIds().isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource();
            sql.query(SupervisionSql.facets(scope, params), params, rs -> {
                long n = rs.getLong("running");
                if (rs.getInt("g_plan") == 0) {
                    if (rs.getObject("plan_id") != null) {
                        planCounts.put(rs.getLong("plan_id"), n);
                    }
                } else if (rs.getInt("g_body") == 0) {
                    if (rs.getString("body_code") != null) {
                        bodyCounts.put(rs.getString("body_code"), n);
                    }
                } else if (rs.getInt("g_process") == 0) {
                    processCounts.put(rs.getString("process_key"), n);
                } else if (rs.getInt("g_round") == 0) {
                    if (rs.getObject("round_id") != null) {
                        roundCounts.put(rs.getLong("round_id"), n);
                    }
                } else if (rs.getObject("year") != null) {
                    years.add(rs.getInt("year"));
                }
            });
        }
        Map<Long, PlanLabel> labels = plans.labels(planCounts.keySet());
        List<SupervisionFacets.Option<PlanLabel>> planOptions = planCounts.entrySet().stream()
                .filter(e -> labels.containsKey(e.getKey()))
                .map(e -> new SupervisionFacets.Option<>(labels.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(o -> o.value().code())).toList();
        Map<String, BodyView> bodies = directory.bodies(bodyCounts.keySet());
        List<SupervisionFacets.Option<BodyRef>> bodyOptions = bodyCounts.entrySet().stream()
                .map(e -> new SupervisionFacets.Option<>(bodyRef(e.getKey(), bodies), e.getValue()))
                .sorted(Comparator.comparing(o -> o.value().name())).toList();
        List<SupervisionFacets.Process> processes = repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list().stream()
                .map(d -> new SupervisionFacets.Process(d.getKey(), d.getName(), processCounts.getOrDefault(d.getKey(), 0L),
                        steps(model(d.getId()))))
                .toList();
        Map<Long, RoundRef> rounds = rounds(roundCounts.keySet());
        List<SupervisionFacets.Option<RoundRef>> roundOptions = roundCounts.entrySet().stream()
                .filter(e -> rounds.containsKey(e.getKey()))
                .map(e -> new SupervisionFacets.Option<>(rounds.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing((SupervisionFacets.Option<RoundRef> o) -> o.value().planId())
                        .thenComparing(o -> o.value().year()).thenComparing(o -> o.value().id()))
                .toList();
        return new SupervisionFacets(planOptions, bodyOptions, processes, roundOptions, List.copyOf(years));
    }

    private PlanScope scopeFor(InstanceFilter filter, CurrentUser user) {
        PlanScope scope = planService.supervisedPlans(user);
        if (filter.planId() != null && !scope.covers(filter.planId())) {
            throw ForbiddenException.of("supervision.planOutOfScope", "the plan is not one you follow",
                    String.valueOf(filter.planId()));
        }
        return scope;
    }

    /** The instance's row, if the user may see it: 404 when unknown, 403 when its plan is outside their scope. */
    private InstanceRow visible(String instanceId, CurrentUser user, Instant now) {
        InstanceRow row = rows(List.of(instanceId), now).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No instance " + instanceId));
        PlanScope scope = planService.supervisedPlans(user);
        if (!scope.all() && (row.plan() == null || !scope.covers(row.plan().id()))) {
            throw ForbiddenException.of("supervision.outOfScope", "this instance is not of a plan you follow");
        }
        return row;
    }

    /** The rows of these instances, in the order given, each with where it waits. */
    private List<InstanceRow> rows(List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> found = new HashMap<>();
        sql.query(SupervisionSql.ROWS, Map.of("ids", ids.toArray(String[]::new)), rs -> {
            Map<String, Object> row = new HashMap<>();
            for (String column : List.of("instance_id", "root_instance_id", "super_instance_id", "process_key",
                    "business_key", "body_code", "round_kind", "round_label")) {
                row.put(column, rs.getString(column));
            }
            for (String column : List.of("plan_id", "round_id", "round_plan_id", "round_year", "incidents")) {
                row.put(column, rs.getObject(column) == null ? null : rs.getLong(column));
            }
            row.put("started_at", instant(rs, "started_at"));
            row.put("ended_at", instant(rs, "ended_at"));
            row.put("round_deadline", rs.getDate("round_deadline") == null ? null
                    : rs.getDate("round_deadline").toLocalDate());
            found.put(rs.getString("instance_id"), row);
        });
        Map<String, List<WaitPoint>> waits = waits(found.keySet(), now);
        Map<Long, PlanLabel> labels = plans.labels(found.values().stream().map(r -> (Long) r.get("plan_id"))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, BodyView> bodies = directory.bodies(found.values().stream().map(r -> (String) r.get("body_code"))
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, String> processNames = processNames();
        List<InstanceRow> rows = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> r = found.get(id);
            if (r == null) {
                continue;
            }
            List<WaitPoint> at = waits.getOrDefault(id, List.of());
            Instant due = at.stream().filter(w -> w.kind() == Kind.USER_TASK || w.kind() == Kind.CALL_ACTIVITY)
                    .map(WaitPoint::due).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            Late late = late(due, now);
            Long roundId = (Long) r.get("round_id");
            RoundRef round = roundId == null || r.get("round_kind") == null ? null
                    : new RoundRef(roundId, (Long) r.get("round_plan_id"), RoundKind.valueOf((String) r.get("round_kind")),
                    ((Long) r.get("round_year")).intValue(), (String) r.get("round_label"),
                    (LocalDate) r.get("round_deadline"));
            String processKey = (String) r.get("process_key");
            String body = (String) r.get("body_code");
            rows.add(new InstanceRow(id, processKey, processNames.getOrDefault(processKey, processKey),
                    (String) r.get("business_key"), labels.get((Long) r.get("plan_id")), round,
                    body == null ? null : bodyRef(body, bodies), (String) r.get("super_instance_id"),
                    (String) r.get("root_instance_id"), (Instant) r.get("started_at"), (Instant) r.get("ended_at"),
                    due, late != null, late == null ? null : late.days(), late == null ? null : late.workingDays(),
                    ((Long) r.get("incidents")).intValue(), at));
        }
        return rows;
    }

    /** Where each of these instances waits, in the order of the steps it reached. */
    private Map<String, List<WaitPoint>> waits(Collection<String> ids, Instant now) {
        List<WaitRow> found = new ArrayList<>();
        sql.query(SupervisionSql.WAITS, Map.of("ids", ids.toArray(String[]::new)), rs -> {
            found.add(new WaitRow(rs.getString("instance_id"), rs.getString("definition_id"),
                    rs.getString("activity_id"), rs.getString("activity_type"), instant(rs, "since"),
                    rs.getString("task_id"), rs.getString("task_name"), rs.getString("assignee"),
                    instant(rs, "task_due"), words(rs.getString("candidate_groups")),
                    words(rs.getString("candidate_users")), rs.getString("sub_id"), rs.getString("sub_body"),
                    instant(rs, "sub_due"), rs.getString("job_type"), instant(rs, "job_due"),
                    rs.getString("event_type"), rs.getString("event_name")));
        });
        Set<String> usernames = new HashSet<>();
        Set<String> bodyCodes = new HashSet<>();
        for (WaitRow w : found) {
            if (w.assignee() != null) {
                usernames.add(w.assignee());
            }
            w.groups().forEach(g -> bodyOfGroup(g).ifPresent(bodyCodes::add));
            if (w.subBody() != null) {
                bodyCodes.add(w.subBody());
            }
        }
        Map<String, String> names = directory.people(usernames).stream()
                .collect(Collectors.toMap(PersonView::username, PersonView::fullName, (a, b) -> a));
        Map<String, BodyView> bodies = directory.bodies(bodyCodes);

        // a user task is a wait of its own; the other kinds one per step (a call activity gathers its sub-instances)
        Map<String, Map<String, List<WaitRow>>> grouped = new LinkedHashMap<>();
        for (WaitRow w : found) {
            String key = w.taskId() != null ? "task:" + w.taskId() : "step:" + w.activityId();
            grouped.computeIfAbsent(w.instanceId(), i -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>()).add(w);
        }
        Map<String, List<WaitPoint>> waits = new HashMap<>();
        grouped.forEach((instance, steps) -> waits.put(instance, steps.values().stream()
                .map(rows -> point(rows, names, bodies, now)).toList()));
        return waits;
    }

    private WaitPoint point(List<WaitRow> rows, Map<String, String> names, Map<String, BodyView> bodies, Instant now) {
        WaitRow first = rows.get(0);
        String name = nameIn(model(first.definitionId()), first.activityId());
        Instant since = rows.stream().map(WaitRow::since).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        if (first.taskId() != null) {
            Holder holder = new Holder(first.assignee(), first.assignee() == null ? null
                    : names.getOrDefault(first.assignee(), first.assignee()),
                    first.groups().stream().map(g -> group(g, bodies)).toList(), first.users());
            Late late = late(first.taskDue(), now);
            return new WaitPoint(first.activityId(), name != null ? name : first.taskName(), Kind.USER_TASK,
                    first.taskId(), holder, null, null, null, since, first.taskDue(), late != null,
                    late == null ? null : late.days(), late == null ? null : late.workingDays());
        }
        List<WaitRow> calls = rows.stream().filter(r -> r.subId() != null).toList();
        if (!calls.isEmpty() || "callActivity".equals(first.activityType()) && first.jobType() == null) {
            Instant due = calls.stream().map(WaitRow::subDue).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(null);
            Late late = late(due, now);
            List<BodyRef> subBodies = calls.stream().map(WaitRow::subBody).filter(Objects::nonNull).distinct()
                    .map(code -> bodyRef(code, bodies)).sorted(Comparator.comparing(BodyRef::name)).toList();
            return new WaitPoint(first.activityId(), name, Kind.CALL_ACTIVITY, null, null,
                    (int) calls.stream().map(WaitRow::subId).distinct().count(), subBodies, null, since, due,
                    late != null, late == null ? null : late.days(), late == null ? null : late.workingDays());
        }
        Kind kind;
        Instant due = null;
        String event = null;
        if ("timer".equals(first.jobType())) {
            kind = Kind.TIMER;
            due = rows.stream().map(WaitRow::jobDue).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        } else if (first.eventType() != null) {
            kind = "message".equals(first.eventType()) ? Kind.MESSAGE : Kind.EVENT;
            event = first.eventName();
        } else if (first.jobType() != null) {
            kind = Kind.JOB;
        } else {
            kind = Kind.OTHER;
        }
        return new WaitPoint(first.activityId(), name, kind, null, null, null, null, event, since, due, false, null, null);
    }

    /** A candidate group named: its role and body ("Chuyên viên · Sở Ngoại vụ tỉnh Quảng Ngãi"). */
    private GroupHolder group(String group, Map<String, BodyView> bodies) {
        int dot = group.indexOf('.');
        Role role = role(dot < 0 ? group : group.substring(0, dot));
        if (role == null) {
            return new GroupHolder(group, null, null, null, group);
        }
        String roleName = messages.getMessage("role." + role.name(), null, role.code(), VI);
        if (dot < 0) {
            return new GroupHolder(group, role.code(), null, null, roleName);
        }
        String code = group.substring(dot + 1);
        String bodyName = bodies.containsKey(code) ? bodies.get(code).name() : code;
        return new GroupHolder(group, role.code(), code, bodyName,
                messages.getMessage("supervision.holder.group", new Object[]{roleName, bodyName}, VI));
    }

    private static java.util.Optional<String> bodyOfGroup(String group) {
        int dot = group.indexOf('.');
        return dot > 0 && role(group.substring(0, dot)) != null ? java.util.Optional.of(group.substring(dot + 1))
                : java.util.Optional.empty();
    }

    private static Role role(String code) {
        for (Role role : Role.values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        return null;
    }

    /** The activity instances active now (and those waiting for their asynchronous job), parents first. */
    private List<InstanceDetail.ActiveActivity> activities(String instanceId) {
        ActivityInstance root = runtime.getActivityInstance(instanceId);
        if (root == null) {
            return List.of();
        }
        Map<String, Instant> since = new HashMap<>();
        for (HistoricActivityInstance h : history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .unfinished().list()) {
            since.put(h.getId(), h.getStartTime() == null ? null : h.getStartTime().toInstant());
        }
        List<InstanceDetail.ActiveActivity> found = new ArrayList<>();
        collect(root, since, found);
        return found;
    }

    private static void collect(ActivityInstance parent, Map<String, Instant> since,
                                List<InstanceDetail.ActiveActivity> found) {
        for (ActivityInstance child : parent.getChildActivityInstances()) {
            found.add(new InstanceDetail.ActiveActivity(child.getId(), parent.getParentActivityInstanceId() == null
                    ? null : parent.getId(), child.getActivityId(), child.getActivityName(), child.getActivityType(),
                    false, since.get(child.getId())));
            collect(child, since, found);
        }
        for (TransitionInstance t : parent.getChildTransitionInstances()) {
            found.add(new InstanceDetail.ActiveActivity(t.getId(), parent.getParentActivityInstanceId() == null
                    ? null : parent.getId(), t.getActivityId(), t.getActivityName(), t.getActivityType(), true, null));
        }
    }

    private List<InstanceDetail.Incident> incidents(String instanceId, String processKey) {
        return runtime.createIncidentQuery().processInstanceId(instanceId).orderByIncidentTimestamp().asc().list()
                .stream().map(i -> new InstanceDetail.Incident(i.getId(), i.getIncidentType(), i.getActivityId(),
                        nameIn(model(i.getProcessDefinitionId()), i.getActivityId()), i.getIncidentMessage(),
                        i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant(),
                        i.getConfiguration(), i.getCauseIncidentId()))
                .toList();
    }

    private Map<Long, RoundRef> rounds(Collection<Long> ids) {
        Map<Long, RoundRef> rounds = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.query(SupervisionSql.ROUNDS, Map.of("ids", ids.toArray(Long[]::new)), rs -> {
                rounds.put(rs.getLong("id"), new RoundRef(rs.getLong("id"), rs.getLong("plan_id"),
                        RoundKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getString("label"),
                        rs.getDate("deadline").toLocalDate()));
            });
        }
        return rounds;
    }

    private Map<String, String> processNames() {
        Map<String, String> names = new HashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> names.put(d.getKey(), d.getName() != null ? d.getName() : d.getKey()));
        return names;
    }

    /** The steps of a model where an instance may wait, in the order of the model. */
    private static List<SupervisionFacets.Step> steps(BpmnModelInstance model) {
        List<SupervisionFacets.Step> steps = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof Activity || element instanceof IntermediateCatchEvent) {
                steps.add(new SupervisionFacets.Step(element.getId(), element.getName(),
                        element.getElementType().getTypeName()));
            }
        }
        return steps;
    }

    private BpmnModelInstance model(String definitionId) {
        return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
    }

    private static String nameIn(BpmnModelInstance model, String activityId) {
        if (activityId == null) {
            return null;
        }
        ModelElementInstance element = model.getModelElementById(activityId);
        return element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : activityId;
    }

    private Late late(Instant due, Instant now) {
        if (due == null || !due.isBefore(now)) {
            return null;
        }
        LocalDate dueDay = due.atZone(ProcessBeans.VIETNAM).toLocalDate();
        LocalDate today = now.atZone(ProcessBeans.VIETNAM).toLocalDate();
        return new Late((int) ChronoUnit.DAYS.between(dueDay, today), Math.max(0, calendar.workingDaysBetween(dueDay, today)));
    }

    private static BodyRef bodyRef(String code, Map<String, BodyView> bodies) {
        return new BodyRef(code, bodies.containsKey(code) ? bodies.get(code).name() : code);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<String> words(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split(" "));
    }

    private record Late(int days, int workingDays) {
    }

    /** One row of {@link SupervisionSql#WAITS}. */
    private record WaitRow(String instanceId, String definitionId, String activityId, String activityType,
                           Instant since, String taskId, String taskName, String assignee, Instant taskDue,
                           List<String> groups, List<String> users, String subId, String subBody, Instant subDue,
                           String jobType, Instant jobDue, String eventType, String eventName) {
    }
}
