package vn.ttdn.approval;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
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
import vn.ttdn.system.Nfc;
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
        String name = fileName == null ? "" : Nfc.of(fileName).replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
        List<InputProblem> problems = new ArrayList<>();
        Kind kind = kindOf(content);
        String type = kind.type();
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
        } else if (kind.refusal() != null) {
            problems.add(InputProblem.of("file", kind.refusal(), switch (kind.refusal()) {
                case "attachment.zipParts" -> "the file holds more than " + MAX_PARTS + " parts: not a document";
                case "attachment.zipBomb" -> "the file would unpack to more than " + MAX_UNPACKED / (1024 * 1024)
                        + " MB, or over " + MAX_RATIO + " times its size: not a document";
                default -> "the file declares a DTD, which Office documents never do";
            }));
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

    /** What a file's content is, or why it is refused although it looks like a ZIP. */
    record Kind(String type, String refusal) {
        static final Kind NONE = new Kind(null, null);
    }

    /** At most this many parts in a DOCX or XLSX (Word's largest documents have a few hundred). */
    static final int MAX_PARTS = 10_000;
    /** At most this much, all parts unpacked, as the file's own directory says. */
    static final long MAX_UNPACKED = 200L * 1024 * 1024;
    /** A part unpacking to over 100 times its packed size is a bomb (Apache POI's own bound). */
    static final long MAX_RATIO = 100;
    private static final long RATIO_FROM = 100 * 1024;
    private static final int HEAD_BYTES = 4096;

    /** PDF by its signature; DOCX, XLSX as a ZIP holding word/document.xml, xl/workbook.xml. Null otherwise. */
    static String typeOf(byte[] content) {
        return kindOf(content).type();
    }

    /**
     * PDF by its signature; DOCX, XLSX as a ZIP holding word/document.xml, xl/workbook.xml, read from the
     * ZIP's central directory without unpacking a part: a file of too many parts, or whose parts would
     * unpack to more than {@link #MAX_UNPACKED} or over {@link #MAX_RATIO} times their size, is refused
     * (a zip bomb costs nothing to look at). Only the first bytes of the main part and of the content
     * types are unpacked, to refuse a DTD: Office files never hold one, and an XML external entity
     * hides in one.
     */
    static Kind kindOf(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return new Kind(PDF, null);
        }
        if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return Kind.NONE;
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            String type = null;
            ZipArchiveEntry main = null;
            ZipArchiveEntry types = null;
            int parts = 0;
            long unpacked = 0;
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                if (++parts > MAX_PARTS) {
                    return new Kind(null, "attachment.zipParts");
                }
                long size = entry.getSize();
                long packed = entry.getCompressedSize();
                if (size < 0 || packed < 0) {
                    return Kind.NONE;
                }
                unpacked += size;
                if (unpacked > MAX_UNPACKED || (size > RATIO_FROM && size > packed * MAX_RATIO)) {
                    return new Kind(null, "attachment.zipBomb");
                }
                String entryName = entry.getName().toLowerCase(Locale.ROOT);
                if (entryName.equals("word/document.xml") && type == null) {
                    type = DOCX;
                    main = entry;
                } else if (entryName.equals("xl/workbook.xml") && type == null) {
                    type = XLSX;
                    main = entry;
                } else if (entryName.equals("[content_types].xml")) {
                    types = entry;
                }
            }
            if (type == null) {
                return Kind.NONE;
            }
            for (ZipArchiveEntry part : java.util.Arrays.asList(main, types)) {
                if (part != null && declaresDoctype(zip, part)) {
                    return new Kind(null, "attachment.doctype");
                }
            }
            return new Kind(type, null);
        } catch (java.io.IOException | RuntimeException notAZip) {
            return Kind.NONE;
        }
    }

    private static boolean declaresDoctype(ZipFile zip, ZipArchiveEntry part) throws java.io.IOException {
        try (java.io.InputStream in = zip.getInputStream(part)) {
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
            return head.contains("<!DOCTYPE") || head.contains("<!ENTITY");
        }
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
