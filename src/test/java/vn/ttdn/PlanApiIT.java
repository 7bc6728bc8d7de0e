package vn.ttdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;

/** The running application over real HTTP, on the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Db.class)
class PlanApiIT {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Db db;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void adminListsTheFiveSeedPlansOverHttp() throws Exception {
        HttpResponse<String> response = send(request("/api/plans", "admin").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> codes = new HashSet<>();
        json.readTree(response.body()).forEach(p -> codes.add(p.path("code").asText()));
        assertThat(codes).contains("QNG-KH-116", "NDH-KH-NQ47", "NTH-KH-NQ47", "DLK-KH-NQ47", "PRTC-KH-256");
    }

    @Test
    void anOfficerImportsAPlanOverHttpAndItIsStored() throws Exception {
        byte[] file = SeedPlans.variant(SeedPlans.NAM_DINH, "IT-NDH", plan -> { });

        HttpResponse<String> response = send(request("/api/plans", "cv.stttt.ndh")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode plan = json.readTree(response.body());
        assertThat(response.headers().firstValue("Location")).contains("/api/plans/" + plan.path("id").asLong());
        assertThat(db.jdbc().queryForObject(
                "select count(*) from ttdn.plan_task t join ttdn.plan p on p.id = t.plan_id where p.code = 'IT-NDH'",
                Integer.class)).isEqualTo(40);
    }

    @Test
    void aFifteenMegabyteUploadGets413OverHttp() throws Exception {
        int before = db.count("plan");
        byte[] big = new byte[15 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');

        HttpResponse<String> response = send(request("/api/plans", "admin")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("errors")).hasSize(1);
        assertThat(db.count("plan")).isEqualTo(before);
    }

    @Test
    void aJsonBodyOverTheCapGets413WhetherItSaysItsLengthOrNotAndABrokenOneGets400() throws Exception {
        // given: a task's change (JSON) of 6 MB, above the API's 5 MB, sent with its length and without (chunked)
        long plan = json.readTree(send(request("/api/plans", "admin").GET()).body()).path(0).path("id").asLong();
        String tasksBefore = tasksOf(plan);
        byte[] big = ("{\"content\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String path = "/api/plans/" + plan + "/tasks/1.1";

        HttpResponse<String> declared = send(request(path, "admin").header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> chunked = send(request(path, "admin").header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        HttpResponse<String> broken = send(request(path, "admin").header("Content-Type", "application/json")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{\"content\": ")));

        // then: 413 both ways, with the problem in Vietnamese; 400 for the broken one; nothing changed
        for (HttpResponse<String> tooLarge : List.of(declared, chunked)) {
            assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
            JsonNode error = json.readTree(tooLarge.body()).path("errors").path(0);
            assertThat(error.path("code").asText()).isEqualTo("request.tooLarge");
            assertThat(error.path("text").asText()).isEqualTo("Nội dung gửi lên quá lớn (tối đa 5120 KB).");
        }
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(json.readTree(broken.body()).path("errors").path(0).path("code").asText())
                .isEqualTo("request.unreadable");
        assertThat(tasksOf(plan)).isEqualTo(tasksBefore);
    }

    @Test
    void theOpenApiDescriptionListsThePlanEndpoints() throws Exception {
        HttpResponse<String> response = send(request("/v3/api-docs", "cv.stttt.qng").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).path("paths");
        assertThat(paths.has("/api/plans")).isTrue();
        assertThat(paths.has("/api/plans/{id}/export")).isTrue();
        assertThat(paths.has("/api/bodies")).isTrue();
    }

    @Test
    void theLoginPageIsServedInVietnamese() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Đăng nhập");
    }

    private String tasksOf(long plan) {
        return db.jdbc().queryForObject("select string_agg(content, '|' order by id) from ttdn.plan_task where plan_id = ?",
                String.class, plan);
    }

    private HttpRequest.Builder request(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
