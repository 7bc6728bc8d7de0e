package vn.ttdn.directory;

import java.util.Set;

/**
 * What the security module needs to sign a person in. Serializable: the signed-in session (in the
 * database, ttdn.http_session) keeps it, without its hash (erased once signed in).
 */
public record Account(String username, String fullName, String bodyCode, String passwordHash, boolean enabled,
                      Set<Role> roles) implements java.io.Serializable {

    /** The same account without its password hash, as a session keeps it. */
    public Account withoutHash() {
        return new Account(username, fullName, bodyCode, null, enabled, roles);
    }
}
