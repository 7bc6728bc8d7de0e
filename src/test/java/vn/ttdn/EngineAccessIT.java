package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
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

    WebClient web;

    @BeforeEach
    void client() {
        web = new WebClient(port);
    }

    @Test
    void theEngineRestApiAnswersAdminsAndRefusesOthers() throws Exception {
        HttpResponse<String> admin = web.getAs("/engine-rest/engine", "admin", "demo");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(admin.body()).path(0).path("name").asText()).isEqualTo("default");

        assertThat(web.getAs("/engine-rest/engine", "cv.stttt.qng", "demo").statusCode()).isEqualTo(403);
        assertThat(web.getAs("/engine-rest/deployment", "giamsat", "demo").statusCode()).isEqualTo(403);
        assertThat(web.get("/engine-rest/engine").statusCode()).isEqualTo(401);
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
