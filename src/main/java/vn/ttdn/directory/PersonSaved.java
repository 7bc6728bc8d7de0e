package vn.ttdn.directory;

import java.util.Set;

/** Published when a person is created or changed, so that others (the engine's identity) follow. */
public record PersonSaved(String username, String fullName, String bodyCode, Set<Role> roles) {
}
