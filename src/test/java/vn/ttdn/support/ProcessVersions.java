package vn.ttdn.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** New versions of the application's processes, deployed as a modeller would deploy them. */
public final class ProcessVersions {

    private ProcessVersions() {
    }

    /**
     * The same model (bpmn/{key}.bpmn) and every form deployed once more, as a new version would be;
     * its definition.
     */
    public static ProcessDefinition deployAgain(ProcessEngine engine, String processKey) throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(processKey + "-next-version").addInputStream(processKey + ".bpmn",
                        Files.newInputStream(Path.of("bpmn", processKey + ".bpmn")));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        String deploymentId = deployment.deploy().getId();
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey(processKey).singleResult();
    }
}
