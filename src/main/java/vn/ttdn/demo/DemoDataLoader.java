package vn.ttdn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.approval.Registers;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryFiles;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.plan.PlanService;
import vn.ttdn.system.InvalidInputException;

/**
 * Loads the demo directory, the demo people and the seed plans at start-up. Running it again
 * changes nothing that is already there, so a developer's data survives restarts.
 *
 * <p>Each seed plan comes in twice. Under its own code it comes in ISSUED, as the document it
 * encodes: the number, date and signer its file gives, the number recorded in the issuer's
 * register for its year (116/KH-UBND in QNG-UBND's register of 2024, 256-KH/TU in PRTC-TU's of
 * 2023), so that its yearly report rounds can run. Three seeds (Ninh Thuận, Nam Định, Đắk Lắk)
 * were kept without their header and print no number and no date: they come in ISSUED all the
 * same, with no number, no date and nothing in a register (nothing is made up; the plan page
 * leaves the number and date blank and says the document does not print them). Under the code
 * with {@value #DRAFT_SUFFIX} added (dự thảo, e.g. QNG-KH-116-DT) each comes in once more as a
 * DRAFT, for walking through the approval chain.
 *
 * <p>Then every body a seed plan asks to report, as the directory stands today (the bodies its
 * tasks name, collectives by their members, ended bodies by their successors) and its
 * consolidating body as it stands today, gets an officer and a leader if it has no enabled one
 * ({@link GeneratedPeople}). The Party plan's consolidating body, the city's Ban Tuyên giáo, ended
 * with the district level on 30/6/2025 and no body stands for it: it gets no one.
 *
 * <p>Only in the developer run and the tests ({@code ttdn.dev.run}, set on the test classpath):
 * asked for in any other run, it stops the start with the reason.
 */
@Component
@Order(0)
@ConditionalOnProperty(prefix = "ttdn.demo", name = "enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String IMPORTED_BY = "demo";
    /** The person a seed's number is recorded by in its register (which names a person): the demo's administrator. */
    static final String RECORDED_BY = "admin";
    static final String DRAFT_SUFFIX = "-DT";

    private final DirectoryService directory;
    private final PlanService plans;
    private final Registers registers;
    private final TransactionTemplate transaction;
    private final PasswordEncoder passwords;
    private final DemoProperties properties;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    DemoDataLoader(DirectoryService directory, PlanService plans, Registers registers, TransactionTemplate transaction,
                   PasswordEncoder passwords, DemoProperties properties,
                   @Value("${ttdn.dev.run:false}") boolean developerRun) {
        if (!developerRun) {
            // the demo people share one known password: never outside the developer run
            throw new IllegalStateException("ttdn.demo.enabled (TTDN_DEMO) is true, but this is not the developer run: "
                    + "the demo data (people who share one known password) is loaded only by "
                    + "./mvnw spring-boot:test-run and the tests. Unset TTDN_DEMO; create the first administrator "
                    + "with TTDN_ADMIN_USERNAME and TTDN_ADMIN_PASSWORD instead.");
        }
        this.directory = directory;
        this.plans = plans;
        this.registers = registers;
        this.transaction = transaction;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<BodyView> bodies = new ArrayList<>();
        for (Resource file : sorted("classpath*:demo/directory/*.yaml")) {
            bodies.addAll(read(file, DirectoryFiles::readBodies));
        }
        directory.saveBodies(bodies);

        List<DirectoryFiles.PersonEntry> people = read(resources.getResource("classpath:demo/people.yaml"),
                DirectoryFiles::readPeople);
        // One hash for all: BCrypt is slow on purpose, and every demo person has the same password.
        String hash = passwords.encode(properties.password());
        people.stream().filter(p -> directory.account(p.username()).isEmpty()).forEach(p -> save(p, hash));

        int issued = 0;
        int drafts = 0;
        List<PlanFile> seeds = new ArrayList<>();
        for (Resource file : sorted("classpath*:plans/*.yaml")) {
            byte[] content = read(file, DemoDataLoader::bytes);
            PlanFile seed = plans.readFile(content);
            seeds.add(seed);
            if (importIssued(content, seed.code())) {
                issued++;
            }
            if (plans.importIfAbsent(content, seed.code() + DRAFT_SUFFIX, IMPORTED_BY)) {
                drafts++;
            }
        }

        List<BodyView> asked = askedToReport(seeds, LocalDate.now(VIETNAM));
        List<DirectoryFiles.PersonEntry> generated = GeneratedPeople.missing(asked,
                directory.rolesHeldIn(asked.stream().map(BodyView::code).toList()),
                username -> directory.account(username).isPresent());
        generated.forEach(p -> save(p, hash));
        log.info("Demo data: {} bodies, {} people and {} generated for the {} bodies the seeds ask to report, "
                + "{} seed plans imported as issued and {} as drafts", bodies.size(), people.size(), generated.size(),
                asked.size(), issued, drafts);
    }

    private void save(DirectoryFiles.PersonEntry p, String hash) {
        directory.savePerson(p.username(), p.fullName(), p.title(), p.body(), p.email(), hash, p.roles());
    }

    /**
     * Imports the seed as issued and records its number in the issuer's register, both or neither.
     * A number the register holds already (a database a developer numbered by hand) leaves the seed
     * out, with a warning, rather than stopping the run.
     */
    private boolean importIssued(byte[] content, String code) {
        try {
            return Boolean.TRUE.equals(transaction.execute(t -> plans.importIssuedIfAbsent(content, IMPORTED_BY)
                    .map(plan -> {
                        register(plan);
                        return true;
                    }).orElse(false)));
        } catch (InvalidInputException e) {
            log.warn("Demo data: seed plan {} not imported as issued: {}", code, e.problems());
            return false;
        }
    }

    private void register(PlanDetails plan) {
        PlanDetails.Issued issued = plan.issued();
        if (issued == null || issued.reference() == null || issued.issuedOn() == null) {
            log.info("Demo data: seed plan {} is issued without a number in a register: its document prints none",
                    plan.code());
            return;
        }
        registers.record(plan.issuer().code(), plan.documentType(), issued.reference(), issued.issuedOn(), plan.id(),
                RECORDED_BY);
    }

    /** The bodies the seeds ask to report on the day, and their consolidating bodies, in order, each once. */
    private List<BodyView> askedToReport(List<PlanFile> seeds, LocalDate day) {
        Map<String, BodyView> asked = new LinkedHashMap<>();
        for (PlanFile seed : seeds) {
            List<String> named = seed.groups().stream().flatMap(g -> g.tasks().stream())
                    .flatMap(t -> Stream.concat(t.lead().stream(), t.cooperating().stream())).distinct().toList();
            directory.standingOn(named, day).forEach(s -> asked.putIfAbsent(s.body().code(), s.body()));
            directory.standingOn(seed.consolidatingBody(), day)
                    .ifPresent(s -> asked.putIfAbsent(s.body().code(), s.body()));
        }
        return List.copyOf(asked.values());
    }

    private List<Resource> sorted(String pattern) {
        try {
            return Arrays.stream(resources.getResources(pattern))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Resource resource, java.util.function.Function<InputStream, T> reader) {
        try (InputStream in = resource.getInputStream()) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static byte[] bytes(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
