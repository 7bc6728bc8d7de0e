package vn.ttdn.system;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal with a reason the pages can put in Vietnamese: the API answers 403 with the reason's
 * code in {@code errors}. Being an {@link AccessDeniedException}, it is also a refusal to Spring.
 */
public class ForbiddenException extends AccessDeniedException {

    private final InputProblem reason;

    public ForbiddenException(InputProblem reason) {
        super(reason.message());
        this.reason = reason;
    }

    public static ForbiddenException of(String code, String message, Object... arguments) {
        return new ForbiddenException(InputProblem.of("", code, message, arguments));
    }

    public InputProblem reason() {
        return reason;
    }
}
