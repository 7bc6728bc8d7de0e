package vn.ttdn.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;

/**
 * Adds {@code signedIn} ({@link SignedInPerson}) to every page that renders a view, error pages
 * included. Responses without a view (the API, redirects) are left alone, so they cost nothing.
 */
final class SignedInPersonInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = "signedIn";

    private final DirectoryService directory;

    SignedInPersonInterceptor(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || !view.hasView() || isRedirect(view)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DirectoryUserDetails details) {
            CurrentUser user = details.currentUser();
            String bodyName = bodyName(user.bodyCode());
            view.addObject(ATTRIBUTE, new SignedInPerson(user.username(), user.fullName(), user.bodyCode(), bodyName,
                    user.roles().stream().sorted().toList()));
        }
    }

    /** The body's name; its code while the database cannot be reached (the error page saying so still renders). */
    private String bodyName(String code) {
        try {
            return directory.body(code).map(BodyView::name).orElse(code);
        } catch (RuntimeException e) {
            if (vn.ttdn.system.DatabaseOutage.is(e)) {
                return code;
            }
            throw e;
        }
    }

    private static boolean isRedirect(ModelAndView view) {
        String name = view.getViewName();
        return name != null && name.startsWith("redirect:");
    }
}
