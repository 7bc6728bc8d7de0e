package vn.ttdn.directory;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.system.InputProblem;

/**
 * At start-up, on a directory with nobody in it: makes the first administrator from
 * {@code TTDN_ADMIN_USERNAME} and {@code TTDN_ADMIN_PASSWORD} (the password passes the policy; the
 * installer chose it, so it need not be changed), in the body {@value #BODY} that holds the
 * system's own administrators, made when missing. Without them it says in the log (WARN) how to
 * make one. Once anybody is in the directory it does nothing: the variables never reset a password.
 * A password the policy refuses stops the start, with the reasons.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String BODY = DirectoryService.SYSTEM_BODY;
    /** The characters the engine accepts in a user id (camunda.bpm userResourceWhitelistPattern). */
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{1,60}");
    static final String HOW = "Nobody can sign in: the directory has no person. Start the application once with "
            + "TTDN_ADMIN_USERNAME and TTDN_ADMIN_PASSWORD set (a password of at least " + PasswordPolicy.MIN_LENGTH
            + " characters, not a common one, without the username), or with the arguments "
            + "--ttdn.admin.username=… --ttdn.admin.password=…, to create the first administrator.";

    private final AdminProperties properties;
    private final Accounts accounts;
    private final DirectoryService directory;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    FirstAdministrator(AdminProperties properties, Accounts accounts, DirectoryService directory,
                       PasswordEncoder passwords, TransactionTemplate transaction) {
        this.properties = properties;
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyone()) {
            if (properties.given()) {
                log.info("TTDN_ADMIN_USERNAME and TTDN_ADMIN_PASSWORD are ignored: the directory has people already "
                        + "(remove them from the environment)");
            }
            return;
        }
        if (!properties.given()) {
            log.warn(HOW);
            return;
        }
        String username = properties.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalStateException("TTDN_ADMIN_USERNAME '" + username + "' is not a username: use letters, "
                    + "digits, '.', '_' or '-', at most 60");
        }
        List<InputProblem> problems = accounts.policy().problems("TTDN_ADMIN_PASSWORD", username, properties.password());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("TTDN_ADMIN_PASSWORD is refused: "
                    + String.join("; ", problems.stream().map(InputProblem::message).toList()));
        }
        String hash = passwords.encode(properties.password());
        try {
            transaction.executeWithoutResult(t -> {
                if (directory.body(BODY).isEmpty()) {
                    directory.saveBodies(List.of(administration()));
                }
                directory.savePerson(username, fullName(), "Quản trị hệ thống", BODY, blankToNull(properties.email()),
                        hash, Set.of(Role.ADMIN));
            });
        } catch (DataIntegrityViolationException e) {
            // another node starting at the same moment made them first
            log.info("First administrator '{}' made by another node", username);
            return;
        }
        log.info("First administrator '{}' created; the password is the one given (remove TTDN_ADMIN_PASSWORD from the "
                + "environment now)", username);
    }

    /** Not a real body: the home of the system's own administrators (the demo directory has the same). */
    static BodyView administration() {
        return new BodyView(BODY, "Quản trị hệ thống TTĐN Workflow", "Quản trị hệ thống", BodyKind.OTHER,
                BodyLevel.CENTRAL, null, null, null, null, List.of(), List.of());
    }

    private String fullName() {
        return properties.fullName() == null || properties.fullName().isBlank() ? "Quản trị hệ thống"
                : properties.fullName().strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
