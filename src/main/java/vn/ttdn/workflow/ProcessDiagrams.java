package vn.ttdn.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import vn.ttdn.workflow.ApprovalProcess.Diagram;

/** A process instance drawn: its model, the activities it waits at and those it has passed, from history. */
@Component
class ProcessDiagrams {

    private final HistoryService history;
    private final RepositoryService repository;

    ProcessDiagrams(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** The latest instance of the process with this business key, drawn. */
    Optional<Diagram> latest(String processKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().map(this::draw);
    }

    /** The instance with this id, running or ended, drawn. */
    Optional<Diagram> of(String instanceId) {
        return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult()).map(this::draw);
    }

    /** The BPMN XML of a process definition. */
    String xml(String definitionId) {
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the model of " + definitionId, e);
        }
    }

    private Diagram draw(HistoricProcessInstance instance) {
        String xml = xml(instance.getProcessDefinitionId());
        Set<String> active = new LinkedHashSet<>();
        Set<String> completed = new LinkedHashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else if (!a.isCanceled()) {
                completed.add(a.getActivityId());
            }
        }
        return new Diagram(instance.getId(), instance.getEndTime() != null, xml, List.copyOf(active),
                List.copyOf(completed));
    }
}
