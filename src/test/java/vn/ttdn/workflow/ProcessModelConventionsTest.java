package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The habits every model keeps, checked on the files in bpmn/: ASCII ids that say what they are (no
 * Modeler defaults), a history time to live, user tasks with candidate groups and a form of forms/
 * bound to the deployment, service tasks as delegate expressions, and forms that are valid Camunda
 * Forms whose id is their file name. The beans named by expressions are checked by the process
 * tests, which run every path.
 */
class ProcessModelConventionsTest {

    private static final Pattern ID = Pattern.compile(
            "(startEvent|endEvent|userTask|serviceTask|exclusiveGateway|boundaryEvent|callActivity|receiveTask|flow|timer)_[a-z][A-Za-z]+");

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelsFollowTheConventions(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
                    .isNotBlank();
            assertThat(process.isExecutable()).isTrue();
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("id in %s", file).matches(ID);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
            assertThat(task.getName()).as("Vietnamese name of %s", task.getId()).isNotBlank();
            String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            assertThat(formRef).as("formRef of %s", task.getId()).isNotBlank();
            assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))
                    .isEqualTo("deployment");
            assertThat(new File("forms/" + formRef + ".form")).as("form of %s", task.getId()).isFile();
            assertThat(PlanApproval.Activity.of(task.getId()).isPresent() || AgencyReport.Activity.of(task.getId()).isPresent()
                    || PlanAmendment.Activity.of(task.getId()).isPresent()
                    || RoundConsolidation.Activity.of(task.getId()).isPresent())
                    .as("a backing class knows %s", task.getId()).isTrue();
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as("delegate of %s", task.getId()).matches("\\$\\{\\w+}");
        }
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(BaseElement.class).stream().filter(e -> e.getId() != null)
                .forEach(e -> assertThat(ids.add(e.getId())).as("unique id %s", e.getId()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void formsAreCamundaFormsNamedByTheirId(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(form.path("id").asText() + ".form").isEqualTo(file.getFileName().toString());
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        List<JsonNode> inputs = FormValidator.inputs(form);
        assertThat(inputs).isNotEmpty();
        Set<String> keys = new HashSet<>();
        for (JsonNode input : inputs) {
            assertThat(keys.add(input.path("key").asText())).as("key %s unique", input.path("key")).isTrue();
            String label = input.path("label").asText(input.path("dateLabel").asText());
            assertThat(label).as("label of %s", input.path("key")).isNotBlank();
        }
        if (keys.contains("decision")) {
            assertThat(keys).contains("reason");
            JsonNode decision = inputs.stream().filter(i -> i.path("key").asText().equals("decision")).findFirst()
                    .orElseThrow();
            assertThat(decision.path("values").findValuesAsText("value")).containsExactly("approve", "return");
        }
    }
}
