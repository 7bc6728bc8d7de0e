package vn.ttdn.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the API's errors as RFC 9457 problem documents; input problems go in {@code errors}. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ProblemMessages messages;

    ApiExceptionHandler(ProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.getMessage());
        problem.setProperty("errors", described(e.problems()));
        return problem;
    }

    /** A refusal with its reason: the code for programs, the words for people. */
    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbiddenWithReason(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setProperty("errors", described(List.of(e.reason())));
        return problem;
    }

    /** Each problem with {@code text}: its message in Vietnamese, for the pages' scripts to show. */
    private List<Map<String, Object>> described(List<InputProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("path", p.path());
            error.put("message", p.message());
            if (p.code() != null) {
                error.put("code", p.code());
            }
            error.put("text", messages.describe(p, VI));
            return error;
        }).toList();
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setProperty("errors", List.of());
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                e.getMessage() == null ? "Access denied" : e.getMessage());
        problem.setProperty("errors", List.of());
        return problem;
    }
}
