package vn.ttdn.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ttdn.directory.Accounts;
import vn.ttdn.system.InputProblem;

/**
 * After sign-in, on every request of a signed-in person: one read of their account by primary key.
 * <ul>
 * <li>Deactivated (or gone): the session ends and the request goes on as a stranger's (the API answers
 * 401, the pages send to the sign-in form) — every session of theirs, on every node, at its next request.</li>
 * <li>Credentials version moved (roles, body, password changed): the person is read again and the
 * session holds the new copy, so the change applies to this very request.</li>
 * <li>Must change the password an administrator set: the pages send to {@value #CHANGE_PAGE}, the API
 * answers 403 {@value #MUST_CHANGE}; only changing the password and signing out are let through.</li>
 * </ul>
 */
final class AccountStateFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/tai-khoan/mat-khau";
    static final String MUST_CHANGE = "account.mustChangePassword";
    private static final List<String> OPEN_PATHS = List.of(CHANGE_PAGE, "/api/account", "/api/account/password",
            "/logout", "/login", "/error");
    private static final List<String> ASSET_PREFIXES = List.of("/css/", "/js/", "/img/", "/vendor/", "/favicon.ico");

    /** How a refusal is answered: a problem document (API, engine REST) or a redirect (pages). */
    enum Door { API, PAGES }

    private final Door door;
    private final Accounts accounts;
    private final UserDetailsService users;
    private final ProblemResponses problems;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountStateFilter(Door door, Accounts accounts, UserDetailsService users, ProblemResponses problems) {
        this.door = door;
        this.accounts = accounts;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DirectoryUserDetails details)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Accounts.State> state = accounts.state(details.getUsername());
        if (state.isEmpty() || !state.get().enabled()) {
            signOut(request);
            chain.doFilter(request, response);
            return;
        }
        if (state.get().credentialsVersion() != details.credentialsVersion()) {
            details = reload(details.getUsername(), authentication, request, response);
            if (details == null) {
                signOut(request);
                chain.doFilter(request, response);
                return;
            }
        }
        if (details.mustChangePassword() && !OPEN_PATHS.contains(path(request))) {
            if (door == Door.PAGES) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            } else {
                problems.write(response, HttpStatus.FORBIDDEN, InputProblem.of("", MUST_CHANGE,
                        "Change the password an administrator set first (POST /api/account/password)"));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The person as they are now, put in the security context (and the session, if the request has one). */
    private DirectoryUserDetails reload(String username, Authentication old, HttpServletRequest request,
                                        HttpServletResponse response) {
        DirectoryUserDetails fresh;
        try {
            fresh = (DirectoryUserDetails) users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
        if (!fresh.isEnabled()) {
            return null;
        }
        fresh.eraseCredentials(); // the session (in the database) keeps no password hash
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                fresh.getAuthorities());
        replaced.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            sessions.saveContext(context, request, response);
        }
        return fresh;
    }

    private static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
