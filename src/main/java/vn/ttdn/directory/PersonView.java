package vn.ttdn.directory;

import java.util.Set;

/** A person of the directory as the API shows them (never with the password). */
public record PersonView(String username, String fullName, String title, BodyRef body, Set<Role> roles) {
}
