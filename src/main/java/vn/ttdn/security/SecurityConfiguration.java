package vn.ttdn.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.ApiTokens;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.ProblemMessages;

/**
 * Three doors. {@code /api/**}: HTTP Basic or a personal API token ({@link ApiTokenFilter}) for
 * scripts, or the page session for the browser.
 * {@code /engine-rest/**} and {@code /camunda/**}: the engine's own REST API and webapps, for
 * administrators only; of the REST API only what Camunda Modeler calls to deploy (its version and
 * connection checks, the deployment), the rest refused to everyone: its queries evaluate
 * expressions that the engine's own switches do not all stop ({@code orQueries}). Everything else:
 * the pages, behind form login.
 *
 * <p>Every sign-in, form or Basic, goes through the {@link SignInThrottle}; every signed-in request
 * through the {@link AccountStateFilter} (deactivated, changed, must change the password).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    static final String LOCKED_URL = "/login?locked";

    private final Accounts accounts;
    private final ProblemResponses problems;

    SecurityConfiguration(Accounts accounts, ObjectMapper json, ProblemMessages messages) {
        this.accounts = accounts;
        this.problems = new ProblemResponses(json, messages);
    }

    /** Requests that carry HTTP Basic credentials come from scripts, not from a browser session. */
    private static final RequestMatcher BASIC_AUTH = (HttpServletRequest request) -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, UserDetailsService users, AuthenticationManager signIn,
                                    ApiTokens tokens) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/v3/api-docs/**")))
                .authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()))
                // a personal API token (Bearer) signs in this request only, without a session
                .addFilterBefore(new ApiTokenFilter(tokens, users, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(accountState(AccountStateFilter.Door.API, users), AuthorizationFilter.class)
                // Scripts sign every request with Basic or a token and have no session to forge; the
                // browser's calls ride on the session and must carry the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH, ApiTokenFilter.CARRIES_TOKEN))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(API_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineSecurity(HttpSecurity http, UserDetailsService users, AuthenticationManager signIn)
            throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(MODELER_CALLS).hasRole(ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .addFilterBefore(accountState(AccountStateFilter.Door.API, users), AuthorizationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, UserDetailsService users, AuthenticationManager signIn)
            throws Exception {
        return http
                .authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure()))
                .addFilterBefore(accountState(AccountStateFilter.Door.PAGES, users), AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // The Camunda webapps carry their own CSRF protection on their API.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/api/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // The Camunda webapps send a policy of their own, with a nonce for their scripts.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(path("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .build();
    }

    /**
     * The pages' Content-Security-Policy: every script from this server's own files, none inline, none
     * evaluated, no plug-in, no other site's; forms post only here; no other site may frame a page. Styles
     * may be inline: bpmn-js and form-js set style attributes as they draw (a style cannot run a script).
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** The API answers data, never a page: nothing in it may load or run anything, nor be framed. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * A path of the whole application. The engine's REST API and webapps are served by their own
     * servlets, not by Spring MVC, so the matchers must not assume the MVC servlet.
     */
    /**
     * What Camunda Modeler sends to deploy: GET /version (which engine), GET /deployment (its connection
     * check, {@code ?maxResults=0}) and POST /deployment/create.
     */
    private static final RequestMatcher MODELER_CALLS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, "/engine-rest/version"),
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, "/engine-rest/deployment"),
            PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST,
                    "/engine-rest/deployment/create"));

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private AccountStateFilter accountState(AccountStateFilter.Door door, UserDetailsService users) {
        return new AccountStateFilter(door, accounts, users, problems);
    }

    /** A wrong password back to the form with {@code ?error}; a throttled sign-in with {@code ?locked}. */
    private static ExceptionMappingAuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), LOCKED_URL));
        return failure;
    }

    private AuthenticationEntryPoint jsonUnauthorized() {
        // No WWW-Authenticate challenge: browsers must not cache Basic credentials for this site.
        return (request, response, e) -> {
            if (vn.ttdn.system.DatabaseOutage.is(e)) {
                // the person could not be read, not refused: answered 503 by vn.ttdn.system's DatabaseOutageFilter
                throw e;
            }
            if (e instanceof SignInThrottledException throttled) {
                long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, InputProblem.of("", SignInThrottledException.CODE,
                        "Too many failed sign-ins: try again in " + seconds + " seconds", (seconds + 59) / 60));
                return;
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Sign in with HTTP Basic\",\"errors\":[]}");
        };
    }

    /**
     * The person with their account's state, the state read first: a change in between leaves the
     * session an older version, which the next request reads again.
     */
    @Bean
    UserDetailsService userDetailsService(DirectoryService directory) {
        return username -> {
            Accounts.State state = accounts.state(username).orElseThrow(() -> new UsernameNotFoundException(username));
            return directory.account(username).map(account -> new DirectoryUserDetails(account, state))
                    .orElseThrow(() -> new UsernameNotFoundException(username));
        };
    }

    /** Username and password, checked against the directory through the sign-in throttle. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
                                                SignInThrottle throttle) {
        DaoAuthenticationProvider checker = new DaoAuthenticationProvider(users);
        checker.setPasswordEncoder(passwords);
        return new ProviderManager(new ThrottledAuthenticationProvider(checker, throttle));
    }

    /** Static: the directory's {@link Accounts}, which this configuration takes, hash with it too. */
    @Bean
    static PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
