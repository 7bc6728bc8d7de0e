package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.ttdn.support.WebClient;

/** The engine's REST API and the Camunda webapps: administrators only, with the application's sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineAccessIT {

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
    void theEngineRestApiAnswersAdminsWhatTheModelerCallsAndRefusesOthers() throws Exception {
        HttpResponse<String> version = web.getAs("/engine-rest/version", "admin", "demo");
        assertThat(version.statusCode()).as(version.body()).isEqualTo(200);
        assertThat(json.readTree(version.body()).path("version").asText()).startsWith("7.24");
        HttpResponse<String> connection = web.getAs("/engine-rest/deployment?maxResults=0", "admin", "demo");
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(200);

        // the rest of the engine's API is closed, to administrators too
        for (String path : java.util.List.of("/engine-rest/engine", "/engine-rest/task", "/engine-rest/filter",
                "/engine-rest/process-instance", "/engine-rest/user", "/engine-rest/variable-instance")) {
            assertThat(web.getAs(path, "admin", "demo").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(web.getAs("/engine-rest/version", "cv.stttt.qng", "demo").statusCode()).isEqualTo(403);
        assertThat(web.getAs("/engine-rest/deployment", "giamsat", "demo").statusCode()).isEqualTo(403);
        assertThat(web.get("/engine-rest/version").statusCode()).isEqualTo(401);
    }

    @Test
    void noQueryEvaluatesAnExpressionNotEvenAnAdministrators() throws Exception {
        // an ad-hoc task query with an expression inside orQueries (the engine's switch does not stop that one),
        // the same on the query string, and a stored filter with an expression
        byte[] adhoc = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] filter = ("{\"resourceType\":\"Task\",\"name\":\"expression\",\"query\":"
                + "{\"assigneeExpression\":\"${currentUser()}\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long filtersBefore = engine.getFilterService().createFilterQuery().count();

        HttpResponse<String> query = web.postAs("/engine-rest/task", "admin", "demo", "application/json", adhoc);
        HttpResponse<String> plain = web.getAs("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D",
                "admin", "demo");
        HttpResponse<String> stored = web.postAs("/engine-rest/filter/create", "admin", "demo", "application/json",
                filter);

        // then each is refused before the engine sees it, and no filter was made
        assertThat(List.of(query.statusCode(), plain.statusCode(), stored.statusCode())).containsOnly(403);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filtersBefore);
        // and the engine itself refuses expressions in queries and filters, whoever asks
        assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}")
                .list()).hasMessageContaining("Expressions are forbidden");
        var expressionFilter = engine.getFilterService().newTaskFilter("expression")
                .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        assertThatThrownBy(() -> engine.getFilterService().saveFilter(expressionFilter))
                .hasMessageContaining("Expressions are forbidden");
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filtersBefore);
    }

    /**
     * A BPMN file deployed through Camunda Modeler's door with an external entity (XXE) that would
     * read a file of the server into the model: refused (the engine's parser disallows a DOCTYPE),
     * nothing deployed, the file's text nowhere in the answer. The same model without its DOCTYPE
     * deploys (the test can fail).
     */
    @Test
    void aBpmnFileWithAnExternalEntityIsRefusedAndDeploysNothing() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("ttdn-secret", ".txt");
        java.nio.file.Files.writeString(secret, "bí-mật-của-máy-chủ");
        String model = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://ttdn.vn/xxe\">"
                + "<process id=\"xxe-probe\" name=\"NAME\" isExecutable=\"true\" camunda:historyTimeToLive=\"180\">"
                + "<startEvent id=\"s\"/></process></definitions>";
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY secret SYSTEM \""
                + secret.toUri() + "\">]>" + model.replace("NAME", "&secret;");
        long before = engine.getRepositoryService().createDeploymentQuery().count();

        HttpResponse<String> refused = web.postAs("/engine-rest/deployment/create", "admin", "demo",
                new vn.ttdn.support.Multipart().field("deployment-name", "xxe").file("probe.bpmn", "probe.bpmn",
                        hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        // the engine's own REST API answers its parse error in its own way (500, ENGINE-09003), naming the cause
        assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("ENGINE-09003", "DOCTYPE is disallowed").doesNotContain("bí-mật");
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("xxe-probe")
                .count()).isZero();

        HttpResponse<String> plain = web.postAs("/engine-rest/deployment/create", "admin", "demo",
                new vn.ttdn.support.Multipart().field("deployment-name", "xxe-control").file("probe.bpmn",
                        "probe.bpmn", model.replace("NAME", "thử").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        engine.getRepositoryService().deleteDeployment(json.readTree(plain.body()).path("id").asText(), true);
    }

    @Test
    void cockpitTakesTheAdministratorFromTheApplicationSignIn() throws Exception {
        web.login("admin", "demo");

        assertThat(web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = web.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode auth = json.readTree(user.body());
        assertThat(auth.path("userId").asText()).isEqualTo("admin");
        assertThat(auth.path("authorizedApps").toString()).contains("cockpit", "admin");
    }

    @Test
    void theWebappsRefuseAnOfficer() throws Exception {
        web.login("cv.stttt.qng", "demo");

        assertThat(web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(web.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(403);
    }
}
