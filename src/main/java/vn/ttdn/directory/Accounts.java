package vn.ttdn.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;

/**
 * A person's account as sign-in sees it: the password (chosen by the person, or set by an
 * administrator and then to be changed at the next sign-in), whether the account is enabled, and
 * the credentials version that moves on every change a signed-in session must follow (kept by the
 * database's triggers, V9). Passwords pass the {@link PasswordPolicy} and are stored as BCrypt.
 */
@Service
@Transactional
public class Accounts {

    /** What a request checks against the session's copy: the person may go on, as they were? */
    public record State(boolean enabled, boolean mustChangePassword, int credentialsVersion)
            implements java.io.Serializable {
    }

    /** The hash of a person created by an administrator or an import, before a password is set: matches nothing. */
    static final String NO_PASSWORD = "!";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final DirectoryJournal journal;
    private final PasswordPolicy policy = PasswordPolicy.standard();

    Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, DirectoryJournal journal) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.journal = journal;
    }

    public PasswordPolicy policy() {
        return policy;
    }

    /** One read by primary key: what every signed-in request compares with its session. */
    @Transactional(readOnly = true)
    public Optional<State> state(String username) {
        return jdbc.query("select enabled, must_change_password, credentials_version from ttdn.person "
                        + "where username = ?",
                (rs, i) -> new State(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3)), username).stream().findFirst();
    }

    /** Whether the person has a password that works (people created or imported have none until one is set). */
    @Transactional(readOnly = true)
    public boolean hasPassword(String username) {
        return !NO_PASSWORD.equals(hashOf(username));
    }

    /** Whether the directory has anyone at all (the first administrator is made only when it has not). */
    @Transactional(readOnly = true)
    public boolean anyone() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ttdn.person)", Boolean.class));
    }

    /**
     * The person changes their own password: the current one must be right, the new one must pass the
     * policy and differ from it. Clears "must change".
     */
    public void changeOwn(String username, String currentPassword, String newPassword) {
        String hash = hashOf(username);
        List<InputProblem> problems = new ArrayList<>();
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            problems.add(InputProblem.of("currentPassword", "account.currentPasswordWrong",
                    "The current password is not right"));
        } else if (currentPassword.equals(newPassword)) {
            problems.add(InputProblem.of("newPassword", "account.passwordUnchanged",
                    "The new password must differ from the current one"));
        }
        problems.addAll(policy.problems("newPassword", username, newPassword));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The password was not changed", problems);
        }
        write(username, newPassword, false);
    }

    /**
     * An administrator sets a person's password (a new person, a forgotten password): it must pass the
     * policy, and the person must change it at their next sign-in.
     */
    public void setByAdministrator(String username, String password, String by) {
        hashOf(username);
        List<InputProblem> problems = policy.problems("password", username, password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The password was not set", problems);
        }
        write(username, password, true);
        journal.record(by, DirectoryJournal.PERSON, username, "PASSWORD_SET", null,
                journal.fields(java.util.Map.of("mustChangePassword", "true")));
    }

    /**
     * Deactivates a person: every session of theirs ends at its next request, and they cannot sign in.
     * An administrator cannot deactivate themself (nobody might be left to undo it).
     */
    public void deactivate(String username, String by) {
        if (username.equals(by)) {
            throw ForbiddenException.of("account.cannotDeactivateSelf", "You cannot deactivate your own account");
        }
        setEnabled(username, false, by);
    }

    public void activate(String username, String by) {
        setEnabled(username, true, by);
    }

    /** Enables or disables the account, journaled when it changes anything. */
    private void setEnabled(String username, boolean enabled, String by) {
        Boolean was = jdbc.query("select enabled from ttdn.person where username = ? for update",
                (rs, i) -> rs.getBoolean(1), username).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No person " + username));
        if (was == enabled) {
            return;
        }
        jdbc.update("update ttdn.person set enabled = ? where username = ?", enabled, username);
        journal.record(by, DirectoryJournal.PERSON, username, enabled ? "REACTIVATED" : "DEACTIVATED",
                journal.fields(java.util.Map.of("enabled", String.valueOf(was))),
                journal.fields(java.util.Map.of("enabled", String.valueOf(enabled))));
    }

    private String hashOf(String username) {
        return jdbc.query("select password_hash from ttdn.person where username = ?",
                (rs, i) -> rs.getString(1), username).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No person " + username));
    }

    private void write(String username, String password, boolean mustChange) {
        jdbc.update("update ttdn.person set password_hash = ?, must_change_password = ?, password_changed_at = now() "
                + "where username = ?", passwords.encode(password), mustChange, username);
    }
}
