package vn.ttdn.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong with what a caller sent: where (a path such as {@code groups[2].tasks[4].lead[0]}),
 * what in English for the API ({@code message}), and a {@code code} with arguments the pages turn
 * into Vietnamese ({@link ProblemMessages}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputProblem(String path, String message, String code, @JsonIgnore List<String> arguments) {

    public InputProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static InputProblem of(String path, String code, String message, Object... arguments) {
        return new InputProblem(path, message, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
