package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.ttdn.support.Db;
import vn.ttdn.support.Multipart;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebClient;

/**
 * Deployments as an administrator makes them with Camunda Modeler, over {@code /engine-rest}: a
 * BPMN file whose tasks use forms bound to the deployment is refused unless the forms come with it
 * (docs/adr/0005-modeler-deployments.md), and a complete deployment runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class ModelerDeploymentIT {

    private static final Path MODEL = Path.of("bpmn/plan-approval.bpmn");
    private static final List<String> FORMS = List.of("consultation-comment", "director-approval", "draft-submission",
            "issuance", "issuer-decision", "office-review", "revise-submission");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    @Test
    void theModelWithoutItsFormsIsRefusedNamingTheMissingForms() throws Exception {
        // given
        int before = planApprovalVersions();

        // when
        HttpResponse<String> response = deploy(modeler("plan-approval-alone").file("plan-approval.bpmn",
                "plan-approval.bpmn", Files.readAllBytes(MODEL)));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains("userTask_draftSubmission needs form 'draft-submission'")
                .contains(FORMS);
        JsonNode error = body.path("details").path("plan-approval.bpmn").path("errors").path(0);
        assertThat(error.path("mainElementId").asText()).isEqualTo("userTask_draftSubmission");
        assertThat(error.path("message").asText()).contains(FORMS);
        assertThat(planApprovalVersions()).isEqualTo(before);
    }

    @Test
    void theModelWithItsFormsDeploysAndANewApprovalOpensItsFirstForm() throws Exception {
        // given
        int before = planApprovalVersions();
        long planId = importSeed("QNG-MODELER-DEPLOY");

        // when
        HttpResponse<String> response = deploy(withForms(modeler("plan-approval-with-forms"), Files.readAllBytes(MODEL)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode deployed = json.readTree(response.body()).path("deployedProcessDefinitions");
        assertThat(deployed.size()).isEqualTo(1);
        String definitionId = deployed.fieldNames().next();
        assertThat(planApprovalVersions()).isEqualTo(before + 1);

        HttpResponse<String> started = web.postAs("/api/plans/" + planId + "/approval", "cv.stttt.qng", "demo", null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String instanceId = json.readTree(started.body()).path("processInstanceId").asText();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getProcessDefinitionId()).isEqualTo(definitionId);

        HttpResponse<String> form = web.getAs("/api/tasks/" + firstTask(planId) + "/form", "cv.stttt.qng", "demo");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(json.readTree(form.body()).path("schema").path("id").asText()).isEqualTo("draft-submission");
    }

    @Test
    void aChangedModelUnderAnEarlierDeploymentNameIsRefusedAsItsUnchangedFormsAreLeftOut() throws Exception {
        // given: Modeler asks for changed files only, so the forms already deployed under this name drop out
        assertThat(deploy(withForms(modeler("plan-approval-again"), Files.readAllBytes(MODEL))).statusCode())
                .isEqualTo(200);
        int before = planApprovalVersions();
        byte[] changed = (Files.readString(MODEL) + "\n<!-- changed in Modeler -->\n").getBytes(StandardCharsets.UTF_8);

        // when
        HttpResponse<String> response = deploy(withForms(modeler("plan-approval-again"), changed));

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("message").asText()).contains(FORMS);
        assertThat(planApprovalVersions()).isEqualTo(before);
    }

    /** The fields Camunda Modeler (Camunda 7 target) sends with every deployment. */
    private static Multipart modeler(String deploymentName) {
        return new Multipart().field("deployment-name", deploymentName).field("deploy-changed-only", "true")
                .field("deployment-source", "Camunda Modeler");
    }

    private static Multipart withForms(Multipart deployment, byte[] model) throws IOException {
        deployment.file("plan-approval.bpmn", "plan-approval.bpmn", model);
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                String name = form.getFileName().toString();
                deployment.file(name, name, Files.readAllBytes(form));
            }
        }
        return deployment;
    }

    private HttpResponse<String> deploy(Multipart deployment) throws Exception {
        return web.postAs("/engine-rest/deployment/create", "admin", "demo", deployment);
    }

    private int planApprovalVersions() {
        return (int) engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("plan-approval")
                .count();
    }

    private long importSeed(String code) throws Exception {
        HttpResponse<String> imported = web.postAs("/api/plans", "admin", "demo", "application/yaml",
                SeedPlans.variant(SeedPlans.QUANG_NGAI, code, plan -> { }));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        return json.readTree(imported.body()).path("id").asLong();
    }

    private String firstTask(long planId) throws Exception {
        for (JsonNode task : json.readTree(web.getAs("/api/tasks?plan=" + planId, "cv.stttt.qng", "demo").body())
                .path("items")) {
            if (task.path("planId").asLong() == planId && task.path("taskKey").asText().equals("userTask_draftSubmission")) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No draft task on plan " + planId);
    }
}
