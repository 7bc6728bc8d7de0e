package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ttdn.system.InputProblem;

/** What a chosen password must be: long enough, not too long for BCrypt, not common, not the username. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private List<String> codes(String username, String password) {
        return policy.problems("password", username, password).stream().map(InputProblem::code).toList();
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(codes("cv.stttt.qng", "Sông Trà Khúc 2026")).isEmpty();
        assertThat(codes("cv.stttt.qng", "ngua-vang-bay-qua-doi")).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedWithTheMinimum() {
        List<InputProblem> problems = policy.problems("newPassword", "tk.an", "ngan-qua");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("password.tooShort");
            assertThat(p.path()).isEqualTo("newPassword");
            assertThat(p.arguments()).containsExactly(String.valueOf(PasswordPolicy.MIN_LENGTH));
        });
    }

    @Test
    void lengthCountsLettersNotBytes() {
        // 11 Vietnamese letters are more than 12 bytes, still too short
        assertThat(codes("tk.an", "ĐườngĐườngĐ")).containsExactly("password.tooShort");
        assertThat(codes("tk.an", "ĐườngĐườngĐư")).isEmpty();
    }

    @Test
    void aPasswordBCryptWouldCutIsRefused() {
        assertThat(codes("tk.an", "ưa".repeat(25))).containsExactly("password.tooLong");
        assertThat(codes("tk.an", "x1-" + "ư".repeat(34))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "1q2w3e4r5t6y", "matkhau123456", "anhyeuem123456",
            "administrator", "ttdnworkflow", "aaaaaaaaaaaaaa"})
    void aCommonPasswordIsRefusedWhateverItsCase(String password) {
        assertThat(codes("cv.stttt.qng", password)).containsExactly("password.common");
    }

    @Test
    void aPasswordWithTheUsernameInItIsRefused() {
        assertThat(codes("cv.stttt.qng", "CV.STTTT.QNG-2026")).containsExactly("password.containsUsername");
    }

    @Test
    void noPasswordIsOneProblem() {
        assertThat(codes("tk.an", null)).containsExactly("password.required");
        assertThat(codes("tk.an", "")).containsExactly("password.required");
    }

    @Test
    void theDemoPasswordWouldNotPassThePolicy() {
        // the demo loader sets it without the policy, in the developer run only
        assertThat(codes("admin", "demo")).containsExactly("password.tooShort");
    }
}
