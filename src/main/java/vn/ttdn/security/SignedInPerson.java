package vn.ttdn.security;

import java.util.List;
import vn.ttdn.directory.Role;

/** The signed-in person as the page header shows them (model attribute {@code signedIn}). */
public record SignedInPerson(String username, String fullName, String bodyCode, String bodyName, List<Role> roles) {
}
