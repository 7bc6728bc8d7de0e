package vn.ttdn.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security handles the POST to /login and the redirects to
 * {@code /login?error} and {@code /login?logout}; the template reads those parameters.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
