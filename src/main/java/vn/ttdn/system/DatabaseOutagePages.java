package vn.ttdn.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose work found the database unreachable: the error page, 503, in Vietnamese
 * ({@code error.503.*}), with a {@code Retry-After}. The API's requests are {@link ApiExceptionHandler}'s.
 */
@ControllerAdvice(annotations = Controller.class)
class DatabaseOutagePages {

    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.TransactionException.class, java.sql.SQLException.class})
    ModelAndView database(Exception e, HttpServletResponse response) throws Exception {
        if (!DatabaseOutage.is(e)) {
            throw e;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        return page;
    }
}
