package vn.ttdn.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * The BPMN model a process instance ran on, for drawing it (the auditors' replay): the version it
 * was started on while the engine's history has it, else (history cleaned up) the latest version of
 * its process.
 */
@Service
public class InstanceModels {

    private final HistoryService history;
    private final RepositoryService repository;

    InstanceModels(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** The process's name as its diagram gives it ("Cơ quan báo cáo kết quả thực hiện"), else its key. */
    public String nameOf(String processKey) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return latest == null || latest.getName() == null ? processKey : latest.getName();
    }

    /** The model's XML; {@code processKey} (from the instance catalogue) is used when history no longer knows the instance. */
    public Optional<String> xmlOf(String instanceId, String processKey) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        String definition = instance != null ? instance.getProcessDefinitionId() : processKey == null ? null
                : Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult()).map(ProcessDefinition::getId).orElse(null);
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream model = repository.getProcessModel(definition)) {
            return Optional.of(new String(model.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the model of " + definition, e);
        }
    }
}
