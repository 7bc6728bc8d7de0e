package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** Attachments of a Tờ trình: PDF and DOCX up to 20 MB, by the drafters, while the plan is a draft. */
@WebTest
class AttachmentsTest {

    private static final Cast QNG = Cast.of("qng");
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    MockMvc mvc;

    @Test
    void aPdfAndADocxAreKeptAndReadBackByteForByte() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-ATTACH-OK");

        Answer pdf = upload(planId, "Tờ trình 45.pdf", PDF, QNG.drafter());
        Answer docx = upload(planId, "Dự thảo.docx", docx(), QNG.drafter());

        assertThat(pdf.status()).isEqualTo(201);
        assertThat(pdf.body().path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(docx.body().path("contentType").asText()).endsWith("wordprocessingml.document");
        byte[] back = mvc.perform(MockMvcRequestBuilders.get("/api/plans/" + planId + "/attachments/"
                        + pdf.body().path("id").asLong())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(QNG.director(), "demo")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(PDF);
        assertThat(count(planId)).isEqualTo(2);
    }

    @Test
    void otherTypesTooLargeFilesWrongPeopleAndIssuedPlansAreRefusedAndNothingIsKept() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-ATTACH-BAD");

        Answer text = upload(planId, "ghi-chu.txt", "ghi chú".getBytes(StandardCharsets.UTF_8), QNG.drafter());
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.type");

        byte[] large = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        Answer tooLarge = upload(planId, "lon.pdf", large, QNG.drafter());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.tooLarge");

        assertThat(upload(planId, "a.pdf", PDF, QNG.reviewer()).status()).isEqualTo(403);

        db.jdbc().update("update ttdn.plan set status = 'IN_APPROVAL' where id = ?", planId);
        assertThat(upload(planId, "a.pdf", PDF, QNG.drafter()).status()).isEqualTo(409);
        assertThat(count(planId)).isZero();
    }

    /**
     * Issue 11, hostile uploads: the type is read from the content, not the name; a DOCX whose parts would
     * unpack a thousandfold, one of more than 10,000 parts, one that declares a DTD with an external entity
     * are refused with their problem, nothing kept; a name typed in NFD is kept in NFC.
     */
    @Test
    void theTypeComesFromTheContentAndZipBombsEntitiesAndPartsBeyondTheBoundAreRefused() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-ATTACH-HOSTILE");

        Answer textAsPdf = upload(planId, "to-trinh.pdf", "<html><script>alert(1)</script>".getBytes(
                StandardCharsets.UTF_8), QNG.drafter());
        assertThat(textAsPdf.status()).isEqualTo(400);
        assertThat(textAsPdf.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.type");
        Answer zipAsDocx = upload(planId, "du-thao.docx", zip("readme.txt", "không phải văn bản"), QNG.drafter());
        assertThat(zipAsDocx.status()).isEqualTo(400);
        assertThat(zipAsDocx.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.type");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/media/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).as("64 MB of zeros, packed").isLessThan(1024 * 1024);
        Answer bombed = upload(planId, "bom.docx", bomb.toByteArray(), QNG.drafter());
        assertThat(bombed.status()).isEqualTo(400);
        assertThat(bombed.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.zipBomb");
        assertThat(bombed.body().path("errors").get(0).path("message").asText()).contains("200 MB");

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < Attachments.MAX_PARTS; i++) {
                zip.putNextEntry(new ZipEntry("word/p" + i + ".xml"));
            }
        }
        Answer parts = upload(planId, "nhieu-phan.docx", many.toByteArray(), QNG.drafter());
        assertThat(parts.status()).isEqualTo(400);
        assertThat(parts.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.zipParts");

        Answer entity = upload(planId, "xxe.docx", zip("word/document.xml", "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document>&xxe;</w:document>"),
                QNG.drafter());
        assertThat(entity.status()).isEqualTo(400);
        assertThat(entity.body().path("errors").get(0).path("code").asText()).isEqualTo("attachment.doctype");
        assertThat(count(planId)).as("nothing kept").isZero();

        String nfd = java.text.Normalizer.normalize("Tờ trình số 45 – Quảng Ngãi.docx", java.text.Normalizer.Form.NFD);
        Answer named = upload(planId, nfd, docx(), QNG.drafter());
        assertThat(named.status()).isEqualTo(201);
        String kept = db.jdbc().queryForObject("select file_name from ttdn.attachment where plan_id = ?", String.class,
                planId);
        assertThat(kept).isEqualTo("Tờ trình số 45 – Quảng Ngãi.docx").isNotEqualTo(nfd);
        assertThat(java.text.Normalizer.isNormalized(kept, java.text.Normalizer.Form.NFC)).isTrue();
    }

    private static byte[] zip(String name, String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private Answer upload(long planId, String name, byte[] content, String user) throws Exception {
        return chain.send(MockMvcRequestBuilders.multipart("/api/plans/" + planId + "/attachments")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)), user);
    }

    private int count(long planId) {
        return db.jdbc().queryForObject("select count(*) from ttdn.attachment where plan_id = ?", Integer.class, planId);
    }

    private static byte[] docx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
