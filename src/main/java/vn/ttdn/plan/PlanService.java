package vn.ttdn.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.internal.IssuedAs;
import vn.ttdn.plan.internal.PlanEntity;
import vn.ttdn.plan.internal.PlanFileReader;
import vn.ttdn.plan.internal.PlanMapper;
import vn.ttdn.plan.internal.PlanRepository;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * Plans: import from a file, list, read and export, each for the person asking. Administrators,
 * supervisors and auditors see every plan; others see the plans that name their body.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    private final PlanRepository plans;
    private final PlanFileReader reader;
    private final PlanMapper mapper;
    private final DirectoryService directory;
    private final PlanProperties properties;
    private final PlanLifecycle lifecycle;

    PlanService(PlanRepository plans, PlanFileReader reader, PlanMapper mapper, DirectoryService directory,
                PlanProperties properties, PlanLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.plans = plans;
        this.reader = reader;
        this.mapper = mapper;
        this.directory = directory;
        this.properties = properties;
    }

    /** The largest plan file accepted, in bytes; callers need read no more than one byte past it. */
    public long maxFileSize() {
        return properties.planFileMaxSize().toBytes();
    }

    /**
     * Imports a plan file as a DRAFT. Administrators may import any plan; officers only plans their
     * own body consolidates. Nothing is written unless the whole file is valid.
     */
    @Transactional
    public PlanDetails importPlan(byte[] content, CurrentUser user) {
        if (!user.hasAnyRole(Role.ADMIN, Role.OFFICER)) {
            throw new AccessDeniedException("Only administrators and officers of the consolidating body import plans");
        }
        if (content.length > maxFileSize()) {
            throw new InvalidInputException(HttpStatus.PAYLOAD_TOO_LARGE, "Plan file too large",
                    List.of(InputProblem.of("", "file.tooLarge", "a plan file may have at most " + maxFileSize()
                            + " bytes", maxFileSize())));
        }
        PlanFile file = reader.read(content);
        if (!user.hasRole(Role.ADMIN) && !file.consolidatingBody().equals(user.bodyCode())) {
            throw new AccessDeniedException("Officers import only plans their own body consolidates");
        }
        return mapper.toDetails(save(file, user.username()));
    }

    /** Reads and checks a plan file without importing it (refused like an import: 400 with every problem). */
    public PlanFile readFile(byte[] content) {
        return reader.read(content);
    }

    /** Imports a plan file on behalf of the system (demo data) as a DRAFT, skipping plans already there. */
    @Transactional
    public boolean importIfAbsent(byte[] content, String importedBy) {
        return importIfAbsent(content, null, importedBy);
    }

    /**
     * As {@link #importIfAbsent(byte[], String)}, under {@code code} instead of the file's own code
     * when it is not null: a draft copy of a plan that is already in as issued.
     */
    @Transactional
    public boolean importIfAbsent(byte[] content, String code, String importedBy) {
        PlanFile file = reader.read(content, code);
        if (plans.existsByCode(file.code())) {
            return false;
        }
        plans.saveAndFlush(mapper.toEntity(file, importedBy));
        return true;
    }

    /**
     * Imports a plan file on behalf of the system (demo data) as the document it encodes, already
     * ISSUED: with the number and date its {@code source} gives (none when the document as kept
     * prints none) and the signer block as printed ({@code source.signer.title}: the last line is
     * the position, the lines above it the authority, "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"; nothing
     * is made up when it gives none). The number is not taken from a register: the caller records
     * it in the issuer's register, in the same transaction. Empty when a plan with the code is there.
     */
    @Transactional
    public Optional<PlanDetails> importIssuedIfAbsent(byte[] content, String importedBy) {
        PlanFile file = reader.read(content);
        if (plans.existsByCode(file.code())) {
            return Optional.empty();
        }
        PlanEntity plan = mapper.toEntity(file, importedBy);
        plan.setIssued(issuedAsPrinted(file.source()));
        plan.setStatus(PlanStatus.ISSUED);
        PlanEntity saved = plans.saveAndFlush(plan);
        lifecycle.keepFirstVersion(saved, importedBy);
        return Optional.of(mapper.toDetails(saved));
    }

    private static IssuedAs issuedAsPrinted(PlanFile.Source source) {
        if (source == null) {
            return null;
        }
        PlanFile.Signer signer = source.signer();
        List<String> title = signer == null || signer.title() == null ? List.of()
                : signer.title().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String authority = title.size() < 2 ? null : String.join("\n", title.subList(0, title.size() - 1));
        String position = title.isEmpty() ? null : title.get(title.size() - 1);
        return new IssuedAs(source.number(), source.date(), authority, position, signer == null ? null : signer.name());
    }

    private PlanEntity save(PlanFile file, String username) {
        if (plans.existsByCode(file.code())) {
            throw new InvalidInputException(HttpStatus.CONFLICT, "Plan code already in use",
                    List.of(InputProblem.of("code", "plan.codeInUse", "a plan with code \"" + file.code() + "\" already exists", file.code())));
        }
        return plans.saveAndFlush(mapper.toEntity(file, username));
    }

    public List<PlanSummary> list(CurrentUser user) {
        List<PlanEntity> all = plans.findAllByOrderByCode();
        Set<Long> visible = seesAll(user) ? null : plans.findIdsConcerning(designations(user));
        List<PlanEntity> shown = all.stream().filter(p -> visible == null || visible.contains(p.getId())).toList();
        Set<String> codes = new HashSet<>();
        shown.forEach(p -> codes.addAll(List.of(p.getIssuerCode(), p.getConsolidatingCode())));
        Map<String, BodyView> bodies = directory.bodies(codes);
        return shown.stream().map(p -> mapper.toSummary(p, bodies)).toList();
    }

    public PlanDetails get(long id, CurrentUser user) {
        return mapper.toDetails(readable(id, user));
    }

    public PlanFile export(long id, CurrentUser user) {
        return mapper.toFile(readable(id, user));
    }

    public byte[] exportFile(long id, CurrentUser user) {
        return reader.write(export(id, user));
    }

    private PlanEntity readable(long id, CurrentUser user) {
        PlanEntity plan = plans.findById(id).orElseThrow(() -> new NotFoundException("No plan " + id));
        if (!seesAll(user) && !plans.findIdsConcerning(designations(user)).contains(id)) {
            throw new AccessDeniedException("This plan does not concern your body");
        }
        return plan;
    }

    /**
     * The plans a supervisor follows (issue 10): every plan for the system's own body
     * ({@value vn.ttdn.directory.DirectoryService#SYSTEM_BODY}) and for administrators and auditors;
     * otherwise the plans that name the supervisor's body or any body under it (a province's UBND:
     * the province's plans). Anyone else follows none.
     */
    public PlanScope supervisedPlans(CurrentUser user) {
        if (user.hasAnyRole(Role.ADMIN, Role.AUDITOR)
                || user.hasRole(Role.SUPERVISOR) && DirectoryService.SYSTEM_BODY.equals(user.bodyCode())) {
            return PlanScope.ALL;
        }
        if (!user.hasRole(Role.SUPERVISOR) || user.bodyCode() == null) {
            return PlanScope.NONE;
        }
        Set<String> codes = new HashSet<>(designations(user));
        for (String under : directory.bodiesUnder(user.bodyCode())) {
            codes.addAll(directory.designationsOf(under));
        }
        return PlanScope.of(plans.findIdsConcerning(codes));
    }

    private static boolean seesAll(CurrentUser user) {
        return user.hasAnyRole(Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR);
    }

    /**
     * The codes a plan may name the user's body by: the body, the collectives it belongs to, and,
     * for an office (Văn phòng), the body it serves.
     */
    private Set<String> designations(CurrentUser user) {
        Set<String> codes = new HashSet<>(directory.designationsOf(user.bodyCode()));
        directory.body(user.bodyCode())
                .filter(b -> b.kind() == BodyKind.OFFICE && b.parent() != null)
                .ifPresent(office -> codes.addAll(directory.designationsOf(office.parent())));
        return codes;
    }
}
