package vn.ttdn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.EngineClock;
import vn.ttdn.support.Pages;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The audit record over HTTP and on the auditors' pages: an instance's timeline and model, the
 * chain verified and its head; who may read them (auditors and administrators; supervisors for the
 * plans they follow; nobody else); the replay page lists the events in order for the player.
 */
@WebTest
@ExtendWith(EngineClock.class)
class AuditApiTest {

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    Pages pages;
    @Autowired
    AuditSealer sealer;
    @Autowired
    DirectoryService directory;

    @Test
    void anInstancesTimelineAndModelAreReadByAuditorsAndTheSupervisorsOfItsPlanOnly() throws Exception {
        // given: an approval that has passed two steps, and a supervisor of another province
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-AUDIT-API");
        Chain.Cast cast = Chain.Cast.of("qng");
        Chain.ok(chain.start(planId, cast.drafter()));
        chain.act(planId, "userTask_draftSubmission", cast.drafter(), Chain.TO_TRINH);
        chain.act(planId, "userTask_directorApproval", cast.director(), java.util.Map.of("decision", "return",
                "reason", "Thiếu dự toán kinh phí"));
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where plan_id = ? and process_key = 'plan-approval'", String.class, planId);
        String hash = directory.account("kiemtoan").orElseThrow().passwordHash();
        directory.savePerson("gs.ubnd.dlk", "Lưu Văn Sát", "Cán bộ giám sát", "DLK-UBND", null, hash,
                Set.of(Role.SUPERVISOR));
        directory.savePerson("gs.ubnd.qng", "Mạc Thị Tra", "Cán bộ giám sát", "QNG-UBND", null, hash,
                Set.of(Role.SUPERVISOR));

        // when / then: the auditor reads it all
        JsonNode timeline = Chain.ok(chain.get("/api/instances/" + instance + "/timeline", "kiemtoan")).body();
        assertThat(timeline.path("instance").path("planId").asLong()).isEqualTo(planId);
        JsonNode events = timeline.path("events");
        assertThat(events.size()).isEqualTo(7);
        JsonNode returned = events.get(5);
        assertThat(returned.path("event").path("kind").asText()).isEqualTo("task.returned");
        assertThat(returned.path("label").asText()).isEqualTo("Trả lại (kèm lý do)");
        assertThat(returned.path("detail").asText()).isEqualTo("Lý do: Thiếu dự toán kinh phí");
        assertThat(returned.path("event").path("actor").path("bodyName").asText())
                .isEqualTo("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi");
        // who each task went to is named: the drafter's, given at its creation (again when returned to them), and
        // the director's, claimed
        java.util.List<String> claims = new java.util.ArrayList<>();
        events.forEach(e -> {
            if (e.path("detail").asText().startsWith("Giao cho ")) {
                claims.add(e.path("event").path("kind").asText() + ": " + e.path("detail").asText());
            }
        });
        assertThat(claims).containsExactly("task.created: Giao cho Phạm Kim Trang (cv.stttt.qng)",
                "task.claimed: Giao cho Hoàng Minh Hoa (gd.stttt.qng)",
                "task.created: Giao cho Phạm Kim Trang (cv.stttt.qng)");
        assertThat(Chain.ok(chain.get("/api/instances/" + instance + "/model", "kiemtoan")).body().path("xml").asText())
                .contains("userTask_directorApproval");
        // a supervisor of Quảng Ngãi's UBND follows the plan; one of Đắk Lắk does not; an officer reads none
        assertThat(chain.get("/api/instances/" + instance + "/timeline", "gs.ubnd.qng").status()).isEqualTo(200);
        Chain.Answer refused = chain.get("/api/instances/" + instance + "/timeline", "gs.ubnd.dlk");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("errors").path(0).path("code").asText()).isEqualTo("audit.notYourPlan");
        assertThat(chain.get("/api/instances/" + instance + "/timeline", cast.drafter()).status()).isEqualTo(403);
        assertThat(chain.get("/api/instances/no-such-instance/timeline", "kiemtoan").status()).isEqualTo(404);
        assertThat(chain.get("/api/audit/verify", "gs.ubnd.qng").status()).isEqualTo(403);

        // the case file holds the timeline (PDF and JSON), the plan's file and the contents
        Chain.Download caseFile = chain.download("/api/instances/" + instance + "/case-file", "kiemtoan");
        assertThat(caseFile.status()).isEqualTo(200);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(caseFile.content()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("00-muc-luc.txt", "01-dong-thoi-gian.pdf",
                "02-dong-thoi-gian.json", "03-ke-hoach-QNG-TEST-AUDIT-API.yaml", "04-to-trinh-lan-1.pdf",
                "04-ke-hoach-trinh-lan-1.yaml");
        try (var toTrinh = org.apache.pdfbox.Loader.loadPDF(entries.get("04-to-trinh-lan-1.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(toTrinh))
                    .contains("Tờ trình (lần trình thứ 1)", "45/TTr-STTTT", "Trích yếu");
        }
        assertThat(new String(entries.get("04-ke-hoach-trinh-lan-1.yaml"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("code: QNG-TEST-AUDIT-API");
        assertThat(new String(entries.get("01-dong-thoi-gian.pdf"), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(entries.get("02-dong-thoi-gian.json"));
        assertThat(saved.size()).isEqualTo(7);
        assertThat(saved.get(5).path("detail").asText()).isEqualTo("Lý do: Thiếu dự toán kinh phí");
        assertThat(new String(entries.get("03-ke-hoach-QNG-TEST-AUDIT-API.yaml"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("code: QNG-TEST-AUDIT-API");
        assertThat(new String(entries.get("00-muc-luc.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("- 01-dong-thoi-gian.pdf", "Nguyên vẹn");
        assertThat(chain.download("/api/instances/" + instance + "/case-file", cast.drafter()).status()).isEqualTo(403);

        // and the replay page gives the player every event in order
        Document page = pages.page("/kiem-tra/" + instance, "kiemtoan");
        assertThat(page.select(".timeline-row")).extracting(r -> r.attr("data-kind")).containsExactly(
                "process.started", "task.created", "task.completed", "task.created", "task.claimed", "task.returned",
                "task.created");
        assertThat(page.select(".timeline-row").get(5).text()).contains("Thiếu dự toán kinh phí", "Hoàng Minh Hoa");
        assertThat(page.getElementById("replay-diagram").attr("data-model")).isEqualTo("/api/instances/" + instance + "/model");
    }

    @Test
    void theChainIsVerifiedAndItsHeadExportedByAnAuditor() throws Exception {
        // given: everything so far sealed
        chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-TEST-AUDIT-HEAD");
        sealer.sealAll();

        // when
        JsonNode verified = Chain.ok(chain.get("/api/audit/verify", "kiemtoan")).body();
        JsonNode head = Chain.ok(chain.get("/api/audit/head", "kiemtoan")).body();
        Chain.Download text = chain.download("/api/audit/head?format=text", "kiemtoan");

        // then
        assertThat(verified.path("intact").asBoolean()).isTrue();
        assertThat(verified.path("count").asLong()).isEqualTo(head.path("seq").asLong());
        assertThat(new String(text.content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Số thứ tự: " + head.path("seq").asLong(), head.path("hash").asText());
        JsonNode against = Chain.ok(chain.get("/api/audit/verify?seq=" + head.path("seq").asLong() + "&hash="
                + head.path("hash").asText(), "kiemtoan")).body();
        assertThat(against.path("intact").asBoolean()).isTrue();
        JsonNode wrong = Chain.ok(chain.get("/api/audit/verify?seq=" + head.path("seq").asLong() + "&hash="
                + "0".repeat(64), "kiemtoan")).body();
        assertThat(wrong.path("intact").asBoolean()).isFalse();
        assertThat(wrong.path("firstBad").path("reason").asText()).isEqualTo("head");
        // the page's button says so in Vietnamese
        Document page = pages.page("/kiem-tra?verify=true", "kiemtoan");
        assertThat(page.getElementById("audit-intact").text()).startsWith("Nguyên vẹn:");
        assertThat(page.getElementById("audit-head").attr("data-hash")).isNotBlank();
        assertThat(pages.open("/kiem-tra", "cv.stttt.qng").getStatus()).isEqualTo(403);
    }
}
