package vn.ttdn.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ttdn.directory.ApiTokens;
import vn.ttdn.system.InputProblem;

/**
 * {@code Authorization: Bearer ttdn_…} on {@code /api/**}: the personal API token ({@link ApiTokens})
 * signs the request in as its person, read as they stand now, for this request only: nothing is
 * kept in a session and none is made. A request that carries a bearer token is judged by it alone
 * (a session cookie beside it is not looked at): unknown, revoked, expired or of a deactivated
 * person, it is answered 401 with its reason and goes no further.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    /** The request attribute holding the id of the token that signed the request in. */
    static final String TOKEN_ID = ApiTokenFilter.class.getName() + ".tokenId";
    private static final String BEARER = "Bearer ";

    /** Requests that carry a bearer token: not cookie-authenticated, so there is no CSRF to guard against. */
    static final RequestMatcher CARRIES_TOKEN = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    };

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final ProblemResponses problems;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    ApiTokenFilter(ApiTokens tokens, UserDetailsService users, ProblemResponses problems) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !CARRIES_TOKEN.matches(request) || !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        ApiTokens.Check check = tokens.check(token);
        UserDetails person = null;
        if (check.outcome() == ApiTokens.Outcome.VALID) {
            try {
                person = users.loadUserByUsername(check.username());
            } catch (UsernameNotFoundException gone) {
                check = new ApiTokens.Check(ApiTokens.Outcome.UNKNOWN, null, 0);
            }
        }
        if (person == null) {
            SecurityContextHolder.clearContext();
            String code = "token." + check.outcome().name().toLowerCase(Locale.ROOT);
            problems.write(response, HttpStatus.UNAUTHORIZED, InputProblem.of("", code,
                    "The API token is not valid (" + check.outcome().name().toLowerCase(Locale.ROOT) + ")"));
            return;
        }
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(person, null,
                person.getAuthorities());
        signedIn.setDetails(details.buildDetails(request));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        // not saved to any repository: the context lives for this request only
        SecurityContextHolder.setContext(context);
        request.setAttribute(TOKEN_ID, check.id());
        chain.doFilter(request, response);
    }
}
