package vn.ttdn.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The last word on a request the database could not serve, wherever the failure came from: a
 * controller ({@link ApiExceptionHandler} and {@link DatabaseOutagePages} answer those first), or a
 * filter before any controller (the account check of every signed-in request reads the database).
 * Runs before the security filters: the API and the engine's REST API get the 503 problem document
 * with a {@code Retry-After}; a page gets 503 and the error page in Vietnamese, drawn here and not
 * by the container's error dispatch: that one would look the session up again, in the database
 * that cannot be reached (the sessions are kept there), fail a second time and end on the
 * container's bare error report.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ApiExceptionHandler problems;
    private final ObjectMapper json;
    private final ObjectProvider<ThymeleafViewResolver> views;

    DatabaseOutageFilter(ApiExceptionHandler problems, ObjectMapper json, ObjectProvider<ThymeleafViewResolver> views) {
        this.problems = problems;
        this.json = json;
        this.views = views;
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
                errorPage(request, response);
            }
        }
    }

    /**
     * The error page with status 503, drawn without a session (there is none to read without the
     * database); should it fail, the container's error page as before.
     */
    private void errorPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ThymeleafViewResolver resolver = views.getIfAvailable();
        try {
            View page = resolver == null ? null : resolver.resolveViewName("error", request.getLocale());
            if (page != null) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                page.render(Map.of("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE), new WithoutSession(request),
                        response);
                return;
            }
        } catch (Exception e) {
            log.warn("The error page could not be drawn: {}", e.toString());
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /**
     * The request as if it came without a session: no session, and no CSRF token (Spring Security's
     * is read from the session when first asked for; the page has no form to send it with).
     */
    private static final class WithoutSession extends HttpServletRequestWrapper {

        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return null;
        }

        @Override
        public HttpSession getSession() {
            return null;
        }

        @Override
        public Object getAttribute(String name) {
            Object value = super.getAttribute(name);
            return value instanceof CsrfToken ? null : value;
        }
    }
}
