package vn.ttdn.security;

import java.util.Arrays;
import java.util.Set;
import vn.ttdn.directory.Role;

/** The signed-in person, as controllers receive it (a parameter of this type is resolved for them). */
public record CurrentUser(String username, String fullName, String bodyCode, Set<Role> roles) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }
}
