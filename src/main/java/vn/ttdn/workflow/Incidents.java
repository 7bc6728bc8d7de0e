package vn.ttdn.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.workflow.SupervisedInstances.Instance;

/**
 * Incidents: jobs that failed every retry (a timer's or an asynchronous step's work that keeps
 * throwing), listed with their error, their instance and what it is about, and retried on demand:
 * the job gets one retry, due now, so the job executor runs it again. Supervisors see and retry
 * those of the plans they follow, administrators all; auditors see them and never retry.
 */
@Service
@Transactional
public class Incidents {

    /** Retry the incident's job once more, for this reason. */
    public record Retry(String reason) {
    }

    /**
     * One incident: its type and error, since when, the instance (process, business key, plan, body
     * from the catalogue), the step that failed, the job to retry and its retries left.
     */
    public record IncidentView(String id, String type, String message, Instant since, String instanceId,
                               String processKey, String businessKey, Long planId, String planCode, String planTitle,
                               String bodyCode, String bodyName, String activityId, String activityName, String jobId,
                               Integer retries) {
    }

    /** A retried incident: its job has a retry again and is due now; the incident is resolved. */
    public record Retried(String incidentId, String jobId, int retries, Instant due) {
    }

    private static final String FAILED_JOB = "failedJob";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final SupervisedInstances instances;
    private final PlanLifecycle plans;
    private final DirectoryService directory;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository,
              SupervisedInstances instances, PlanLifecycle plans, DirectoryService directory) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.instances = instances;
        this.plans = plans;
        this.directory = directory;
    }

    /** At most this many incidents, the newest, are listed: a broken delegate must not make the list unbounded. */
    public static final int LIMIT = 500;

    /** The open incidents the person may see, the newest first (one per failure: not the copies its callers get). */
    @Transactional(readOnly = true)
    public List<IncidentView> list(CurrentUser user) {
        if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR)) {
            throw ForbiddenException.of("supervision.notSupervisor", "only supervisors, auditors and administrators "
                    + "see incidents");
        }
        List<Incident> found = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, LIMIT).stream()
                .filter(i -> i.getId().equals(i.getRootCauseIncidentId()) || i.getRootCauseIncidentId() == null)
                .toList();
        Map<String, Instance> catalogue = new HashMap<>();
        found.forEach(i -> instances.find(i.getProcessInstanceId()).ifPresent(c -> catalogue.put(c.id(), c)));
        vn.ttdn.plan.PlanScope scope = instances.visiblePlans(user);
        List<Incident> visible = found.stream().filter(i -> scope.covers(catalogue.containsKey(i.getProcessInstanceId())
                ? catalogue.get(i.getProcessInstanceId()).planId() : null)).toList();
        return views(visible, catalogue);
    }

    /** One incident, if the person may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public IncidentView get(String incidentId, CurrentUser user) {
        return list(user).stream().filter(i -> i.id().equals(incidentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No incident " + incidentId));
    }

    /**
     * Gives the failed job one more retry, due now: the job executor runs it again and the incident
     * is resolved (it comes back if the job fails again). Appended to the audit record with the reason.
     */
    public Retried retry(String incidentId, Retry in, CurrentUser user) {
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new NotFoundException("No incident " + incidentId);
        }
        if (incident.getRootCauseIncidentId() != null && !incident.getRootCauseIncidentId().equals(incident.getId())) {
            Incident root = runtime.createIncidentQuery().incidentId(incident.getRootCauseIncidentId()).singleResult();
            incident = root == null ? incident : root;
        }
        Instance instance = instances.instance(incident.getProcessInstanceId());
        instances.checkActs(user, instance.planId());
        List<InputProblem> problems = new ArrayList<>();
        String reason = SupervisedInstances.reason(in == null ? null : in.reason(), problems);
        SupervisedInstances.throwIfAny(problems);
        Job job = FAILED_JOB.equals(incident.getIncidentType()) && incident.getConfiguration() != null
                ? management.createJobQuery().jobId(incident.getConfiguration()).singleResult() : null;
        if (job == null) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Not a failed job", List.of(InputProblem.of("",
                    "supervision.incident.notJob", "the incident has no failed job to retry")));
        }
        java.util.Date now = ClockUtil.getCurrentTime();
        management.setJobRetries(1).jobId(job.getId()).dueDate(now).execute();
        instances.record(AuditKind.INCIDENT_RETRIED, instance, null, incident.getActivityId(),
                activityName(incident), user, SupervisedInstances.details("reason", reason,
                        "incidentId", incident.getId(), "jobId", job.getId(), "message", incident.getIncidentMessage(),
                        "since", incident.getIncidentTimestamp().toInstant().toString()));
        return new Retried(incident.getId(), job.getId(), 1, now.toInstant());
    }

    private List<IncidentView> views(List<Incident> found, Map<String, Instance> catalogue) {
        Map<Long, PlanLabel> labels = plans.labels(catalogue.values().stream().map(Instance::planId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, BodyView> bodies = directory.bodies(catalogue.values().stream().map(Instance::bodyCode)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Integer> retries = new HashMap<>();
        List<String> jobIds = found.stream().filter(i -> FAILED_JOB.equals(i.getIncidentType()))
                .map(Incident::getConfiguration).filter(Objects::nonNull).toList();
        if (!jobIds.isEmpty()) {
            management.createJobQuery().jobIds(new java.util.HashSet<>(jobIds)).list()
                    .forEach(j -> retries.put(j.getId(), j.getRetries()));
        }
        List<IncidentView> views = new ArrayList<>();
        for (Incident i : found) {
            Instance c = catalogue.get(i.getProcessInstanceId());
            PlanLabel plan = c == null || c.planId() == null ? null : labels.get(c.planId());
            String body = c == null ? null : c.bodyCode();
            boolean isJob = FAILED_JOB.equals(i.getIncidentType());
            views.add(new IncidentView(i.getId(), i.getIncidentType(), i.getIncidentMessage(),
                    i.getIncidentTimestamp().toInstant(), i.getProcessInstanceId(),
                    c == null ? null : c.processKey(), c == null ? null : c.businessKey(),
                    c == null ? null : c.planId(), plan == null ? null : plan.code(), plan == null ? null : plan.title(),
                    body, body == null ? null : bodies.containsKey(body) ? bodies.get(body).name() : body,
                    i.getActivityId(), activityName(i), isJob ? i.getConfiguration() : null,
                    isJob ? retries.get(i.getConfiguration()) : null));
        }
        return views;
    }

    private String activityName(Incident incident) {
        if (incident.getActivityId() == null || incident.getProcessDefinitionId() == null) {
            return null;
        }
        var element = repository.getBpmnModelInstance(incident.getProcessDefinitionId())
                .getModelElementById(incident.getActivityId());
        return element instanceof FlowElement f && f.getName() != null ? f.getName() : incident.getActivityId();
    }
}
