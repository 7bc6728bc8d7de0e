package vn.ttdn.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.ApiTokens;
import vn.ttdn.system.ForbiddenException;
import vn.ttdn.directory.Role;

/**
 * Accounts over the API: the signed-in person's own (who am I, change my password, personal API
 * tokens) and, for
 * administrators, another person's password and standing. A change applies to the person's
 * sessions at their next request.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Accounts", description = "Sign-in accounts: one's own password; administrators set passwords and deactivate")
class AccountApiController {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountApiController(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    @Operation(summary = "Who is signed in, and whether they must change their password first")
    Me me(CurrentUser user) {
        boolean mustChange = accounts.state(user.username()).map(Accounts.State::mustChangePassword).orElse(false);
        return new Me(user.username(), user.fullName(), user.bodyCode(), user.roles().stream().sorted().toList(),
                mustChange);
    }

    @PostMapping("/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change one's own password (the current one is asked); 400 lists what the new one lacks")
    void changeOwn(@RequestBody OwnPassword body, CurrentUser user) {
        accounts.changeOwn(user.username(), body.currentPassword(), body.newPassword());
    }

    @PostMapping("/people/{username}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a person's password (administrators); they must change it at their next sign-in")
    void set(@PathVariable String username, @RequestBody SetPassword body, CurrentUser user) {
        accounts.setByAdministrator(username, body.password(), user.username());
    }

    @PostMapping("/people/{username}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate a person (administrators): every session of theirs ends, they cannot sign in")
    void deactivate(@PathVariable String username, CurrentUser user) {
        accounts.deactivate(username, user.username());
    }

    @PostMapping("/people/{username}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Activate a deactivated person again (administrators)")
    void activate(@PathVariable String username, CurrentUser user) {
        accounts.activate(username, user.username());
    }

    @GetMapping("/account/tokens")
    @Operation(summary = "One's own personal API tokens (never their text): name, made, last used, expiry")
    List<ApiTokens.TokenView> tokens(CurrentUser user) {
        return tokens.list(user.username());
    }

    @PostMapping("/account/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a personal API token (body {name, expiresInDays?}, 90 days unless told, at most 366); "
            + "its text is in this answer only. Signed in with a password or the session, not with a token")
    ApiTokens.Created createToken(@RequestBody NewToken body, CurrentUser user, HttpServletRequest request) {
        if (request.getAttribute(ApiTokenFilter.TOKEN_ID) != null) {
            throw ForbiddenException.of("token.notWithToken", "A token cannot make tokens: sign in with your password");
        }
        return tokens.create(user.username(), body.name(), body.expiresInDays());
    }

    @DeleteMapping("/account/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of one's own API tokens; 404 for any other id")
    void revokeToken(@PathVariable long id, CurrentUser user) {
        tokens.revoke(user.username(), id);
    }

    record NewToken(String name, Integer expiresInDays) {
    }

    record Me(String username, String fullName, String bodyCode, List<Role> roles, boolean mustChangePassword) {
    }

    record OwnPassword(String currentPassword, String newPassword) {
    }

    record SetPassword(String password) {
    }
}
