package vn.ttdn.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.Nfc;

/**
 * The directory file as a tree (docs/directory-format.md), read entry by entry so that every
 * problem is found, each by its path ({@code bodies[3].validTo}, {@code people[2].roles[0]}), and
 * written back the same way: reading what was written gives the same records.
 */
final class DirectoryFileCodec {

    static final Set<String> BODY_FIELDS = Set.of("code", "name", "shortName", "kind", "level", "parent", "register",
            "validFrom", "validTo", "successors", "members");
    static final Set<String> SUCCESSOR_FIELDS = Set.of("code", "relation", "takesOver");
    static final Set<String> PERSON_FIELDS = Set.of("username", "fullName", "title", "body", "bodySince", "email",
            "roles", "enabled");

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DirectoryFileCodec() {
    }

    /** The file read, and every problem found in it (none: the file is well formed). */
    record Parsed(DirectoryFile file, List<InputProblem> problems) {
    }

    static Parsed read(byte[] content) {
        List<InputProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = Nfc.tree(YAML.readTree(content));
        } catch (IOException e) {
            problems.add(InputProblem.of("", "directory.notYaml", "not a YAML or JSON file: " + e.getMessage()));
            return new Parsed(new DirectoryFile(List.of(), List.of()), problems);
        }
        if (root == null || !root.isObject()) {
            problems.add(InputProblem.of("", "directory.notMapping", "the file must be a mapping with bodies and people"));
            return new Parsed(new DirectoryFile(List.of(), List.of()), problems);
        }
        unknownFields(root, Set.of("bodies", "people"), "", problems);
        List<BodyView> bodies = new ArrayList<>();
        List<PersonDetails> people = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : list(root, "bodies", "", problems)) {
            bodies.add(body(entry, "bodies[" + i++ + "].", problems));
        }
        i = 0;
        for (JsonNode entry : list(root, "people", "", problems)) {
            people.add(person(entry, "people[" + i++ + "].", problems));
        }
        return new Parsed(new DirectoryFile(bodies, people), problems);
    }

    static byte[] write(DirectoryFile file) {
        ObjectNode root = NODES.objectNode();
        ArrayNode bodies = root.putArray("bodies");
        file.bodies().forEach(b -> bodies.add(node(b)));
        ArrayNode people = root.putArray("people");
        file.people().forEach(p -> people.add(node(p)));
        try {
            return YAML.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the directory file", e);
        }
    }

    /** A body as the file writes it: the fields in the format's order, empty ones left out. */
    static ObjectNode node(BodyView body) {
        ObjectNode node = NODES.objectNode();
        put(node, "code", body.code());
        put(node, "name", body.name());
        put(node, "shortName", body.shortName());
        put(node, "kind", body.kind() == null ? null : body.kind().name());
        put(node, "level", body.level() == null ? null : body.level().name());
        put(node, "parent", body.parent());
        put(node, "register", body.register());
        put(node, "validFrom", body.validFrom() == null ? null : body.validFrom().toString());
        put(node, "validTo", body.validTo() == null ? null : body.validTo().toString());
        if (!body.successors().isEmpty()) {
            ArrayNode successors = node.putArray("successors");
            for (BodyView.Successor s : body.successors()) {
                ObjectNode line = successors.addObject();
                put(line, "code", s.code());
                put(line, "relation", s.relation() == null ? null : s.relation().name());
                put(line, "takesOver", s.takesOver());
            }
        }
        if (!body.members().isEmpty()) {
            ArrayNode members = node.putArray("members");
            body.members().forEach(members::add);
        }
        return node;
    }

    static ObjectNode node(PersonDetails person) {
        ObjectNode node = NODES.objectNode();
        put(node, "username", person.username());
        put(node, "fullName", person.fullName());
        put(node, "title", person.title());
        put(node, "body", person.body());
        put(node, "bodySince", person.bodySince() == null ? null : person.bodySince().toString());
        put(node, "email", person.email());
        ArrayNode roles = node.putArray("roles");
        person.roles().stream().sorted().map(Role::code).forEach(roles::add);
        if (!person.enabled()) {
            node.put("enabled", false);
        }
        return node;
    }

    /** A body from its entry; {@code p} is the path prefix of its fields ("bodies[3]." or ""). */
    static BodyView body(JsonNode entry, String p, List<InputProblem> problems) {
        if (!entry.isObject()) {
            problems.add(InputProblem.of(stripDot(p), "directory.notEntry", "must be a mapping of fields"));
            return new BodyView(null, null, null, null, null, null, null, null, null, List.of(), List.of());
        }
        unknownFields(entry, BODY_FIELDS, p, problems);
        List<BodyView.Successor> successors = new ArrayList<>();
        int j = 0;
        for (JsonNode line : list(entry, "successors", p, problems)) {
            String q = p + "successors[" + j++ + "].";
            if (!line.isObject()) {
                problems.add(InputProblem.of(stripDot(q), "directory.notEntry", "must be a mapping of fields"));
                continue;
            }
            unknownFields(line, SUCCESSOR_FIELDS, q, problems);
            successors.add(new BodyView.Successor(text(line, "code", q, problems),
                    enumOf(SuccessorRelation.class, line, "relation", q, "directory.unknownRelation", problems),
                    text(line, "takesOver", q, problems)));
        }
        List<String> members = new ArrayList<>();
        j = 0;
        for (JsonNode member : list(entry, "members", p, problems)) {
            String q = p + "members[" + j++ + "]";
            if (!member.isValueNode() || member.isNull() || member.asText().isBlank()) {
                problems.add(InputProblem.of(q, "directory.notCode", "must be the code of a body"));
            } else {
                members.add(member.asText().trim());
            }
        }
        return new BodyView(text(entry, "code", p, problems), text(entry, "name", p, problems),
                text(entry, "shortName", p, problems),
                enumOf(BodyKind.class, entry, "kind", p, "directory.unknownKind", problems),
                enumOf(BodyLevel.class, entry, "level", p, "directory.unknownLevel", problems),
                text(entry, "parent", p, problems), text(entry, "register", p, problems),
                date(entry, "validFrom", p, problems), date(entry, "validTo", p, problems), successors, members);
    }

    static PersonDetails person(JsonNode entry, String p, List<InputProblem> problems) {
        if (!entry.isObject()) {
            problems.add(InputProblem.of(stripDot(p), "directory.notEntry", "must be a mapping of fields"));
            return new PersonDetails(null, null, null, null, null, Set.of(), true, null);
        }
        unknownFields(entry, PERSON_FIELDS, p, problems);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        int j = 0;
        for (JsonNode role : list(entry, "roles", p, problems)) {
            String q = p + "roles[" + j++ + "]";
            try {
                roles.add(Role.of(role.asText()));
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.of(q, "directory.unknownRole", "unknown role \"" + role.asText() + "\"",
                        role.asText()));
            }
        }
        boolean enabled = true;
        JsonNode flag = entry.get("enabled");
        if (flag != null && !flag.isNull()) {
            String value = flag.asText().trim().toLowerCase(Locale.ROOT);
            if (value.equals("false")) {
                enabled = false;
            } else if (!value.equals("true")) {
                problems.add(InputProblem.of(p + "enabled", "directory.notBoolean", "must be true or false",
                        flag.asText()));
            }
        }
        return new PersonDetails(text(entry, "username", p, problems), text(entry, "fullName", p, problems),
                text(entry, "title", p, problems), text(entry, "body", p, problems), text(entry, "email", p, problems),
                roles, enabled, date(entry, "bodySince", p, problems));
    }

    /** An end to record: {@code on} (the last day) and the successors, as {@code POST /api/bodies/{code}/end} takes it. */
    static BodyEnd end(JsonNode input, List<InputProblem> problems) {
        if (input == null || !input.isObject()) {
            problems.add(InputProblem.of("", "directory.notEntry", "must be a mapping of fields"));
            return new BodyEnd(null, List.of());
        }
        unknownFields(input, Set.of("on", "successors", "movePeopleTo"), "", problems);
        ObjectNode entry = NODES.objectNode();
        if (input.has("successors")) {
            entry.set("successors", input.get("successors"));
        }
        JsonNode moveTo = input.get("movePeopleTo");
        if (moveTo != null && !moveTo.isNull() && !moveTo.isTextual()) {
            problems.add(InputProblem.of("movePeopleTo", "directory.notText", "must be a body code"));
        }
        return new BodyEnd(date(input, "on", "", problems), body(entry, "", problems).successors(),
                moveTo == null || !moveTo.isTextual() ? null : moveTo.asText());
    }

    /** The entry with the fields of {@code patch} put over it (a field given as null is cleared). */
    static ObjectNode merge(ObjectNode entry, JsonNode patch) {
        ObjectNode merged = entry.deepCopy();
        if (patch != null && patch.isObject()) {
            patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        }
        return merged;
    }

    static YAMLMapper yaml() {
        return YAML;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String stripDot(String p) {
        return p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String p, List<InputProblem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                problems.add(InputProblem.of(p + field, "directory.unknownField", "unknown field \"" + field + "\"",
                        field, String.join(", ", known.stream().sorted(Comparator.naturalOrder()).toList())));
            }
        }
    }

    private static List<JsonNode> list(JsonNode node, String field, String p, List<InputProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(InputProblem.of(p + field, "directory.notList", "must be a list"));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String field, String p, List<InputProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(InputProblem.of(p + field, "directory.notText", "must be a text"));
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(JsonNode node, String field, String p, List<InputProblem> problems) {
        String text = text(node, field, p, problems);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(p + field, "directory.date", "\"" + text + "\" is not a date (yyyy-mm-dd)",
                    text));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String field, String p, String code,
                                                List<InputProblem> problems) {
        String text = text(node, field, p, problems);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of(p + field, code, "unknown " + field + " \"" + text + "\"", text));
            return null;
        }
    }
}
