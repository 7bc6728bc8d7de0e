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

/**
 * Answers the API's errors as RFC 9457 problem documents; input problems go in {@code errors}. Asked
 * before Spring's own problem details ({@code spring.mvc.problemdetails}), so that a body it cannot read
 * gets its problem in {@code errors} too.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
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

    /**
     * A body that cannot be read: 413 when it is larger than the API takes ({@link RequestBodyLimit}),
     * else 400 (not JSON, not the shape asked); both with the problem in {@code errors}.
     */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
                return tooLarge(tooLarge.limit);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body cannot be read");
        problem.setProperty("errors", described(List.of(InputProblem.of("", "request.unreadable",
                "the body is not a JSON document of the shape this operation takes"))));
        return problem;
    }

    ProblemDetail tooLarge(long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes");
        problem.setProperty("errors", described(List.of(InputProblem.of("", "request.tooLarge",
                "the body is larger than " + limit + " bytes", limit / 1024))));
        return problem;
    }

    /**
     * The database could not be reached (down, restarting, the pool exhausted): 503 with a {@code Retry-After}
     * and the problem in {@code errors}. Any other failure of these kinds goes on as before (a 500).
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.TransactionException.class, java.sql.SQLException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> database(Exception e) throws Exception {
        if (!DatabaseOutage.is(e)) {
            throw e;
        }
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(unavailable());
    }

    ProblemDetail unavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment; nothing was changed, try again shortly");
        problem.setProperty("errors", described(List.of(InputProblem.of("", DatabaseOutage.CODE,
                "the database cannot be reached; nothing was changed", DatabaseOutage.RETRY_AFTER_SECONDS))));
        return problem;
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
