package vn.ttdn.directory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One change to the directory as recorded: who, when, what (a body by its code, a person by their
 * username), the action, and the record before (null for a creation) and after.
 *
 * @param entity body or person
 * @param action CREATED, CHANGED, ENDED, MOVED, DEACTIVATED, REACTIVATED
 */
public record DirectoryChange(long id, OffsetDateTime at, String actor, String entity, String key, String action,
                              JsonNode before, JsonNode after) {

    /** A field that differs between before and after, as text ("" for nothing). */
    public record Field(String name, String before, String after) {
    }

    /** The fields that differ, in the record's order. */
    public List<Field> fields() {
        Set<String> names = new LinkedHashSet<>();
        collect(before, names);
        collect(after, names);
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            String was = text(before, name);
            String is = text(after, name);
            if (!was.equals(is)) {
                fields.add(new Field(name, was, is));
            }
        }
        return fields;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
    }

    private static String text(JsonNode node, String name) {
        if (node == null || !node.has(name) || node.get(name).isNull()) {
            return "";
        }
        JsonNode value = node.get(name);
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.isValueNode() ? v.asText() : compact(v)));
            return String.join(", ", items.stream().sorted().toList());
        }
        return value.isValueNode() ? value.asText() : compact(value);
    }

    /** A successor {code, relation, takesOver} as "QNG-SVHTTDL FUNCTION_TRANSFERRED (…)". */
    private static String compact(JsonNode value) {
        List<String> parts = new ArrayList<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                parts.add(e.getKey().equals("takesOver") ? "(" + e.getValue().asText() + ")" : e.getValue().asText());
            }
        });
        return String.join(" ", parts);
    }
}
