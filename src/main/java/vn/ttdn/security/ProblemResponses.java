package vn.ttdn.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.ProblemMessages;

/**
 * Refusals made by the security filters, before any controller, in the API's problem shape
 * (vn.ttdn.system's ApiExceptionHandler): the reason's code for programs and its Vietnamese words in
 * {@code errors[0].text}.
 */
final class ProblemResponses {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ObjectMapper json;
    private final ProblemMessages messages;

    ProblemResponses(ObjectMapper json, ProblemMessages messages) {
        this.json = json;
        this.messages = messages;
    }

    void write(HttpServletResponse response, HttpStatus status, InputProblem reason) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("path", reason.path());
        error.put("message", reason.message());
        error.put("code", reason.code());
        error.put("text", messages.describe(reason, VI));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", reason.message());
        problem.put("errors", List.of(error));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
