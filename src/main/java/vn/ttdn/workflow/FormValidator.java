package vn.ttdn.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a submission against its Camunda Form on the server, as form-js does in the browser: only
 * the form's fields, required ones present, types, lengths, bounds, patterns and allowed values.
 * Fields hidden by their {@code conditional.hide} FEEL expression are neither checked nor kept,
 * evaluated with the same FEEL engine the platform uses. Problems name the field's key.
 */
final class FormValidator {

    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> ONE_OF = Set.of("radio", "select");
    private static final Set<String> MANY_OF = Set.of("checklist", "taglist");
    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "radio", "select",
            "checkbox", "checklist", "taglist");

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /** The fields of the form that take input, in order, looking into groups. */
    static List<JsonNode> inputs(JsonNode schema) {
        List<JsonNode> fields = new ArrayList<>();
        collect(schema.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode component : components) {
            if (INPUTS.contains(component.path("type").asText()) && component.hasNonNull("key")) {
                into.add(component);
            }
            collect(component.path("components"), into);
        }
    }

    /** The fields at the form's top level (in groups, not in a dynamic list). */
    private static void collectTop(JsonNode components, List<JsonNode> fields, List<JsonNode> lists) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("dynamiclist") && component.hasNonNull("path")) {
                lists.add(component);
                continue;
            }
            if (INPUTS.contains(type) && component.hasNonNull("key")) {
                fields.add(component);
            }
            collectTop(component.path("components"), fields, lists);
        }
    }

    private static boolean readonly(JsonNode field) {
        return field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false);
    }

    /**
     * The accepted values: the visible fields' values, nothing else. Throws with one problem per
     * field otherwise; {@code data} holds the option lists named by {@code valuesKey}.
     */
    Map<String, Object> validate(JsonNode schema, Map<String, Object> values, Map<String, Object> data) {
        List<InputProblem> problems = new ArrayList<>();
        List<JsonNode> fields = new ArrayList<>();
        List<JsonNode> lists = new ArrayList<>();
        collectTop(schema.path("components"), fields, lists);
        Map<String, Object> accepted = new LinkedHashMap<>();
        checkFields(fields, "", values, data, data, problems, accepted);
        for (JsonNode list : lists) {
            checkList(list, values, data, problems, accepted);
        }
        Set<String> known = new java.util.HashSet<>();
        fields.forEach(f -> known.add(f.get("key").asText()));
        lists.forEach(l -> known.add(l.get("path").asText()));
        values.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k ->
                problems.add(InputProblem.of(k, "form.unknownField", "the form has no field \"" + k + "\"", k)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The form has problems", problems);
        }
        return accepted;
    }

    /**
     * A dynamic list's rows: as many as the form opened with, each checked field by field (problems
     * at {@code tasks[3].status}); its read-only fields are the data's, whatever was sent. A list whose
     * fields are all read-only only shows the data and takes nothing.
     */
    @SuppressWarnings("unchecked")
    private void checkList(JsonNode list, Map<String, Object> values, Map<String, Object> data,
                           List<InputProblem> problems, Map<String, Object> accepted) {
        String path = list.get("path").asText();
        List<JsonNode> rowFields = new ArrayList<>();
        collect(list.path("components"), rowFields);
        boolean takesInput = rowFields.stream().anyMatch(f -> !readonly(f));
        if (!takesInput) {
            return;
        }
        List<?> opened = data.get(path) instanceof List<?> l ? l : List.of();
        Object sent = values.get(path);
        if (!(sent instanceof List<?> rows) || rows.size() != opened.size()
                || rows.stream().anyMatch(r -> !(r instanceof Map))) {
            problems.add(InputProblem.of(path, "form.rows", "\"" + list.path("label").asText(path) + "\" must be a list of "
                    + opened.size() + " rows, one per row the form opened with", list.path("label").asText(path),
                    opened.size()));
            return;
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = (Map<String, Object>) rows.get(i);
            Map<String, Object> openedRow = opened.get(i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String prefix = path + "[" + i + "].";
            Set<String> keys = new java.util.HashSet<>();
            rowFields.forEach(f -> keys.add(f.get("key").asText()));
            row.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(k -> problems.add(InputProblem.of(
                    prefix + k, "form.unknownField", "the form has no field \"" + k + "\"", k)));
            Map<String, Object> context = new HashMap<>(data);
            context.putAll(openedRow);
            Map<String, Object> into = new LinkedHashMap<>();
            checkFields(rowFields, prefix, row, openedRow, context, problems, into);
            checked.add(into);
        }
        accepted.put(path, checked);
    }

    /** Checks fields against the values sent; read-only fields are skipped, their values not taken. */
    private void checkFields(List<JsonNode> fields, String prefix, Map<String, Object> values, Map<String, Object> opened,
                             Map<String, Object> data, List<InputProblem> problems, Map<String, Object> accepted) {
        // The conditions see the form as it opened (data) with what was sent over it; a field neither
        // opened with nor sent is null.
        Map<String, Object> context = new HashMap<>();
        fields.forEach(f -> context.put(f.get("key").asText(), null));
        context.putAll(data);
        context.putAll(opened);
        values.forEach((k, v) -> {
            if (!(v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map)) {
                context.put(k, v);
            }
        });
        for (JsonNode field : fields) {
            String key = field.get("key").asText();
            if (readonly(field) || hidden(field, context)) {
                continue;
            }
            Object value = values.get(key);
            String label = field.path("label").asText(field.path("dateLabel").asText(key));
            if (isEmpty(value)) {
                if (field.path("validate").path("required").asBoolean(false)) {
                    problems.add(InputProblem.of(prefix + key, "form.required", "\"" + label + "\" is required", label));
                }
                continue;
            }
            int before = problems.size();
            Object checked = check(field, prefix + key, label, value, data, problems);
            if (problems.size() == before) {
                accepted.put(key, checked);
            }
        }
    }

    private Object check(JsonNode field, String key, String label, Object value, Map<String, Object> data,
                         List<InputProblem> problems) {
        String type = field.get("type").asText();
        JsonNode rules = field.path("validate");
        if (TEXT.contains(type)) {
            if (!(value instanceof String s)) {
                problems.add(InputProblem.of(key, "form.type", "\"" + label + "\" must be text", label));
                return null;
            }
            int length = s.trim().codePointCount(0, s.trim().length());
            if (rules.has("minLength") && length < rules.get("minLength").asInt()) {
                problems.add(InputProblem.of(key, "form.minLength", "\"" + label + "\" needs at least "
                        + rules.get("minLength").asInt() + " characters", label, rules.get("minLength").asInt()));
            }
            if (rules.has("maxLength") && length > rules.get("maxLength").asInt()) {
                problems.add(InputProblem.of(key, "form.maxLength", "\"" + label + "\" may have at most "
                        + rules.get("maxLength").asInt() + " characters", label, rules.get("maxLength").asInt()));
            }
            if (rules.has("pattern") && !Pattern.compile(rules.get("pattern").asText()).matcher(s).matches()) {
                problems.add(InputProblem.of(key, "form.pattern", "\"" + label + "\" has the wrong form", label));
            }
            return s.trim();
        }
        if (type.equals("number")) {
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                problems.add(InputProblem.of(key, "form.type", "\"" + label + "\" must be a number", label));
                return null;
            }
            if (rules.has("min") && n.doubleValue() < rules.get("min").asDouble()) {
                problems.add(InputProblem.of(key, "form.min", "\"" + label + "\" must be at least "
                        + rules.get("min").asText(), label, rules.get("min").asText()));
            }
            if (rules.has("max") && n.doubleValue() > rules.get("max").asDouble()) {
                problems.add(InputProblem.of(key, "form.max", "\"" + label + "\" must be at most "
                        + rules.get("max").asText(), label, rules.get("max").asText()));
            }
            return n;
        }
        if (type.equals("datetime")) {
            try {
                return LocalDate.parse(String.valueOf(value));
            } catch (DateTimeParseException e) {
                problems.add(InputProblem.of(key, "form.date", "\"" + label + "\" must be a date (yyyy-mm-dd)", label));
                return null;
            }
        }
        if (type.equals("checkbox")) {
            if (!(value instanceof Boolean)) {
                problems.add(InputProblem.of(key, "form.type", "\"" + label + "\" must be true or false", label));
            }
            return value;
        }
        Set<String> allowed = allowedValues(field, data);
        if (ONE_OF.contains(type)) {
            if (!(value instanceof String s) || !allowed.contains(s)) {
                problems.add(InputProblem.of(key, "form.notAllowed", "\"" + value + "\" is not a choice of \""
                        + label + "\"", label, value));
            }
            return value;
        }
        if (MANY_OF.contains(type)) {
            if (!(value instanceof List<?> list)) {
                problems.add(InputProblem.of(key, "form.type", "\"" + label + "\" must be a list", label));
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s) || !allowed.contains(s)) {
                    problems.add(InputProblem.of(key + "[" + i + "]", "form.notAllowed", "\"" + list.get(i)
                            + "\" is not a choice of \"" + label + "\"", label, list.get(i)));
                }
            }
            return List.copyOf(list.stream().map(String::valueOf).distinct().toList());
        }
        return value;
    }

    private static Set<String> allowedValues(JsonNode field, Map<String, Object> data) {
        Set<String> allowed = new java.util.HashSet<>();
        field.path("values").forEach(v -> allowed.add(v.path("value").asText()));
        if (field.hasNonNull("valuesKey") && data.get(field.get("valuesKey").asText()) instanceof List<?> options) {
            for (Object option : options) {
                if (option instanceof Map<?, ?> m && m.get("value") != null) {
                    allowed.add(String.valueOf(m.get("value")));
                }
            }
        }
        return allowed;
    }

    private boolean hidden(JsonNode field, Map<String, Object> context) {
        String expression = field.path("conditional").path("hide").asText("");
        if (expression.isBlank()) {
            return false;
        }
        String feelExpression = expression.startsWith("=") ? expression.substring(1) : expression;
        Object result = feel.evaluateSimpleExpression(feelExpression, Variables.fromMap(context).asVariableContext());
        return Boolean.TRUE.equals(result);
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
    }
}
