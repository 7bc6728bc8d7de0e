package vn.ttdn.approval;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The numbering registers (sổ đăng ký văn bản đi): one sequence per body, year and document type.
 * A number is taken inside the caller's transaction by incrementing the counter row, which locks
 * it until that transaction ends: concurrent issuances queue on the row and get consecutive
 * numbers, and a rolled-back issuance takes its number back with it, so none is ever skipped.
 */
@Service
@Transactional
public class Registers {

    private static final RowMapper<RegisterEntry> ENTRY = (rs, i) -> new RegisterEntry(rs.getLong("id"),
            rs.getString("body_code"), rs.getInt("year"), rs.getString("document_type"), rs.getInt("number"),
            rs.getString("reference"), (Long) rs.getObject("plan_id"), rs.getObject("issued_on", LocalDate.class),
            rs.getString("issued_by"), rs.getString("status"), rs.getString("void_reason"), rs.getString("voided_by"),
            rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant());

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;

    Registers(JdbcTemplate jdbc, DirectoryService directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Takes the next number of the body's register; must join the transaction that issues the document. */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegisterEntry take(String bodyCode, String documentType, LocalDate issuedOn, Long planId, String clerk) {
        return take(registerOf(bodyCode), documentType, issuedOn, planId, clerk);
    }

    /**
     * Takes the next number of the body's register for a report it sends. A body the directory gives
     * no register symbol numbers under its code's last part ({@code QNG-SNGV} → {@code 12/BC-SNGV}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegisterEntry takeForReport(String bodyCode, String documentType, LocalDate issuedOn, Long planId,
                                       String by) {
        // planId: the plan the document is, if it is one (a report names none)
        BodyView body = directory.body(bodyCode).orElseThrow(() -> new NotFoundException("No body " + bodyCode));
        return take(body.register() != null ? body : withSymbol(body), documentType, issuedOn, planId, by);
    }

    /** The symbol a body's numbers carry: its register's, or for a body that keeps none, the one its code gives. */
    public static String symbolOf(BodyView body) {
        if (body.register() != null) {
            return body.register();
        }
        String code = body.code();
        return code.substring(code.indexOf('-') + 1).replace("-", "");
    }

    private static BodyView withSymbol(BodyView body) {
        String symbol = symbolOf(body);
        String code = body.code();
        return new BodyView(code, body.name(), body.shortName(), body.kind(), body.level(), body.parent(), symbol,
                body.validFrom(), body.validTo(), body.successors(), body.members());
    }

    private RegisterEntry take(BodyView body, String documentType, LocalDate issuedOn, Long planId, String clerk) {
        String bodyCode = body.code();
        int year = issuedOn.getYear();
        Integer number = jdbc.queryForObject("""
                insert into ttdn.register_counter (body_code, year, document_type, last_number) values (?, ?, ?, 1)
                on conflict (body_code, year, document_type)
                do update set last_number = register_counter.last_number + 1
                returning last_number""", Integer.class, bodyCode, year, documentType);
        String reference = reference(number, documentType, body);
        Long id = jdbc.queryForObject("""
                insert into ttdn.register_entry (body_code, year, document_type, number, reference, plan_id, issued_on,
                                            issued_by, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED') returning id""", Long.class, bodyCode, year, documentType,
                number, reference, planId, issuedOn, clerk);
        return entry(id);
    }

    /**
     * Records a number given outside the system (a document issued before it came in, such as a
     * seed plan): the entry with exactly the number of {@code reference}, which must be written as
     * this register writes its numbers, and the counter raised to at least it, so the next number
     * taken follows it. Refuses a number the register holds already. Must join the transaction
     * that brings the document in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegisterEntry record(String bodyCode, String documentType, String reference, LocalDate issuedOn, Long planId,
                                String by) {
        BodyView body = registerOf(bodyCode);
        int number = numberIn(reference, documentType, body);
        int year = issuedOn.getYear();
        // raising the counter first locks its row, so a concurrent take() waits and then follows this number
        jdbc.update("""
                insert into ttdn.register_counter (body_code, year, document_type, last_number) values (?, ?, ?, ?)
                on conflict (body_code, year, document_type)
                do update set last_number = greatest(register_counter.last_number, excluded.last_number)""",
                bodyCode, year, documentType, number);
        Integer taken = jdbc.queryForObject("""
                select count(*) from ttdn.register_entry
                where body_code = ? and year = ? and document_type = ? and number = ?""", Integer.class,
                bodyCode, year, documentType, number);
        if (taken > 0) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Number already in the register", List.of(
                    InputProblem.of("number", "register.numberTaken", "number " + reference + " of " + year
                            + " is in the register already", reference, String.valueOf(year))));
        }
        Long id = jdbc.queryForObject("""
                insert into ttdn.register_entry (body_code, year, document_type, number, reference, plan_id, issued_on,
                                            issued_by, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED') returning id""", Long.class, bodyCode, year, documentType,
                number, reference, planId, issuedOn, by);
        return entry(id);
    }

    private BodyView registerOf(String bodyCode) {
        BodyView body = directory.body(bodyCode).orElseThrow(() -> new NotFoundException("No body " + bodyCode));
        if (body.register() == null) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Body keeps no register", List.of(InputProblem.of(
                    "issuingBody", "register.none", "body " + bodyCode + " keeps no numbering register", bodyCode)));
        }
        return body;
    }

    /** The number of a reference written the way this register writes its own ("116/KH-UBND" → 116). */
    static int numberIn(String reference, String documentType, BodyView body) {
        String suffix = reference(10, documentType, body).substring(2);
        String digits = reference == null || !reference.endsWith(suffix) ? ""
                : reference.substring(0, reference.length() - suffix.length());
        if (!digits.matches("0?[1-9][0-9]{0,8}")) {
            throw new InvalidInputException("Not a number of this register", List.of(InputProblem.of("number",
                    "register.foreignNumber", "\"" + reference + "\" is not a number of the register of "
                            + body.code() + " (" + reference(1, documentType, body) + ", …)", reference,
                    reference(1, documentType, body))));
        }
        return Integer.parseInt(digits);
    }

    /**
     * The number as printed: {@code 116/KH-UBND} for a state body, {@code 256-KH/TU} for a Party body
     * (Hướng dẫn 36-HD/VPTW and Nghị định 30/2020/NĐ-CP).
     */
    static String reference(int number, String documentType, BodyView body) {
        // numbers under 10 take a leading zero (Decree 30/2020, Appendix I: "Số: 05/BC-SVHTTDL")
        String printed = String.format("%02d", number);
        return body.kind().isParty()
                ? printed + "-" + documentType + "/" + body.register()
                : printed + "/" + documentType + "-" + body.register();
    }

    /**
     * Voids an issued number (a document withdrawn): the entry stays with its reason and the number
     * is never given again. The body's clerks and administrators may void.
     */
    public RegisterEntry voidEntry(long entryId, String reason, CurrentUser user) {
        RegisterEntry entry = entry(entryId);
        boolean clerkOfBody = user.hasRole(Role.CLERK) && entry.bodyCode().equals(user.bodyCode());
        if (!clerkOfBody && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only the body's clerks void its numbers");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("Reason required", List.of(InputProblem.of("reason",
                    "register.voidReasonRequired", "a voided number needs its reason")));
        }
        if (entry.isVoid()) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Number already void", List.of(InputProblem.of(
                    "id", "register.alreadyVoid", "number " + entry.reference() + " is void already", entry.reference())));
        }
        jdbc.update("update ttdn.register_entry set status = 'VOID', void_reason = ?, voided_by = ?, voided_at = ? where id = ?",
                reason.trim(), user.username(), Timestamp.from(Instant.now()), entryId);
        return entry(entryId);
    }

    /**
     * The numbers a body's register gave in a year, voided ones with their reason, for a reader who may
     * see them ({@link #readsRegisterOf}); refused (403) to anyone else.
     */
    @Transactional(readOnly = true)
    public List<RegisterEntry> entries(String bodyCode, int year, CurrentUser user) {
        if (!readsRegisterOf(bodyCode, user)) {
            throw new AccessDeniedException("Only the body's own people, its successor's, its supervisors, "
                    + "auditors and administrators read its register");
        }
        return entries(bodyCode, year);
    }

    /** The numbers a body's register gave in a year, for the application's own use: no reader is checked. */
    @Transactional(readOnly = true)
    public List<RegisterEntry> entries(String bodyCode, int year) {
        return jdbc.query("select * from ttdn.register_entry where body_code = ? and year = ? order by document_type, number",
                ENTRY, bodyCode, year);
    }

    @Transactional(readOnly = true)
    public List<RegisterEntry> entriesOfPlan(long planId) {
        return jdbc.query("select * from ttdn.register_entry where plan_id = ? order by id", ENTRY, planId);
    }

    /**
     * Who reads a body's register: its own people (and those of the successor standing for it once it
     * ended), administrators and auditors, supervisors of the whole system or of a body above it.
     */
    private boolean readsRegisterOf(String bodyCode, CurrentUser user) {
        if (user.hasAnyRole(Role.ADMIN, Role.AUDITOR)
                || directory.actsFor(user.bodyCode(), bodyCode, Approvals.today())) {
            return true;
        }
        return user.hasRole(Role.SUPERVISOR) && user.bodyCode() != null
                && (DirectoryService.SYSTEM_BODY.equals(user.bodyCode())
                || directory.bodiesUnder(user.bodyCode()).contains(bodyCode));
    }

    private RegisterEntry entry(long id) {
        return jdbc.query("select * from ttdn.register_entry where id = ?", ENTRY, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No register entry " + id));
    }
}
