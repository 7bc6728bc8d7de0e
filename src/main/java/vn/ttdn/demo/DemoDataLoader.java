package vn.ttdn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryFiles;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanService;

/**
 * Loads the demo directory, the demo people and the seed plans at start-up. Running it again
 * changes nothing that is already there, so a developer's data survives restarts.
 */
@Component
@Order(0)
@ConditionalOnProperty(prefix = "ttdn.demo", name = "enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String IMPORTED_BY = "demo";

    private final DirectoryService directory;
    private final PlanService plans;
    private final PasswordEncoder passwords;
    private final DemoProperties properties;
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    DemoDataLoader(DirectoryService directory, PlanService plans, PasswordEncoder passwords,
                   DemoProperties properties) {
        this.directory = directory;
        this.plans = plans;
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
        people.stream().filter(p -> directory.account(p.username()).isEmpty()).forEach(p ->
                directory.savePerson(p.username(), p.fullName(), p.title(), p.body(), p.email(), hash, p.roles()));

        int imported = 0;
        for (Resource file : sorted("classpath*:plans/*.yaml")) {
            if (plans.importIfAbsent(read(file, DemoDataLoader::bytes), IMPORTED_BY)) {
                imported++;
            }
        }
        log.info("Demo data: {} bodies, {} people, {} plans imported", bodies.size(), people.size(), imported);
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
