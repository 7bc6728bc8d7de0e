package vn.ttdn.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.plan.Timeline;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.Nfc;

/**
 * Turns the bytes of a plan file into a {@link PlanFile}: YAML (or JSON), then the JSON Schema,
 * then the rules a schema cannot state ({@link PlanFileRules}). Every problem is reported at once.
 */
@Component
public class PlanFileReader {

    static final String TITLE = "Invalid plan file";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // readable exports: no quotes where YAML needs none, but "1.1" and "2024" stay strings
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();
    private final ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final JsonSchema schema;
    private final PlanFileRules rules;

    PlanFileReader(PlanFileRules rules) {
        this.rules = rules;
        try (InputStream in = PlanFileReader.class.getResourceAsStream("/schema/plan.schema.json")) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlanFile read(byte[] content) {
        return read(content, null);
    }

    /**
     * Reads a plan file as if its {@code code} were the one given (when not null), checked like any
     * code: a second copy of a plan under a code of its own.
     */
    public PlanFile read(byte[] content, String code) {
        JsonNode tree = parse(content);
        if (code != null) {
            ((ObjectNode) tree).put("code", code);
        }
        List<InputProblem> problems = schemaProblems(tree);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(TITLE, problems);
        }
        PlanFile file = bind(tree);
        problems = rules.check(file);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(TITLE, problems);
        }
        return file;
    }

    /**
     * What an import of this plan file would refuse: the schema, then the rules. An edited plan is
     * checked with it, so that its export stays a plan file that imports again.
     */
    public List<InputProblem> problems(PlanFile file) {
        List<InputProblem> problems = schemaProblems(yaml.valueToTree(file));
        return problems.isEmpty() ? rules.check(file) : problems;
    }

    private JsonNode parse(byte[] content) {
        JsonNode tree;
        try {
            tree = Nfc.tree(yaml.readTree(content));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            InputProblem problem = location == null
                    ? InputProblem.of("", "file.notYaml", "not a YAML or JSON document: " + e.getOriginalMessage())
                    : InputProblem.of("", "file.notYamlAt", "not a YAML or JSON document (line " + location.getLineNr()
                            + ", column " + location.getColumnNr() + "): " + e.getOriginalMessage(),
                            location.getLineNr(), location.getColumnNr());
            throw new InvalidInputException(TITLE, List.of(problem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException(TITLE,
                    List.of(InputProblem.of("", "file.notMapping",
                            "a plan file is a YAML mapping of fields (format, code, title, …)")));
        }
        return tree;
    }

    private List<InputProblem> schemaProblems(JsonNode tree) {
        List<InputProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(tree)) {
            String path = path(message.getInstanceLocation().toString());
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
            }
            problems.add(describe(path, message));
        }
        return problems.stream().distinct().collect(Collectors.toList());
    }

    /**
     * The schema's own words (and its Vietnamese ones for the pages), except for the value formats,
     * which deserve a plainer sentence.
     */
    private static InputProblem describe(String path, ValidationMessage message) {
        String location = message.getSchemaLocation().toString();
        String value = message.getInstanceNode() == null ? "" : message.getInstanceNode().asText();
        if ("pattern".equals(message.getType()) || "const".equals(message.getType())) {
            for (ValueFormat format : ValueFormat.values()) {
                if (location.contains(format.schemaPart)) {
                    return InputProblem.of(path, format.code, format.message(value), value);
                }
            }
        }
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return new InputProblem(path, text.startsWith(prefix) ? text.substring(prefix.length()) : text,
                "jsv." + message.getMessageKey(),
                Arrays.stream(message.getArguments() == null ? new Object[0] : message.getArguments())
                        .map(String::valueOf).toList());
    }

    /** The value formats of the schema, with a sentence each. */
    private enum ValueFormat {
        TIMELINE("$defs/timeline", "plan.timeline") {
            @Override
            String message(String value) {
                return Timeline.problem(value).orElse("not a timeline");
            }
        },
        BODY_CODE("$defs/bodyCode", "plan.bodyCode", "is not a body code (capital letters, digits and -)"),
        DATE("$defs/date", "plan.date", "is not a date (YYYY-MM-DD)"),
        DAY_MONTH("$defs/dayMonth", "plan.dayMonth", "is not a day/month (15/12)"),
        NUMBER("$defs/number", "plan.number", "is not a number such as 1.2 or IV.3"),
        FORMAT("properties/format", "plan.format", "is not a format this system reads: format must be 1"),
        CODE("properties/code", "plan.code", "is not a plan code (capital letters, digits and -, 2 to 64)");

        final String schemaPart;
        final String code;
        private final String sentence;

        ValueFormat(String schemaPart, String code) {
            this(schemaPart, code, null);
        }

        ValueFormat(String schemaPart, String code, String sentence) {
            this.schemaPart = schemaPart;
            this.code = code;
            this.sentence = sentence;
        }

        String message(String value) {
            return "\"" + value + "\" " + sentence;
        }
    }

    private PlanFile bind(JsonNode tree) {
        try {
            return yaml.treeToValue(tree, PlanFile.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new InvalidInputException(TITLE,
                    List.of(InputProblem.of(path(path), "value", e.getOriginalMessage(), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(TITLE,
                    List.of(InputProblem.of("", "value", e.getOriginalMessage(), e.getOriginalMessage())));
        }
    }

    /** "$.groups[2].tasks[4]" → "groups[2].tasks[4]". */
    static String path(String location) {
        String path = location.startsWith("$") ? location.substring(1) : location;
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A plan file as JSON, to keep a version of an issued plan (plan_version.snapshot). */
    public String toJson(PlanFile file) {
        try {
            return json.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write plan " + file.code(), e);
        }
    }

    /** A plan file kept by {@link #toJson}, read back as it was written (it was checked then). */
    public PlanFile fromJson(String text) {
        try {
            return json.readValue(text, PlanFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a kept plan version", e);
        }
    }

    /** The file form of a plan, for export. */
    public byte[] write(PlanFile file) {
        try {
            return yaml.writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write plan " + file.code(), e);
        }
    }
}
