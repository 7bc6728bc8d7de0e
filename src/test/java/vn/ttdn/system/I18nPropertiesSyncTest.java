package vn.ttdn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every word a page shows comes from the message bundle: no template has text with letters of
 * its own (in text nodes or in the visible attributes title, alt, placeholder, aria-label, label,
 * value), and messages.properties and messages_vi.properties carry the same keys.
 * Numbers and punctuation ("403", "*", "—", "; ") may be written in the templates.
 */
class I18nPropertiesSyncTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path DEFAULT_BUNDLE = Path.of("src/main/resources/messages.properties");
    static final Path VIETNAMESE_BUNDLE = Path.of("src/main/resources/messages_vi.properties");

    private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label",
            "value");

    @Test
    void templatesShowNoTextThatDoesNotComeFromTheBundle() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            problems.addAll(hardCodedText(template));
        }
        assertThat(problems).as("text in templates that is not taken from the bundle (use th:text=\"#{…}\")")
                .isEmpty();
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> base = load(DEFAULT_BUNDLE).stringPropertyNames();
        Set<String> vietnamese = load(VIETNAMESE_BUNDLE).stringPropertyNames();

        assertThat(difference(base, vietnamese)).as("keys missing from messages_vi.properties").isEmpty();
        assertThat(difference(vietnamese, base)).as("keys missing from messages.properties").isEmpty();
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (Path bundle : List.of(DEFAULT_BUNDLE, VIETNAMESE_BUNDLE)) {
            Properties messages = load(bundle);
            assertThat(messages.stringPropertyNames()).as("empty messages in " + bundle)
                    .filteredOn(key -> messages.getProperty(key).isBlank()).isEmpty();
        }
    }

    @Test
    void checkFindsHardCodedTextAndAcceptsPunctuation(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path sample = dir.resolve("sample.html");
        Files.writeString(sample, """
                <p th:text="#{app.name}"></p><span>403</span><span> — ; * / </span>
                <!-- a comment with words --><p>Kế hoạch</p><input placeholder="Tìm"><img alt="">
                """);

        assertThat(hardCodedText(sample)).hasSize(2).anyMatch(p -> p.contains("Kế hoạch"))
                .anyMatch(p -> p.contains("placeholder"));
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Properties load(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> missing = new TreeSet<>(a);
        missing.removeAll(b);
        return missing;
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    /** Text nodes and visible attributes with letters; comments and th:* attributes are not shown as written. */
    private static List<String> hardCodedText(Path template) throws IOException {
        List<String> problems = new ArrayList<>();
        String file = template.toString();
        AbstractMarkupHandler handler = new AbstractMarkupHandler() {
            @Override
            public void handleText(char[] buffer, int offset, int len, int line, int col) {
                String text = new String(buffer, offset, len).trim();
                if (hasLetters(text)) {
                    problems.add(file + ":" + line + ": text \"" + text + "\"");
                }
            }

            @Override
            public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
                                        int operatorOffset, int operatorLen, int operatorLine, int operatorCol,
                                        int valueContentOffset, int valueContentLen, int valueOuterOffset,
                                        int valueOuterLen, int valueLine, int valueCol) {
                String name = new String(buffer, nameOffset, nameLen).toLowerCase(Locale.ROOT);
                String value = new String(buffer, valueContentOffset, valueContentLen);
                if (VISIBLE_ATTRIBUTES.contains(name) && hasLetters(value)) {
                    problems.add(file + ":" + nameLine + ": attribute " + name + "=\"" + value + "\"");
                }
            }
        };
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(reader, handler);
        } catch (ParseException e) {
            problems.add(file + ": cannot be parsed: " + e.getMessage());
        }
        return problems;
    }
}
