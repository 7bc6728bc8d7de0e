package vn.ttdn.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ttdn.directory.DirectoryFiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.ttdn.directory.DirectoryService;

/**
 * The new issuer of {@code docs/examples}: the Government, Bộ Ngoại giao with its units, Đà Nẵng and
 * a commune, their people, and the ministry's Chương trình; loaded as an administrator would, through
 * the directory's own reader and service (loading twice changes nothing).
 */
public final class NewIssuer {

    public static final Path EXAMPLES = Path.of("docs/examples");
    public static final String PROGRAMME = "bngg-ctr-thong-tin-doi-ngoai.yaml";
    /** Who takes the ministry's programme through its approval (docs/examples/bo-ngoai-giao.people.yaml). */
    public static final Chain.Cast CAST = new Chain.Cast("cv.ttbc.bng", "ld.ttbc.bng", "cv.vp.bng", "tt.bng", "vt.bng");

    private NewIssuer() {
    }

    /** Loads the bodies and people, every password {@code demo} (as the demo people's) hashed by {@code passwords}. */
    public static void load(DirectoryService directory, PasswordEncoder passwords) {
        String hash = passwords.encode("demo");
        try (InputStream bodies = Files.newInputStream(EXAMPLES.resolve("bo-ngoai-giao.directory.yaml"));
             InputStream people = Files.newInputStream(EXAMPLES.resolve("bo-ngoai-giao.people.yaml"))) {
            directory.saveBodies(DirectoryFiles.readBodies(bodies));
            for (DirectoryFiles.PersonEntry p : DirectoryFiles.readPeople(people)) {
                directory.savePerson(p.username(), p.fullName(), p.title(), p.body(), p.email(), hash, p.roles());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ministry's programme under a code of its own, changed by {@code change}. */
    public static byte[] programme(String code, Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) SeedPlans.YAML.readTree(Files.readAllBytes(EXAMPLES.resolve(PROGRAMME)));
            tree.put("code", code);
            change.accept(tree);
            return SeedPlans.YAML.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
