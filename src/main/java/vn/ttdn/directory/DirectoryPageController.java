package vn.ttdn.directory;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory page: every body with its validity and successors, filtered by a plain GET form. */
@Controller
class DirectoryPageController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DirectoryService directory;

    DirectoryPageController(DirectoryService directory) {
        this.directory = directory;
    }

    /**
     * @param q        text in the code, name or short name (accents and case ignored)
     * @param province province prefix, e.g. QNG
     * @param level    CENTRAL, PROVINCE, DISTRICT or COMMUNE
     */
    @GetMapping("/danh-ba")
    String directory(@RequestParam(required = false) String q,
                     @RequestParam(name = "tinh", required = false) String province,
                     @RequestParam(name = "cap", required = false) BodyLevel level, Model model) {
        model.addAttribute("listing",
                DirectoryListings.build(directory.bodies(), q, province, level, LocalDate.now(VIETNAM)));
        return "directory/list";
    }
}
