package vn.ttdn.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ttdn.approval.AttachmentView;
import vn.ttdn.approval.Approvals;
import vn.ttdn.approval.Attachments;
import vn.ttdn.approval.SubmissionView;
import vn.ttdn.audit.AuditRecord;
import vn.ttdn.audit.AuditVerification;
import vn.ttdn.audit.CataloguedInstance;
import vn.ttdn.documents.HtmlPdf;
import vn.ttdn.plan.PlanService;
import vn.ttdn.reporting.Consolidations;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.NotFoundException;

/**
 * An instance's case file (hồ sơ) as a ZIP: its timeline as a PDF and as JSON (every event with
 * its seal), the plan as it stands (its file), for an approval every Tờ trình as submitted (a PDF) with the
 * plan's file as submitted with it, the files attached along the way, the body's report
 * or the consolidated report where the instance is one, and a note of what it holds with the chain
 * verified at the moment of export. What a reader may not see (a consolidated report not sent yet)
 * is left out, and the note says so.
 */
@Component
class CaseFiles {

    private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final AuditRecord record;
    private final AuditWords words;
    private final HtmlPdf pdf;
    private final PlanService plans;
    private final Attachments attachments;
    private final Consolidations consolidations;
    private final Approvals approvals;
    private final ObjectMapper json;

    CaseFiles(AuditRecord record, AuditWords words, HtmlPdf pdf, PlanService plans, Attachments attachments,
              Consolidations consolidations, Approvals approvals, ObjectMapper json) {
        this.approvals = approvals;
        this.record = record;
        this.words = words;
        this.pdf = pdf;
        this.plans = plans;
        this.attachments = attachments;
        this.consolidations = consolidations;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A file of the case: its name in the ZIP and its bytes. */
    record Part(String name, byte[] content) {
    }

    byte[] zip(CataloguedInstance instance, String processName, CurrentUser user) {
        List<AuditApiController.Line> lines = words.lines(record.timeline(instance.instanceId()));
        List<Part> parts = new ArrayList<>();
        List<String> left = new ArrayList<>();
        parts.add(new Part("01-dong-thoi-gian.pdf", pdf.pdf(timelineHtml(instance, processName, lines))));
        parts.add(new Part("02-dong-thoi-gian.json", bytes(lines)));
        if (instance.planId() != null) {
            String code = plans.get(instance.planId(), user).code();
            parts.add(new Part("03-ke-hoach-" + code + ".yaml", plans.exportFile(instance.planId(), user)));
            if ("plan-approval".equals(instance.processKey())) {
                // every Tờ trình as submitted, and the plan as it was submitted with it
                for (SubmissionView s : approvals.record(instance.planId()).submissions()) {
                    parts.add(new Part("04-to-trinh-lan-" + s.version() + ".pdf", pdf.pdf(submissionHtml(s))));
                    parts.add(new Part("04-ke-hoach-trinh-lan-" + s.version() + ".yaml",
                            approvals.planSnapshot(instance.planId(), s.version()).getBytes(StandardCharsets.UTF_8)));
                }
                for (AttachmentView a : attachments.list(instance.planId())) {
                    parts.add(new Part("tep-dinh-kem/" + a.id() + "-" + a.fileName(),
                            attachments.content(instance.planId(), a.id())));
                }
            }
        }
        if (instance.roundId() != null) {
            reports(instance, user, parts, left);
        }
        AuditVerification verified = record.verify();
        parts.add(0, new Part("00-muc-luc.txt", contents(instance, processName, parts, left, verified)
                .getBytes(StandardCharsets.UTF_8)));
        return pack(parts);
    }

    private void reports(CataloguedInstance instance, CurrentUser user, List<Part> parts, List<String> left) {
        long round = instance.roundId();
        try {
            if ("agency-report".equals(instance.processKey()) && instance.bodyCode() != null) {
                var report = consolidations.exportReport(round, instance.bodyCode(), "pdf", user, Instant.now());
                parts.add(new Part("04-" + report.name() + ".pdf", report.content()));
                for (AttachmentView a : attachments.ofReport(round, instance.bodyCode())) {
                    parts.add(new Part("tep-dinh-kem/" + a.id() + "-" + a.fileName(),
                            attachments.reportContent(round, instance.bodyCode(), a.id())));
                }
            } else if ("round-consolidation".equals(instance.processKey()) || "report-round".equals(instance.processKey())) {
                var report = consolidations.export(round, "pdf", user, Instant.now());
                parts.add(new Part("04-" + report.name() + ".pdf", report.content()));
            }
        } catch (AccessDeniedException | NotFoundException | vn.ttdn.system.InvalidInputException e) {
            log.info("Case file of {}: the report is left out ({})", instance.instanceId(), e.getMessage());
            left.add(words.caseFileLeftOut());
        }
    }

    private String timelineHtml(CataloguedInstance instance, String processName, List<AuditApiController.Line> lines) {
        StringBuilder html = new StringBuilder("<html lang=\"vi\"><head><meta charset=\"UTF-8\"/><style>")
                .append("body{font-family:'").append(HtmlPdf.FAMILY).append("';font-size:10pt}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #888;padding:3pt;")
                .append("vertical-align:top;text-align:left}th{background:#eef}h1{font-size:14pt}")
                .append("@page{size:A4 landscape;margin:15mm}</style><title>").append(esc(processName))
                .append("</title></head><body><h1>").append(esc(words.caseFileTitle(processName))).append("</h1><p>")
                .append(esc(instance.businessKey() == null ? instance.instanceId() : instance.businessKey()))
                .append(" · ").append(esc(instance.instanceId())).append("</p><table><thead><tr>");
        for (String column : words.caseFileColumns()) {
            html.append("<th>").append(esc(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (AuditApiController.Line l : lines) {
            var e = l.event();
            html.append("<tr><td>").append(esc(e.at().atZoneSameInstant(VIETNAM).format(WHEN))).append("</td><td>")
                    .append(esc(l.label())).append("</td><td>").append(esc(e.activityName())).append("</td><td>")
                    .append(esc(e.actor() == null ? words.system() : e.actor().name() + " (" + e.actor().bodyName() + ")"))
                    .append("</td><td>").append(esc(l.detail())).append("</td><td>")
                    .append(e.sealed() == null ? "" : e.sealed()).append("</td></tr>");
        }
        return html.append("</tbody></table></body></html>").toString();
    }

    private String submissionHtml(SubmissionView s) {
        List<String> w = words.submissionWords(s.version());
        StringBuilder html = new StringBuilder("<html lang=\"vi\"><head><meta charset=\"UTF-8\"/><style>")
                .append("body{font-family:'").append(HtmlPdf.FAMILY).append("';font-size:12pt}")
                .append("dt{font-weight:bold;margin-top:8pt}dd{margin:2pt 0 0 0;white-space:pre-wrap}h1{font-size:14pt}")
                .append("@page{size:A4;margin:20mm 15mm 20mm 30mm}</style><title>").append(esc(w.get(0)))
                .append("</title></head><body><h1>").append(esc(w.get(0))).append("</h1><dl>");
        String[] values = {s.number(), s.dated() == null ? "" : s.dated().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                s.summary(), s.proposal(), s.explanation() == null ? "" : s.explanation(),
                s.draftedBy() + (s.submittedAt() == null ? "" : " · " + s.submittedAt().atZone(VIETNAM).format(WHEN))};
        for (int i = 0; i < values.length; i++) {
            html.append("<dt>").append(esc(w.get(i + 1))).append("</dt><dd>").append(esc(values[i])).append("</dd>");
        }
        return html.append("</dl></body></html>").toString();
    }

    private String contents(CataloguedInstance instance, String processName, List<Part> parts, List<String> left,
                            AuditVerification verified) {
        StringBuilder text = new StringBuilder(words.caseFileTitle(processName)).append('\n')
                .append(instance.instanceId()).append('\n').append('\n');
        parts.forEach(p -> text.append("- ").append(p.name()).append('\n'));
        left.forEach(l -> text.append(l).append('\n'));
        text.append('\n').append(words.caseFileChain(verified)).append('\n');
        return text.toString();
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pack(List<Part> parts) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out,
                StandardCharsets.UTF_8)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Part p : parts) {
                if (names.add(p.name())) {
                    zip.putNextEntry(new ZipEntry(p.name()));
                    zip.write(p.content());
                    zip.closeEntry();
                }
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
