package vn.ttdn.security;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.directory.Accounts;
import vn.ttdn.directory.PasswordPolicy;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.system.ProblemMessages;

/**
 * "Đổi mật khẩu": the signed-in person changes their own password. A person whose password an
 * administrator set is sent here by every page until they have ({@link AccountStateFilter}).
 */
@Controller
@RequestMapping(AccountStateFilter.CHANGE_PAGE)
class AccountPageController {

    private final Accounts accounts;
    private final ProblemMessages problemMessages;

    AccountPageController(Accounts accounts, ProblemMessages problemMessages) {
        this.accounts = accounts;
        this.problemMessages = problemMessages;
    }

    @GetMapping
    String form(CurrentUser user, Model model) {
        model.addAttribute("mustChange",
                accounts.state(user.username()).map(Accounts.State::mustChangePassword).orElse(false));
        model.addAttribute("minLength", String.valueOf(PasswordPolicy.MIN_LENGTH));
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword,
                  CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            if (newPassword != null && !newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("The password was not changed", java.util.List.of(InputProblem.of(
                        "confirmPassword", "account.confirmationDiffers", "The two new passwords differ")));
            }
            accounts.changeOwn(user.username(), currentPassword, newPassword);
            redirect.addFlashAttribute("changed", true);
            return "redirect:" + AccountStateFilter.CHANGE_PAGE;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems().stream().map(p -> problemMessages.describe(p, locale)).toList());
            return form(user, model);
        }
    }
}
