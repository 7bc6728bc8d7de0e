package vn.ttdn.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.ttdn.audit.AuditEvent;
import vn.ttdn.audit.AuditKind;
import vn.ttdn.audit.AuditLog;

/**
 * Turns what the engine does into audit events, in the engine's transaction: an instance started
 * and ended; a task created (offered to whom, due when), claimed, released, completed (with the
 * form data submitted through the application, and as a return when its decision says so) or
 * cancelled; a timer fired. The actor is the engine's authenticated user of the request (none for
 * the job executor: the system). Listeners are added to every process as it is deployed.
 */
@Component
class AuditTrail extends AbstractProcessEnginePlugin {

    /** A task whose change of assignee on this thread is recorded by its caller (a reassignment with its reason). */
    private static final ThreadLocal<String> RECORDED_ELSEWHERE = new ThreadLocal<>();

    /** Runs {@code change} on the task without recording its change of assignee: the caller records it, better. */
    static void recordedElsewhere(String taskId, Runnable change) {
        RECORDED_ELSEWHERE.set(taskId);
        try {
            change.run();
        } finally {
            RECORDED_ELSEWHERE.remove();
        }
    }

    /** The form data being submitted on this thread, for the completion event of that task. */
    private static final ThreadLocal<Submission> SUBMITTING = new ThreadLocal<>();

    private record Submission(String taskId, Map<String, Object> data, List<AuditEvent> also) {
    }

    private final ObjectProvider<AuditLog> audit;

    AuditTrail(ObjectProvider<AuditLog> audit) {
        this.audit = audit;
    }

    /**
     * Runs {@code completion} with {@code data} known as what the person submitted for the task; the
     * events {@link #alsoRecord} is given meanwhile are recorded after the task's completion, in its
     * instance.
     */
    static void submitting(String taskId, Map<String, Object> data, Runnable completion) {
        SUBMITTING.set(new Submission(taskId, data, new ArrayList<>()));
        try {
            completion.run();
        } finally {
            SUBMITTING.remove();
        }
    }

    /**
     * The extension property of a user task naming the kind of event a return from it is, when it is
     * not {@link AuditKind#TASK_RETURNED} (the consolidating body's review: {@link AuditKind#TASK_SENT_BACK}).
     */
    static final String RETURN_PROPERTY = "audit.return";

    /** What the step being completed on this thread also did (a number issued…), to record with it. */
    /** The number a step took, as the record keeps it: its reference, the register's body, its date. */
    static void numberIssued(vn.ttdn.approval.RegisterEntry number) {
        alsoRecord(AuditKind.NUMBER_ISSUED, numberDetails(number.reference(), number.bodyCode(), number.issuedOn()));
    }

    static Map<String, Object> numberDetails(String reference, String register, java.time.LocalDate issuedOn) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", reference);
        if (register != null) {
            details.put("register", register);
        }
        details.put("issuedOn", String.valueOf(issuedOn));
        return details;
    }

    /**
     * An event of a step that is not a user task (a delegate's), recorded now in the instance and at
     * the step the execution is at, with the actor of the request (none when a job runs it).
     */
    void recordAt(DelegateExecution execution, String kind, Map<String, Object> details) {
        record(execution, new AuditEvent(kind, null, null, null, null, null, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(), actor(), null, null, details));
    }

    static void alsoRecord(String kind, Map<String, Object> details) {
        Submission submission = SUBMITTING.get();
        if (submission == null) {
            org.slf4j.LoggerFactory.getLogger(AuditTrail.class).warn("{} outside a task's completion: not recorded", kind);
            return;
        }
        submission.also().add(new AuditEvent(kind, null, null, null, null, null, null, null, null, null, null,
                details));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        ExecutionListener started = e -> instance(e, AuditKind.PROCESS_STARTED);
        ExecutionListener ended = e -> instance(e, AuditKind.PROCESS_ENDED);
        ExecutionListener timer = this::timerFired;
        TaskListener created = this::taskCreated;
        TaskListener updated = this::taskUpdated;
        TaskListener completed = task -> taskCompleted(task, AuditKind.TASK_RETURNED);
        TaskListener deleted = this::taskDeleted;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, updated);
                // a step may say what a return from it is (the model's extension property audit.return)
                Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
                String returnIs = properties == null ? null : properties.get(RETURN_PROPERTY);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, returnIs == null ? completed
                        : task -> taskCompleted(task, returnIs));
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, deleted);
            }

            @Override
            public void parseBoundaryTimerEventDefinition(Element definition, boolean interrupting, ActivityImpl timerActivity) {
                timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, timer);
            }

            @Override
            public void parseIntermediateTimerEventDefinition(Element definition, ActivityImpl timerActivity) {
                timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, timer);
            }
        });
    }

    private void instance(DelegateExecution execution, String kind) {
        Map<String, Object> details = new LinkedHashMap<>();
        ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
        if (instance.getSuperExecution() != null) {
            details.put("calledBy", instance.getSuperExecution().getProcessInstanceId());
        }
        if (AuditKind.PROCESS_ENDED.equals(kind) && execution.getCurrentActivityId() != null) {
            details.put("endedAt", execution.getCurrentActivityId());
        }
        record(execution, new AuditEvent(kind, null, null, null, null, null, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(), actor(), null, null, details));
    }

    private void timerFired(DelegateExecution execution) {
        record(execution, new AuditEvent(AuditKind.TIMER_FIRED, null, null, null, null, null,
                execution.getCurrentActivityId(), execution.getCurrentActivityName(), actor(), null, null, Map.of()));
    }

    private void taskCreated(DelegateTask task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("candidateGroups", candidateGroups(task));
        if (task.getDueDate() != null) {
            details.put("due", task.getDueDate().toInstant().toString());
        }
        if (task.getAssignee() != null) {
            details.put("assignee", task.getAssignee());
        }
        recordTask(task, AuditKind.TASK_CREATED, details);
    }

    /** A claim (an assignee set) or a release (taken away); other updates are not events of the record. */
    private void taskUpdated(DelegateTask task) {
        var change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
        if (change == null || task.getId().equals(RECORDED_ELSEWHERE.get())) {
            return;
        }
        Object before = change.getOrgValue();
        Object after = change.getNewValue();
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("from", before);
        }
        if (after != null) {
            details.put("to", after);
        }
        recordTask(task, after == null ? AuditKind.TASK_RELEASED : AuditKind.TASK_CLAIMED, details);
    }

    private void taskCompleted(DelegateTask task, String returnKind) {
        Submission submission = SUBMITTING.get();
        Map<String, Object> data = submission != null && submission.taskId().equals(task.getId())
                ? submission.data() : Map.of();
        boolean returned = "return".equals(data.get("decision"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("data", data);
        recordTask(task, returned ? returnKind : AuditKind.TASK_COMPLETED, details);
        if (submission != null && submission.taskId().equals(task.getId())) {
            for (AuditEvent also : submission.also()) {
                recordTask(task, also.kind(), also.details());
            }
        }
    }

    private void taskDeleted(DelegateTask task) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (task.getDeleteReason() != null) {
            details.put("reason", task.getDeleteReason());
        }
        recordTask(task, AuditKind.TASK_CANCELLED, details);
    }

    private void recordTask(DelegateTask task, String kind, Map<String, Object> details) {
        record(task.getExecution(), new AuditEvent(kind, null, null, null, null, task.getId(),
                task.getTaskDefinitionKey(), task.getName(), actor(), null, null, details));
    }

    private void record(DelegateExecution execution, AuditEvent event) {
        ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
        String root = instance.getRootProcessInstanceId() == null ? instance.getId() : instance.getRootProcessInstanceId();
        audit.getObject().record(event.inInstance(instance.getId(), root, instance.getProcessDefinition().getKey(),
                instance.getBusinessKey()).about(InstanceCatalog.number(execution, PlanApproval.PLAN_ID),
                InstanceCatalog.number(execution, ReportRound.ROUND_ID)));
    }

    private static List<String> candidateGroups(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static String actor() {
        var context = Context.getCommandContext();
        return context == null ? null : context.getAuthenticatedUserId();
    }

}
