package vn.ttdn.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyEnded;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Standing;

/**
 * Work of a body that has ended goes to the successor standing for it. Every user task, when it is
 * created, has each candidate group of an ended body ({@code officer.QNG-STTTT}) replaced by the same
 * role of its successor ({@code officer.QNG-SVHTTDL}); and when an end is recorded, the open tasks of
 * that body are moved in the same transaction: their candidate groups rewritten, the claims of people
 * who did not move to the successor released. The process variables keep naming the body the work
 * was asked of, so reports and the journal keep its name; the checks of who may act follow
 * {@link DirectoryService#actsFor}.
 */
@Component
class SuccessorTasks extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SuccessorTasks.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ObjectProvider<DirectoryService> directory;
    private final ObjectProvider<TaskService> tasks;

    private final ObjectProvider<vn.ttdn.audit.AuditLog> audit;

    SuccessorTasks(ObjectProvider<DirectoryService> directory, ObjectProvider<TaskService> tasks,
                   ObjectProvider<vn.ttdn.audit.AuditLog> audit) {
        this.directory = directory;
        this.tasks = tasks;
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        TaskListener onCreate = this::created;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            }
        });
    }

    /** A new task offered to an ended body is offered to its successor instead. */
    private void created(DelegateTask task) {
        LocalDate today = today();
        for (IdentityLink link : List.copyOf(task.getCandidates())) {
            String group = link.getGroupId();
            successorGroup(group, today).ifPresent(moved -> {
                task.deleteCandidateGroup(group);
                task.addCandidateGroup(moved);
            });
        }
    }

    /** An end was recorded: the body's open tasks go to its successor, in this transaction. */
    @EventListener
    void bodyEnded(BodyEnded ended) {
        // the body's last day is ended.on(): from the next day its successor stands for it
        if (ended.on().isAfter(today())) {
            log.warn("Body {} ends on {}, after today: its open tasks stay until then (new ones follow it then)",
                    ended.code(), ended.on());
            return;
        }
        Optional<Standing> successor = directory.getObject().standingOn(ended.code(), today());
        if (successor.isEmpty() || successor.get().body().code().equals(ended.code())) {
            log.warn("Body {} ended with no successor standing for it: its open tasks stay where they are",
                    ended.code());
            return;
        }
        String to = successor.get().body().code();
        TaskService service = tasks.getObject();
        int moved = 0;
        List<String> groups = EngineGroups.of(java.util.Set.of(vn.ttdn.directory.Role.OFFICER,
                vn.ttdn.directory.Role.LEADER, vn.ttdn.directory.Role.CLERK), ended.code()).stream()
                .filter(g -> g.endsWith("." + ended.code())).toList();
        for (Task task : service.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().active()
                .list()) {
            boolean touched = false;
            for (IdentityLink link : service.getIdentityLinksForTask(task.getId())) {
                String group = link.getGroupId();
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null
                        && group.endsWith("." + ended.code())) {
                    service.deleteCandidateGroup(task.getId(), group);
                    service.addCandidateGroup(task.getId(), group.substring(0, group.lastIndexOf('.') + 1) + to);
                    touched = true;
                }
            }
            if (touched) {
                audit.getObject().record(new vn.ttdn.audit.AuditEvent(vn.ttdn.audit.AuditKind.BODY_MERGED,
                        task.getProcessInstanceId(), null, null, null, task.getId(), task.getTaskDefinitionKey(),
                        task.getName(), ended.actor(), null, null, java.util.Map.of("from", ended.code(), "to", to,
                        "lastDay", ended.on().toString())));
            }
            if (touched && task.getAssignee() != null && !inBody(task.getAssignee(), to)) {
                service.setAssignee(task.getId(), null);
            }
            moved += touched ? 1 : 0;
        }
        log.info("Body {} ended on {}: {} open tasks moved to {}", ended.code(), ended.on(), moved, to);
    }

    private boolean inBody(String username, String body) {
        return directory.getObject().person(username).map(PersonView::body).map(b -> b.code().equals(body))
                .orElse(false);
    }

    /** {@code role.CODE} of an ended body as the same role of the body standing for it, if another does. */
    private Optional<String> successorGroup(String group, LocalDate today) {
        int dot = group == null ? -1 : group.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String code = group.substring(dot + 1);
        DirectoryService bodies = directory.getObject();
        return bodies.body(code).filter(b -> !b.isActiveOn(today)).flatMap(b -> bodies.standingOn(code, today))
                .map(s -> s.body().code()).filter(c -> !c.equals(code)).map(c -> group.substring(0, dot + 1) + c);
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(VIETNAM).toLocalDate();
    }
}
