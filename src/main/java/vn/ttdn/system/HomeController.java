package vn.ttdn.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page is the plan list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/ke-hoach";
    }
}
