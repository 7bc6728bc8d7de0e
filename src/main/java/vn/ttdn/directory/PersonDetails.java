package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person as the administrator keeps them and the directory file gives them (never a password).
 *
 * @param body      the code of the body they work for
 * @param bodySince since when they work for it (null: not recorded)
 * @param enabled   false for a person deactivated: they cannot sign in, and history still names them
 */
public record PersonDetails(String username, String fullName, String title, String body, String email,
                            Set<Role> roles, boolean enabled, LocalDate bodySince) {

    public PersonDetails {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A body the person worked for before a move: from (null if not recorded) to the day before the move. */
    public record FormerBody(String body, LocalDate from, LocalDate to) {
    }
}
