package vn.ttdn.security;

import java.util.Arrays;
import java.util.Set;
import vn.ttdn.directory.Role;

/** The signed-in person, as controllers receive it (a parameter of this type is resolved for them). */
public record CurrentUser(String username, String fullName, String bodyCode, Set<Role> roles) {

    /** The person signed in on this thread, if any (for filters; controllers take a parameter). */
    public static java.util.Optional<CurrentUser> signedIn() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DirectoryUserDetails details
                ? java.util.Optional.of(details.currentUser()) : java.util.Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }
}
