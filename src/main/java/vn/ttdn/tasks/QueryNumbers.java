package vn.ttdn.tasks;

import java.util.List;
import vn.ttdn.system.InputProblem;

/** The numbers of a list's query string (ids, page, size, year), each problem under its parameter and its code. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    /** A positive id, or null when left out. */
    static Long id(String path, String value, String code, List<InputProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long n = number(path, value, code, problems);
        if (n != null && n < 1) {
            problems.add(InputProblem.of(path, code, "a positive whole number is expected", value));
            return null;
        }
        return n;
    }

    /** A whole number, or null with its problem. */
    static Long number(String path, String value, String code, List<InputProblem> problems) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(InputProblem.of(path, code, "a whole number is expected", value));
            return null;
        }
    }
}
