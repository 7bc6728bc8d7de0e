package vn.ttdn.system;

import java.util.List;

/**
 * A piece of text for a page: a key of the message bundle and its arguments. Java code chooses
 * the wording; the template resolves it, so every word shown comes from the bundle:
 * {@code th:text="${#messages.msgWithParams(w.key, w.argumentArray())}"}.
 * Arguments are passed as strings (numbers would be formatted with grouping by MessageFormat).
 */
public record Wording(String key, List<Object> arguments) implements java.io.Serializable {

    public Wording {
        arguments = List.copyOf(arguments);
    }

    public static Wording of(String key, Object... arguments) {
        return new Wording(key, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
