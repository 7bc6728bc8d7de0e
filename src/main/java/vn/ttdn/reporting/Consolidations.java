package vn.ttdn.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.approval.Decision;
import vn.ttdn.approval.RegisterEntry;
import vn.ttdn.approval.Registers;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;
import vn.ttdn.directory.Role;
import vn.ttdn.directory.Standing;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Signer;
import vn.ttdn.reporting.Consolidation.State;
import vn.ttdn.reporting.internal.ConsolidationStore;
import vn.ttdn.reporting.internal.ConsolidationStore.ReportRow;
import vn.ttdn.reporting.internal.RoundStore;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * A round's consolidated report, step by step as {@code round-consolidation} reaches it: started
 * once the round is ready (or closed), assembled afresh from the reports each time it is read until
 * it is submitted, the officer's edits of the narrative laid over the draft (a part the officer
 * changed survives re-assembly; a part left as drafted follows the reports), submitted as a version,
 * approved by the consolidating body's leader (the next number of its register, the date, the
 * signer) or returned with a reason, and sent with its files to the issuing body and the plan's
 * receivers. The approved version is frozen: what was sent is what every later reader gets.
 */
@Service
@Transactional
public class Consolidations {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern HEAD = Pattern.compile(
            "^(Phó\\s+)?(Giám đốc|Trưởng ban|Chủ tịch|Bí thư|Chánh Văn phòng|Trưởng phòng|Cục trưởng|Vụ trưởng"
                    + "|Bộ trưởng|Tổng Giám đốc|Viện trưởng|Hiệu trưởng|Thủ trưởng)\\b.*", Pattern.CASE_INSENSITIVE);

    private final ConsolidationStore store;
    private final RoundStore rounds;
    private final ConsolidationAssembler assembler;
    private final PlanLifecycle plans;
    private final DirectoryService directory;
    private final Registers registers;
    private final RoundAccess access;
    private final RoundNotices notices;
    private final ObjectProvider<ConsolidationFiles> files;
    private final ObjectMapper json;
    private final org.springframework.context.MessageSource messages;

    Consolidations(ConsolidationStore store, RoundStore rounds, ConsolidationAssembler assembler, PlanLifecycle plans,
                   DirectoryService directory, Registers registers, RoundAccess access, RoundNotices notices,
                   ObjectProvider<ConsolidationFiles> files, ObjectMapper json,
                   org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.rounds = rounds;
        this.assembler = assembler;
        this.plans = plans;
        this.directory = directory;
        this.registers = registers;
        this.access = access;
        this.notices = notices;
        this.files = files;
        this.json = json;
    }

    /** The round is ready (or closed): its consolidated report starts as a draft. Whether it started now. */
    public boolean start(long roundId, Instant now) {
        round(roundId);
        return store.start(roundId, now);
    }

    /**
     * The consolidated report for this person: as approved and sent once it is final, otherwise
     * assembled now from the reports in with the officer's edits. The consolidating body, supervisors,
     * auditors and administrators read it at every step; the issuing body, the receivers and the
     * bodies asked only once it is sent.
     */
    @Transactional(readOnly = true)
    public Consolidation view(long roundId, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        ReportRow row = store.find(roundId).orElseThrow(() -> new NotFoundException("Round " + roundId
                + " has no consolidated report yet"));
        checkReads(round, row, user);
        return current(round, row, now);
    }

    /** Whether the round has a consolidated report (started), and its state. */
    @Transactional(readOnly = true)
    public Optional<State> state(long roundId) {
        return store.find(roundId).map(r -> State.valueOf(r.state()));
    }

    /** Whether this person may read the round's consolidated report now. */
    @Transactional(readOnly = true)
    public boolean mayRead(long roundId, CurrentUser user) {
        RoundRow round = round(roundId);
        return store.find(roundId).map(row -> {
            try {
                checkReads(round, row, user);
                return true;
            } catch (AccessDeniedException e) {
                return false;
            }
        }).orElse(false);
    }

    /** A round's consolidated report in a list: where it stands, its number, its indicators' totals. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Summary(long roundId, int year, RoundKind kind, String label, State state, String number,
                          LocalDate dated, Map<String, java.math.BigDecimal> indicators) {
    }

    /**
     * The consolidated reports of a plan's rounds this person may read, by round: for the plan page
     * and the chart of the indicators over the years.
     */
    @Transactional(readOnly = true)
    public List<Summary> ofPlan(long planId, CurrentUser user, Instant now) {
        List<Summary> summaries = new ArrayList<>();
        for (RoundRow round : rounds.ofPlan(planId)) {
            Optional<ReportRow> row = store.find(round.id());
            if (row.isEmpty()) {
                continue;
            }
            try {
                checkReads(round, row.get(), user);
            } catch (AccessDeniedException e) {
                continue;
            }
            Consolidation c = current(round, row.get(), now);
            Map<String, java.math.BigDecimal> totals = new LinkedHashMap<>();
            c.indicators().forEach(i -> totals.put(i.code(), i.total()));
            summaries.add(new Summary(round.id(), round.year(), RoundKind.valueOf(round.kind()), round.label(),
                    c.state(), c.number(), c.dated(), totals));
        }
        return summaries;
    }

    /** Every version, step, file and delivery of the round's consolidated report. */
    @Transactional(readOnly = true)
    public ConsolidationHistory history(long roundId, CurrentUser user) {
        RoundRow round = round(roundId);
        ReportRow row = store.find(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        checkReads(round, row, user);
        Map<String, BodyView> names = directory.bodies(store.deliveries(roundId).stream()
                .flatMap(d -> d.standsFor() == null ? java.util.stream.Stream.of(d.bodyCode())
                        : java.util.stream.Stream.of(d.bodyCode(), d.standsFor())).toList());
        return new ConsolidationHistory(State.valueOf(row.state()),
                store.versions(roundId).stream().map(v -> new ConsolidationHistory.Version(v.version(),
                        v.draftedBy(), v.draftedAt())).toList(),
                store.steps(roundId).stream().map(s -> new ConsolidationHistory.Step(s.version(), s.step(), s.actor(),
                        s.actorName(), s.actorTitle(), s.note(), s.takenAt())).toList(),
                store.files(roundId).stream().map(f -> new ConsolidationHistory.File(f.version(), f.format(),
                        f.fileName(), f.sha256(), f.createdAt())).toList(),
                store.deliveries(roundId).stream().map(d -> new ConsolidationHistory.Delivery(
                        new BodyRef(d.bodyCode(), name(names, d.bodyCode())),
                        d.standsFor() == null ? null : new BodyRef(d.standsFor(), name(names, d.standsFor())),
                        d.role(), d.sentAt())).toList());
    }

    /** One version as it was submitted (and, for the approved one, as approved). */
    @Transactional(readOnly = true)
    public Consolidation version(long roundId, int version, CurrentUser user) {
        RoundRow round = round(roundId);
        ReportRow row = store.find(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        checkReads(round, row, user);
        return store.versionContent(roundId, version).map(this::read)
                .orElseThrow(() -> new NotFoundException("No version " + version));
    }

    /** What the officer's form opens with: the figures in words and the five parts as they stand. */
    @Transactional(readOnly = true)
    public Map<String, Object> draftFormData(long roundId, Instant now) {
        RoundRow round = round(roundId);
        Consolidation c = current(round, store.find(roundId).orElseThrow(), now);
        Map<String, Object> data = new LinkedHashMap<>(overview(c));
        for (String part : Narrative.PARTS) {
            data.put(part, c.narrative().part(part));
        }
        return data;
    }

    /** What the leader's form opens with: the submitted version's figures and parts, to read. */
    @Transactional(readOnly = true)
    public Map<String, Object> approvalFormData(long roundId) {
        ReportRow row = store.find(roundId).orElseThrow();
        Consolidation c = store.versionContent(roundId, row.version()).map(this::read).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>(overview(c));
        for (String part : Narrative.PARTS) {
            data.put(part, c.narrative().part(part));
        }
        return data;
    }

    /**
     * The officer saves the five parts and submits the report to the leader: the whole report as it
     * stands becomes a version. The consolidating body's officers only, while it is a draft or returned.
     */
    public int submit(long roundId, Map<String, Object> values, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        ReportRow row = store.lock(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        if (!access.actsFor(user, round.consolidatingCode()) || !user.hasRole(Role.OFFICER)) {
            throw new AccessDeniedException("Only officers of the consolidating body write its consolidated report");
        }
        if (!State.DRAFT.name().equals(row.state()) && !State.RETURNED.name().equals(row.state())) {
            throw wrongState(row, State.DRAFT);
        }
        Map<String, String> narrative = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String part : Narrative.PARTS) {
            Object value = values.get(part);
            if (value == null || String.valueOf(value).isBlank()) {
                problems.add(InputProblem.of(part, "consolidation.partRequired", part + " is required"));
            } else {
                narrative.put(part, String.valueOf(value).strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The consolidated report has problems", problems);
        }
        Consolidation drafted = assembler.assemble(round, now);
        store.saveNarrative(roundId, narrative, parts(drafted.narrative()));
        Consolidation submitted = copy(drafted, State.SUBMITTED, row.version() + 1, null, null, null,
                narrative(narrative));
        int version = store.addVersion(roundId, submitted, user.username(), now);
        step(roundId, version, "SUBMITTED", user, null, now);
        return version;
    }

    /** Why this person may not approve the consolidated report, if they may not: they submitted a version. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(long roundId, String username) {
        return store.drafters(roundId).contains(username) ? Optional.of("consolidation.ownDraft") : Optional.empty();
    }

    /**
     * The consolidating body's leader approves the submitted version (the next number of the body's
     * register for reports, today's date, the leader as signer; the version frozen) or returns it to
     * the officer with a reason. The number given, none when returned.
     */
    public Optional<RegisterEntry> decide(long roundId, Decision decision, String reason, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        ReportRow row = store.lock(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        if (!access.actsFor(user, round.consolidatingCode()) || !user.hasRole(Role.LEADER)) {
            throw new AccessDeniedException("Only leaders of the consolidating body approve its consolidated report");
        }
        refusal(roundId, user.username()).ifPresent(code -> {
            throw new AccessDeniedException(code);
        });
        if (!State.SUBMITTED.name().equals(row.state())) {
            throw wrongState(row, State.SUBMITTED);
        }
        if (decision == null) {
            throw new InvalidInputException("Decision required", List.of(InputProblem.of("decision",
                    "approval.decisionRequired", "approve or return")));
        }
        if (decision == Decision.RETURN) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidInputException("Reason required", List.of(InputProblem.of("reason",
                        "approval.reasonRequired", "a reason is required when returning")));
            }
            store.setState(roundId, State.RETURNED.name());
            step(roundId, row.version(), "RETURNED", user, reason.strip(), now);
            return Optional.empty();
        }
        LocalDate today = Rounds.day(now);
        RegisterEntry number = registers.takeForReport(round.consolidatingCode(), Reports.REPORT, today, null,
                user.username());
        PersonView leader = person(user);
        BodyView body = directory.body(round.consolidatingCode()).orElseThrow();
        Signer signer = signer(leader, body);
        Map<String, String> signerParts = new LinkedHashMap<>();
        if (signer.authority() != null) {
            signerParts.put("authority", signer.authority());
        }
        signerParts.put("position", signer.position());
        signerParts.put("name", signer.name());
        store.approved(roundId, number.reference(), today, signerParts, now);
        Consolidation submitted = store.versionContent(roundId, row.version()).map(this::read).orElseThrow();
        store.replaceVersion(roundId, row.version(), copy(submitted, State.APPROVED, row.version(),
                number.reference(), today, signer, submitted.narrative()));
        step(roundId, row.version(), "APPROVED", user, number.reference(), now);
        return Optional.of(number);
    }

    /**
     * Sends the approved report: its DOCX, XLSX and PDF drawn and kept, the issuing body and the
     * plan's receivers (their successors where they ended) told in-app and by e-mail, each recorded
     * as sent. Does nothing when already sent (a job run twice).
     */
    public List<String> send(long roundId, Instant now) {
        RoundRow round = round(roundId);
        ReportRow row = store.lock(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        if (State.SENT.name().equals(row.state())) {
            return store.deliveries(roundId).stream().map(ConsolidationStore.DeliveryRow::bodyCode).toList();
        }
        if (!State.APPROVED.name().equals(row.state())) {
            throw wrongState(row, State.APPROVED);
        }
        Consolidation approved = store.versionContent(roundId, row.version()).map(this::read).orElseThrow();
        Consolidation sent = copy(approved, State.SENT, row.version(), approved.number(), approved.dated(),
                approved.signer(), approved.narrative());
        ConsolidationFiles drawer = drawer();
        String base = fileName(sent);
        for (String format : List.of("docx", "xlsx", "pdf")) {
            byte[] content = draw(drawer, sent, format);
            store.addFile(roundId, row.version(), format, base + "." + format, content, sha256(content), now);
        }
        PlanDetails plan = plans.details(round.planId());
        List<String> to = new ArrayList<>();
        LocalDate today = Rounds.day(now);
        deliver(roundId, plan.issuer().code(), "ISSUER", today, now, round, to);
        for (BodyRef receiver : plan.reporting().consolidatedTo()) {
            deliver(roundId, receiver.code(), "RECEIVER", today, now, round, to);
        }
        store.replaceVersion(roundId, row.version(), sent);
        store.sent(roundId, now);
        store.step(roundId, row.version(), "SENT", null, null, null, String.join(", ", to), now);
        notices.consolidationSent(round, to, sent.number());
        return to;
    }

    /** The document of the round's consolidated report: the file sent once sent, drawn from the data before. */
    @Transactional(readOnly = true)
    public Export export(long roundId, String format, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        ReportRow row = store.find(roundId).orElseThrow(() -> new NotFoundException("No consolidated report"));
        checkReads(round, row, user);
        Consolidation c = current(round, row, now);
        if (State.SENT.name().equals(row.state())) {
            Optional<byte[]> kept = store.fileContent(roundId, row.version(), format);
            if (kept.isPresent()) {
                return new Export(fileName(c), kept.get());
            }
        }
        return new Export(fileName(c), draw(drawer(), c, format));
    }

    /** A document drawn: its file name without extension (NFC, with its diacritics) and its bytes. */
    public record Export(String name, byte[] content) {
    }

    /**
     * One body's own report in a round as a document (DOCX, XLSX, PDF), for those who may read it:
     * signed by the leader who approved it, once approved.
     */
    @Transactional(readOnly = true)
    public Consolidation report(long roundId, String bodyCode, CurrentUser user, Instant now) {
        RoundRow round = round(roundId);
        RoundStore.BodyRow body = rounds.body(roundId, bodyCode)
                .orElseThrow(() -> new NotFoundException("Round " + roundId + " does not ask " + bodyCode));
        access.checkReadsReport(round, bodyCode, user);
        Signer signer = rounds.steps(roundId, bodyCode).stream().filter(s -> "SUBMITTED".equals(s.step()))
                .reduce((a, b) -> b).flatMap(s -> directory.person(s.actor()))
                .flatMap(p -> directory.body(bodyCode).map(b -> signer(p, b))).orElse(null);
        return assembler.assembleReport(round, body, signer, now);
    }

    @Transactional(readOnly = true)
    public Export exportReport(long roundId, String bodyCode, String format, CurrentUser user, Instant now) {
        Consolidation report = report(roundId, bodyCode, user, now);
        return new Export(reportFileName(report), draw(drawer(), report, format));
    }

    /** "Báo cáo 3-BC-SNGV" once numbered, "Báo cáo QNG-SNGV QNG-KH-116 năm 2026" before. */
    static String reportFileName(Consolidation report) {
        String name = report.number() != null ? "Báo cáo " + report.number().replace('/', '-')
                : "Báo cáo " + report.consolidatingCode() + " " + report.plan().code() + " năm " + report.year();
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    }

    private void deliver(long roundId, String named, String role, LocalDate today, Instant now, RoundRow round,
                         List<String> to) {
        Optional<Standing> standing = directory.standingOn(named, today);
        if (standing.isEmpty() || standing.get().body().code().equals(round.consolidatingCode())
                || to.contains(standing.get().body().code())) {
            return;
        }
        Standing s = standing.get();
        store.delivered(roundId, s.body().code(), s.isReplacement() ? s.replaces().code() : null, role, now);
        to.add(s.body().code());
    }

    private Consolidation current(RoundRow round, ReportRow row, Instant now) {
        State state = State.valueOf(row.state());
        if (state == State.SUBMITTED || state.isFinal()) {
            return store.versionContent(round.id(), row.version()).map(this::read).orElseThrow();
        }
        Consolidation drafted = assembler.assemble(round, now);
        Narrative merged = merge(drafted.narrative(), row.narrative(), row.basedOn());
        return copy(drafted, state, row.version(), null, null, null, merged);
    }

    /** Each part: the officer's text where it differs from the draft it was saved over, else the new draft. */
    static Narrative merge(Narrative drafted, Map<String, String> saved, Map<String, String> basedOn) {
        if (saved == null) {
            return drafted;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : Narrative.PARTS) {
            String own = saved.get(part);
            boolean edited = own != null && (basedOn == null || !own.equals(basedOn.get(part)));
            parts.put(part, edited ? own : drafted.part(part));
        }
        return narrative(parts);
    }

    private static Narrative narrative(Map<String, String> parts) {
        return new Narrative(parts.get("achievements"), parts.get("shortcomings"), parts.get("causes"),
                parts.get("directions"), parts.get("recommendations"));
    }

    private static Map<String, String> parts(Narrative n) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : Narrative.PARTS) {
            parts.put(part, n.part(part));
        }
        return parts;
    }

    private static Consolidation copy(Consolidation c, State state, int version, String number, LocalDate dated,
                                      Signer signer, Narrative narrative) {
        return new Consolidation(c.roundId(), c.plan(), c.year(), c.kind(), c.title(), c.subject(), c.period(),
                c.deadline(), c.consolidatingCode(), c.consolidatingName(), c.letterhead(), state, version, number,
                dated, signer, narrative, c.groups(), c.bodies(), c.indicators(), c.taskCounts(), c.bodyCounts(),
                c.recipients(), c.archive(), c.assembledAt(), c.planDocument(), c.register());
    }

    /** The figures in a few words for the forms: bodies in of asked (and late), tasks per state. */
    private Map<String, Object> overview(Consolidation c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundTitle", c.title());
        data.put("subject", c.subject());
        List<String> lines = new ArrayList<>();
        lines.add(c.bodyCounts().get("late") > 0
                ? text("consolidation.figures.bodiesLate", c.bodyCounts().get("in"), c.bodyCounts().get("asked"),
                c.bodyCounts().get("late"))
                : text("consolidation.figures.bodies", c.bodyCounts().get("in"), c.bodyCounts().get("asked")));
        for (Consolidation.Status s : Consolidation.Status.values()) {
            int n = c.taskCounts().getOrDefault(s.code, 0);
            if (n > 0) {
                lines.add(text("consolidation.figures.tasks", text("consolidation.status." + s.code), n));
            }
        }
        data.put("figures", String.join("\n", lines));
        return data;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    /**
     * "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC" for a deputy, "GIÁM ĐỐC" alone for the head; a Party board
     * writes "K/T TRƯỞNG BAN", a Party committee "T/M BAN THƯỜNG VỤ"; the title as it is otherwise.
     */
    static Signer signer(PersonView leader, BodyView body) {
        String title = leader.title() == null ? "" : leader.title().strip();
        Matcher m = HEAD.matcher(title);
        boolean party = body.kind().isParty();
        if (party && body.kind() == vn.ttdn.directory.BodyKind.PARTY_COMMITTEE) {
            return new Signer("T/M BAN THƯỜNG VỤ", m.matches() ? upper(title.substring(0, m.end(2)))
                    : upper(title), leader.fullName());
        }
        if (!m.matches()) {
            return new Signer(null, title.isEmpty() ? "THỦ TRƯỞNG" : upper(title), leader.fullName());
        }
        String head = upper(m.group(2));
        if (m.group(1) == null) {
            return new Signer(null, head, leader.fullName());
        }
        return new Signer((party ? "K/T " : "KT. ") + head, "PHÓ " + head, leader.fullName());
    }

    private static String upper(String text) {
        return text.toUpperCase(VI);
    }

    private void checkReads(RoundRow round, ReportRow row, CurrentUser user) {
        if (user.hasAnyRole(Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR) || access.actsFor(user, round.consolidatingCode())) {
            return;
        }
        if (State.SENT.name().equals(row.state())
                && (access.mayRead(round, rounds.bodies(round.id()), user)
                || store.deliveries(round.id()).stream().anyMatch(d -> d.bodyCode().equals(user.bodyCode())))) {
            return;
        }
        throw new AccessDeniedException("The consolidated report is read by its body until it is sent");
    }

    private ConsolidationFiles drawer() {
        ConsolidationFiles drawer = files.getIfAvailable();
        if (drawer == null) {
            throw new IllegalStateException("No ConsolidationFiles bean: the documents module is missing");
        }
        return drawer;
    }

    static byte[] draw(ConsolidationFiles drawer, Consolidation c, String format) {
        return switch (format) {
            case "docx" -> drawer.docx(c);
            case "xlsx" -> drawer.xlsx(c);
            case "pdf" -> drawer.pdf(c);
            default -> throw new InvalidInputException("Unknown format", List.of(InputProblem.of("format",
                    "export.format", "format must be docx, xlsx or pdf", format)));
        };
    }

    /** "Báo cáo tổng hợp 12-BC-SVHTTDL" once numbered, "Báo cáo tổng hợp QNG-KH-116 năm 2026" before. */
    static String fileName(Consolidation c) {
        String name = c.number() != null ? "Báo cáo tổng hợp " + c.number().replace('/', '-')
                : "Báo cáo tổng hợp " + c.plan().code() + (c.kind() == RoundKind.YEARLY ? " năm " + c.year()
                : " kỳ " + c.roundId());
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    }

    private void step(long roundId, int version, String step, CurrentUser user, String note, Instant now) {
        PersonView person = person(user);
        store.step(roundId, version, step, person.username(), person.fullName(), person.title(), note, now);
    }

    private PersonView person(CurrentUser user) {
        return directory.person(user.username()).orElseThrow(() -> new NotFoundException("No person "
                + user.username()));
    }

    private Consolidation read(String content) {
        try {
            return json.readValue(content, Consolidation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Map<String, BodyView> names, String code) {
        BodyView body = names.get(code);
        return body == null ? code : body.name();
    }

    private RoundRow round(long roundId) {
        return rounds.round(roundId).orElseThrow(() -> new NotFoundException("No round " + roundId));
    }

    private static InvalidInputException wrongState(ReportRow row, State expected) {
        return new InvalidInputException(HttpStatus.CONFLICT, "Consolidated report is " + row.state(),
                List.of(InputProblem.of("state", "consolidation.wrongState", "the consolidated report is "
                        + row.state() + ", not " + expected, row.state(), expected.name())));
    }
}
