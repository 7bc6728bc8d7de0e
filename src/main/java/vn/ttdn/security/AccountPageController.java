package vn.ttdn.security;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.ApiTokens;
import vn.ttdn.directory.PasswordPolicy;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.NotFoundException;
import vn.ttdn.system.ProblemMessages;

/**
 * The person's account page: "Đổi mật khẩu", where they change their own password (a person whose
 * password an administrator set is sent here by every page until they have, {@link AccountStateFilter}),
 * and their personal API tokens ("Khóa API cá nhân"): made (the text shown in the answer to the form,
 * once, never put in the session), listed and revoked.
 */
@Controller
class AccountPageController {

    static final String TOKENS = "/tai-khoan/khoa-api";
    /** The lifetimes the form offers, in days. */
    private static final List<Integer> LIFETIMES = List.of(30, ApiTokens.DEFAULT_DAYS, 180, 365);

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final ProblemMessages problemMessages;

    AccountPageController(Accounts accounts, ApiTokens tokens, ProblemMessages problemMessages) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.problemMessages = problemMessages;
    }

    @GetMapping(AccountStateFilter.CHANGE_PAGE)
    String form(CurrentUser user, Model model) {
        model.addAttribute("mustChange",
                accounts.state(user.username()).map(Accounts.State::mustChangePassword).orElse(false));
        model.addAttribute("minLength", String.valueOf(PasswordPolicy.MIN_LENGTH));
        model.addAttribute("tokens", tokens.list(user.username()));
        model.addAttribute("lifetimes", LIFETIMES);
        model.addAttribute("defaultLifetime", ApiTokens.DEFAULT_DAYS);
        model.addAttribute("nameMax", ApiTokens.NAME_MAX);
        return "account/password";
    }

    @PostMapping(AccountStateFilter.CHANGE_PAGE)
    String change(@RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword,
                  CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            if (newPassword != null && !newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("The password was not changed", List.of(InputProblem.of(
                        "confirmPassword", "account.confirmationDiffers", "The two new passwords differ")));
            }
            accounts.changeOwn(user.username(), currentPassword, newPassword);
            redirect.addFlashAttribute("changed", true);
            return "redirect:" + AccountStateFilter.CHANGE_PAGE;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", describe(e, locale));
            return form(user, model);
        }
    }

    /** A new token: the page again, with its text shown this once (a redirect would carry it in the session). */
    @PostMapping(TOKENS)
    String createToken(@RequestParam(required = false) String name,
                       @RequestParam(required = false) Integer expiresInDays,
                       CurrentUser user, Locale locale, Model model) {
        try {
            model.addAttribute("newToken", tokens.create(user.username(), name, expiresInDays));
        } catch (InvalidInputException e) {
            model.addAttribute("tokenProblems", describe(e, locale));
            model.addAttribute("tokenName", name);
        }
        return form(user, model);
    }

    @PostMapping(TOKENS + "/{id}/thu-hoi")
    String revokeToken(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            tokens.revoke(user.username(), id);
            redirect.addFlashAttribute("tokenRevoked", true);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("tokenNotFound", true);
        }
        return "redirect:" + AccountStateFilter.CHANGE_PAGE + "#tokens";
    }

    private List<String> describe(InvalidInputException e, Locale locale) {
        return e.problems().stream().map(p -> problemMessages.describe(p, locale)).toList();
    }
}
