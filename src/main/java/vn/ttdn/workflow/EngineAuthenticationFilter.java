package vn.ttdn.workflow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.ttdn.security.CurrentUser;

import java.io.IOException;

/**
 * Tells the engine who is acting, for every request of a signed-in person, and forgets it after:
 * the engine's history and user operation log then name each actor (claims, completions, starts).
 * Runs right after Spring Security's filter chain, which has signed the person in.
 */
@Configuration(proxyBeanMethods = false)
class EngineAuthenticationFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineAuthentication(IdentityService identity) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var user = CurrentUser.signedIn();
                if (user.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                identity.setAuthentication(user.get().username(),
                        EngineGroups.of(user.get().roles(), user.get().bodyCode()));
                try {
                    chain.doFilter(request, response);
                } finally {
                    identity.clearAuthentication();
                }
            }
        });
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/*");
        registration.setName("engineAuthentication");
        return registration;
    }
}
