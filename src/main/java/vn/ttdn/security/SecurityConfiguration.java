package vn.ttdn.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;

/**
 * Three doors. {@code /api/**}: HTTP Basic for scripts or the page session for the browser.
 * {@code /engine-rest/**} and {@code /camunda/**}: the engine's own REST API and webapps, for
 * administrators only. Everything else: the pages, behind form login.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();

    /** Requests that carry HTTP Basic credentials come from scripts, not from a browser session. */
    private static final RequestMatcher BASIC_AUTH = (HttpServletRequest request) -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/v3/api-docs/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized()))
                // Scripts sign every request with Basic and have no session to forge; the browser's
                // calls ride on the session and must carry the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(jsonUnauthorized()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_AUTH))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/vendor/**", "/favicon.ico",
                                "/error", "/actuator/health").permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // The Camunda webapps carry their own CSRF protection on their API.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/api/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * A path of the whole application. The engine's REST API and webapps are served by their own
     * servlets, not by Spring MVC, so the matchers must not assume the MVC servlet.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static AuthenticationEntryPoint jsonUnauthorized() {
        // No WWW-Authenticate challenge: browsers must not cache Basic credentials for this site.
        return (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Sign in with HTTP Basic\",\"errors\":[]}");
        };
    }

    @Bean
    UserDetailsService userDetailsService(DirectoryService directory) {
        return username -> directory.account(username)
                .map(DirectoryUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
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
