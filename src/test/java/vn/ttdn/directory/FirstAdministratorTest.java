package vn.ttdn.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The first administrator's rules without a database: when to make one, when to say how, when to refuse. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private final Accounts accounts = mock(Accounts.class);
    private final DirectoryService directory = mock(DirectoryService.class);
    private final PasswordEncoder passwords = mock(PasswordEncoder.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);

    private FirstAdministrator with(String username, String password) {
        when(accounts.policy()).thenReturn(PasswordPolicy.standard());
        return new FirstAdministrator(new AdminProperties(username, password, null, null), accounts, directory,
                passwords, transaction);
    }

    @Test
    void anEmptyDirectoryWithoutTheVariablesSaysInTheLogHowToMakeOne(CapturedOutput output) {
        when(accounts.anyone()).thenReturn(false);

        with(null, null).run(new DefaultApplicationArguments());

        assertThat(output).contains("WARN").contains("TTDN_ADMIN_USERNAME").contains("TTDN_ADMIN_PASSWORD");
        verify(transaction, never()).executeWithoutResult(any());
    }

    @Test
    void aCommonPasswordStopsTheStartWithTheReason() {
        when(accounts.anyone()).thenReturn(false);

        assertThatThrownBy(() -> with("quantri", "password1234").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TTDN_ADMIN_PASSWORD is refused").hasMessageContaining("commonest");
        verify(passwords, never()).encode(anyString());
    }

    @Test
    void aUsernameTheEngineWouldRefuseStopsTheStart() {
        when(accounts.anyone()).thenReturn(false);

        assertThatThrownBy(() -> with("quản trị", "Một mật khẩu đủ dài").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TTDN_ADMIN_USERNAME");
    }

    @Test
    void aDirectoryWithPeopleIsLeftAloneWhateverTheVariablesSay(CapturedOutput output) {
        when(accounts.anyone()).thenReturn(true);

        with("quantri", "Một mật khẩu đủ dài").run(new DefaultApplicationArguments());

        verify(transaction, never()).executeWithoutResult(any());
        verify(passwords, never()).encode(anyString());
        assertThat(output).contains("ignored");
    }
}
