package vn.ttdn.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.ttdn.directory.Account;
import vn.ttdn.directory.Role;

/** A directory account as Spring Security sees it. */
final class DirectoryUserDetails implements UserDetails {

    private final Account account;

    DirectoryUserDetails(Account account) {
        this.account = account;
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

    List<String> roleCodes() {
        return account.roles().stream().map(Role::code).sorted().toList();
    }
}
