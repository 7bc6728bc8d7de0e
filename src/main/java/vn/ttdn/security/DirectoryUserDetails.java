package vn.ttdn.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.ttdn.directory.Account;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.Role;

/**
 * A directory account as Spring Security sees it, with the account's state when it was read: a
 * request whose session holds an older credentials version reloads it ({@link AccountStateFilter}).
 * The session (in the database, shared by every node) keeps it serialized, without the password
 * hash: Spring Security erases it once the person is signed in.
 */
final class DirectoryUserDetails implements UserDetails, CredentialsContainer {

    private Account account;
    private final Accounts.State state;

    DirectoryUserDetails(Account account, Accounts.State state) {
        this.account = account;
        this.state = state;
    }

    int credentialsVersion() {
        return state.credentialsVersion();
    }

    boolean mustChangePassword() {
        return state.mustChangePassword();
    }

    CurrentUser currentUser() {
        return new CurrentUser(account.username(), account.fullName(), account.bodyCode(), account.roles());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        account = account.withoutHash();
    }

    List<String> roleCodes() {
        return account.roles().stream().map(Role::code).sorted().toList();
    }
}
