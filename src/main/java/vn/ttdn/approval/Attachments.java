package vn.ttdn.approval;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PlanRef;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Files attached to a plan's Tờ trình (PDF or DOCX). They are rows of the database, written in the
 * uploader's transaction: a failed upload leaves nothing behind, and a committed one cannot be lost
 * while the plan is.
 */
@Service
@Transactional
public class Attachments {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final RowMapper<AttachmentView> VIEW = (rs, i) -> new AttachmentView(rs.getLong("id"),
            rs.getLong("plan_id"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"),
            rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcTemplate jdbc;
    private final PlanLifecycle plans;
    private final long maxSize;

    Attachments(JdbcTemplate jdbc, PlanLifecycle plans,
                @Value("${ttdn.attachment.max-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.maxSize = maxSize.toBytes();
    }

    public long maxSize() {
        return maxSize;
    }

    /** Adds a file while the plan is being drafted, by an officer of its consolidating body. */
    public AttachmentView add(long planId, String fileName, byte[] content, CurrentUser user) {
        PlanRef plan = plans.ref(planId);
        if (!user.hasRole(Role.OFFICER) || !plan.consolidatingCode().equals(user.bodyCode())) {
            throw new AccessDeniedException("Only officers of the consolidating body attach files");
        }
        if (plan.status() != PlanStatus.DRAFT) {
            throw PlanLifecycle.notIn(plan.status(), PlanStatus.DRAFT);
        }
        return store(planId, null, null, fileName, content, false, user);
    }

    /**
     * Adds a file (PDF, DOCX or XLSX) to a body's report in a round; the reporting module has checked
     * who may. Same rules as a Tờ trình's files otherwise.
     */
    public AttachmentView addToReport(long planId, long roundId, String bodyCode, String fileName, byte[] content,
                                      CurrentUser user) {
        return store(planId, roundId, bodyCode, fileName, content, true, user);
    }

    /** The files of a body's report in a round. */
    @Transactional(readOnly = true)
    public List<AttachmentView> ofReport(long roundId, String bodyCode) {
        return jdbc.query("select id, plan_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
                + "from ttdn.attachment where round_id = ? and body_code = ? order by id", VIEW, roundId, bodyCode);
    }

    /** One file of a body's report, its content. */
    @Transactional(readOnly = true)
    public byte[] reportContent(long roundId, String bodyCode, long id) {
        return jdbc.query("select content from ttdn.attachment where round_id = ? and body_code = ? and id = ?",
                (rs, i) -> rs.getBytes(1), roundId, bodyCode, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + id + " on that report"));
    }

    /** The file of a body's report, as listed. */
    @Transactional(readOnly = true)
    public AttachmentView reportFile(long roundId, String bodyCode, long id) {
        return ofReport(roundId, bodyCode).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + id + " on that report"));
    }

    private AttachmentView store(long planId, Long roundId, String bodyCode, String fileName, byte[] content,
                                 boolean spreadsheets, CurrentUser user) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        List<InputProblem> problems = new ArrayList<>();
        String type = typeOf(content);
        if (XLSX.equals(type) && !spreadsheets) {
            type = null;
        }
        if (name.isEmpty() || name.length() > 255) {
            problems.add(InputProblem.of("file", "attachment.name", "a file name of 1 to 255 characters is needed"));
        }
        if (content.length == 0) {
            problems.add(InputProblem.of("file", "attachment.empty", "the file is empty"));
        } else if (content.length > maxSize) {
            problems.add(InputProblem.of("file", "attachment.tooLarge", "a file may have at most " + maxSize + " bytes",
                    maxSize / (1024 * 1024)));
        } else if (type == null) {
            problems.add(spreadsheets
                    ? InputProblem.of("file", "attachment.reportType", "only PDF, DOCX and XLSX files are accepted")
                    : InputProblem.of("file", "attachment.type", "only PDF and DOCX files are accepted"));
        }
        if (!problems.isEmpty()) {
            HttpStatus status = content.length > maxSize ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
            throw new InvalidInputException(status, "Attachment rejected", problems);
        }
        Long id = jdbc.queryForObject("""
                insert into ttdn.attachment (plan_id, file_name, content_type, size, sha256, content, uploaded_by,
                                             uploaded_at, round_id, body_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, planId, name, type, content.length,
                sha256(content), content, user.username(), Timestamp.from(Instant.now()), roundId, bodyCode);
        return jdbc.queryForObject("select id, plan_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
                + "from ttdn.attachment where id = ?", VIEW, id);
    }

    @Transactional(readOnly = true)
    public List<AttachmentView> list(long planId) {
        return jdbc.query("select id, plan_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
                + "from ttdn.attachment where plan_id = ? and round_id is null order by id", VIEW, planId);
    }

    @Transactional(readOnly = true)
    public AttachmentView view(long planId, long id) {
        return jdbc.query("select id, plan_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
                        + "from ttdn.attachment where plan_id = ? and id = ? and round_id is null", VIEW, planId, id)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No attachment " + id + " on plan " + planId));
    }

    @Transactional(readOnly = true)
    public byte[] content(long planId, long id) {
        view(planId, id);
        return jdbc.queryForObject("select content from ttdn.attachment where plan_id = ? and id = ?", byte[].class,
                planId, id);
    }

    /** PDF by its signature; DOCX, XLSX as a ZIP holding word/document.xml, xl/workbook.xml. Null otherwise. */
    static String typeOf(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String entryName = entry.getName().toLowerCase(Locale.ROOT);
                    if (entryName.equals("word/document.xml")) {
                        return DOCX;
                    }
                    if (entryName.equals("xl/workbook.xml")) {
                        return XLSX;
                    }
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && java.util.Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
