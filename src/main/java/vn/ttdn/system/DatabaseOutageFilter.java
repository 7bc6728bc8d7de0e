package vn.ttdn.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a request the database could not serve, wherever the failure came from: a
 * controller ({@link ApiExceptionHandler} and {@link DatabaseOutagePages} answer those first), or a
 * filter before any controller (the account check of every signed-in request reads the database).
 * Runs before the security filters: the API and the engine's REST API get the 503 problem document
 * with a {@code Retry-After}; a page gets 503, which the error page words in Vietnamese.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ApiExceptionHandler problems;
    private final ObjectMapper json;

    DatabaseOutageFilter(ApiExceptionHandler problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    /**
     * Early: after the character encoding ({@code HIGHEST_PRECEDENCE}), before Spring Security's chain
     * ({@code -100}) and before a session repository's filter (Spring Session's default is
     * {@code HIGHEST_PRECEDENCE + 50}), so that what fails in those is answered here too.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database cannot be reached: {} {} answered 503 ({})", request.getMethod(),
                    request.getRequestURI(), e.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problems.unavailable());
            } else {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
    }
}
