package vn.ttdn.system;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Rejects a request with every problem found; the API answers it as a problem document listing them. */
public class InvalidInputException extends RuntimeException {

    private final HttpStatus status;
    private final List<InputProblem> problems;

    public InvalidInputException(HttpStatus status, String title, List<InputProblem> problems) {
        super(title);
        this.status = status;
        this.problems = problems.stream()
                .sorted(Comparator.comparing(InputProblem::path).thenComparing(InputProblem::message))
                .toList();
    }

    public InvalidInputException(String title, List<InputProblem> problems) {
        this(HttpStatus.BAD_REQUEST, title, problems);
    }

    public HttpStatus status() {
        return status;
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
