package vn.ttdn.workflow;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on for the Camunda webapps: they take the person Spring Security signed in, with
 * the roles as groups ({@code ROLE_ADMIN} → {@code camunda-admin}). Spring Security has already
 * let only administrators through to {@code /camunda/**}.
 */
public class SpringSecurityAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.equals("ROLE_ADMIN") ? CAMUNDA_ADMIN_GROUP : a.replaceFirst("^ROLE_", "").toLowerCase())
                .toList());
        result.setTenants(List.of());
        return result;
    }
}
