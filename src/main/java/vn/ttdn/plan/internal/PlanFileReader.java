package vn.ttdn.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

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
        JsonNode tree = parse(content);
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

    private JsonNode parse(byte[] content) {
        JsonNode tree;
        try {
            tree = yaml.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException(TITLE,
                    List.of(new InputProblem("", "not a YAML or JSON document" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException(TITLE,
                    List.of(new InputProblem("", "a plan file is a YAML mapping of fields (format, code, title, …)")));
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
            problems.add(new InputProblem(path, describe(message)));
        }
        return problems.stream().distinct().collect(Collectors.toList());
    }

    /** The schema's own words, except for the value formats, which deserve a plainer sentence. */
    private static String describe(ValidationMessage message) {
        String location = message.getSchemaLocation().toString();
        JsonNode value = message.getInstanceNode();
        if ("pattern".equals(message.getType()) || "const".equals(message.getType())) {
            if (location.contains("$defs/timeline")) {
                return vn.ttdn.plan.Timeline.problem(value.asText()).orElse("not a timeline");
            }
            if (location.contains("$defs/bodyCode")) {
                return "\"" + value.asText() + "\" is not a body code (capital letters, digits and -)";
            }
            if (location.contains("$defs/date")) {
                return "\"" + value.asText() + "\" is not a date (YYYY-MM-DD)";
            }
            if (location.contains("$defs/dayMonth")) {
                return "\"" + value.asText() + "\" is not a day/month (15/12)";
            }
            if (location.contains("$defs/number")) {
                return "\"" + value.asText() + "\" is not a number such as 1.2 or IV.3";
            }
            if (location.contains("properties/format")) {
                return "format must be " + PlanFile.FORMAT;
            }
            if (location.contains("properties/code")) {
                return "\"" + value.asText() + "\" is not a plan code (capital letters, digits and -, 2 to 64)";
            }
        }
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private PlanFile bind(JsonNode tree) {
        try {
            return yaml.treeToValue(tree, PlanFile.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new InvalidInputException(TITLE, List.of(new InputProblem(path(path), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(TITLE, List.of(new InputProblem("", e.getOriginalMessage())));
        }
    }

    /** "$.groups[2].tasks[4]" → "groups[2].tasks[4]". */
    static String path(String location) {
        String path = location.startsWith("$") ? location.substring(1) : location;
        return path.startsWith(".") ? path.substring(1) : path;
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
