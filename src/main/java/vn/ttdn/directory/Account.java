package vn.ttdn.directory;

import java.util.Set;

/** What the security module needs to sign a person in. */
public record Account(String username, String fullName, String bodyCode, String passwordHash, boolean enabled,
                      Set<Role> roles) {
}
