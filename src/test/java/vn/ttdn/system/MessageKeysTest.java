package vn.ttdn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.Role;
import vn.ttdn.directory.SuccessorRelation;
import vn.ttdn.plan.PlanStatus;
import vn.ttdn.plan.TaskKind;
import vn.ttdn.plan.Timeline;

/** Every key the pages and the Java code ask for is in the bundle, including those built from enums. */
class MessageKeysTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z0-9_]+)+)\"");

    private final Properties bundle = I18nPropertiesSyncTest.load(I18nPropertiesSyncTest.DEFAULT_BUNDLE);

    MessageKeysTest() throws IOException {
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundle() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path template : I18nPropertiesSyncTest.templates()) {
            Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!bundle.containsKey(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Wordings chosen in Java: the key-like string literals on the lines that make a {@link Wording}. */
    @Test
    void everyKeyTheJavaCodeNamesIsInTheBundle() throws IOException {
        Set<String> prefixes = bundle.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    if (!line.contains("Wording.of(")) {
                        continue;
                    }
                    Matcher m = JAVA_LITERAL.matcher(line);
                    while (m.find()) {
                        String literal = m.group(1);
                        if (prefixes.stream().anyMatch(literal::startsWith) && !bundle.containsKey(literal)) {
                            missing.add(source.getFileName() + ": " + literal);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Every problem code an input may get ({@code InputProblem.of(path, "code", …)}) has Vietnamese words. */
    @Test
    void everyProblemCodeHasVietnameseWords() throws IOException {
        Pattern code = Pattern.compile("InputProblem\\.of\\([^,]+,\\s*\"([a-zA-Z.]+)\"|\\(\"\\$defs/\\w+\", \"([a-zA-Z.]+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(source));
                while (m.find()) {
                    String key = "problem." + (m.group(1) != null ? m.group(1) : m.group(2));
                    found++;
                    // a code built by concatenation ("plan.duplicate." + what) is checked below by name
                    if (!key.endsWith(".") && !bundle.containsKey(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(10);
        assertThat(missing).isEmpty();
        assertThat(bundle).containsKeys("problem.plan.duplicate.task", "problem.plan.duplicate.group");
    }

    @Test
    void everyEnumValueShownOnAPageHasItsWords() {
        assertHasKeys("plan.status.", PlanStatus.values());
        assertHasKeys("task.kind.", TaskKind.values());
        assertHasKeys("body.kind.", BodyKind.values());
        assertHasKeys("body.level.", BodyLevel.values());
        assertHasKeys("successor.relation.", SuccessorRelation.values());
        assertHasKeys("role.", Role.values());
        for (Timeline.Kind kind : Timeline.Kind.values()) {
            assertThat(bundle).containsKey("timeline." + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void timelinesReadAsThePlansPrintThem() {
        assertThat(bundle.getProperty("timeline.yearly")).isEqualTo("Hàng năm");
        assertThat(bundle.getProperty("timeline.ongoing")).isEqualTo("Thường xuyên");
        assertThat(bundle.getProperty("timeline.years")).isEqualTo("{0} – {1}");
        assertThat(bundle.getProperty("timeline.month")).isEqualTo("Tháng {0}/{1}");
        assertThat(bundle.getProperty("timeline.date")).isEqualTo("Trước ngày {0}");
    }

    private void assertHasKeys(String prefix, Enum<?>[] values) {
        assertThat(Arrays.stream(values).map(v -> prefix + v.name())).allMatch(bundle::containsKey);
    }
}
