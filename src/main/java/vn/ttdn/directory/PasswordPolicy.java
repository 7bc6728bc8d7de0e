package vn.ttdn.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.ttdn.system.InputProblem;

/**
 * What a password a person or an administrator chooses must be: at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further), not one of
 * the commonest passwords ({@code accounts/common-passwords.txt}, compared without regard to case),
 * not one character repeated, and not containing the username. The demo's password is set by the
 * demo loader in the developer run and never passes through here.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final String DENY_LIST = "accounts/common-passwords.txt";

    private final Set<String> denied;

    PasswordPolicy(Set<String> denied) {
        this.denied = Set.copyOf(denied);
    }

    /** The policy with the deny-list this application ships. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(DENY_LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DENY_LIST);
            }
            return new PasswordPolicy(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> read(InputStream in) throws IOException {
        Set<String> words = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** Everything wrong with this password for this person, under {@code path}; empty when it may be chosen. */
    public List<InputProblem> problems(String path, String username, String password) {
        List<InputProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(InputProblem.of(path, "password.required", "A password is required"));
            return problems;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(InputProblem.of(path, "password.tooShort",
                    "The password must have at least " + MIN_LENGTH + " characters", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(InputProblem.of(path, "password.tooLong",
                    "The password must not be longer than " + MAX_BYTES + " bytes", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (denied.contains(lower) || password.codePoints().distinct().count() == 1) {
            problems.add(InputProblem.of(path, "password.common", "The password is one of the commonest ones"));
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(InputProblem.of(path, "password.containsUsername", "The password contains the username"));
        }
        return problems;
    }
}
