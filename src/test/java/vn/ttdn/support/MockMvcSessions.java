package vn.ttdn.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Sessions in the database (Spring Session JDBC) for MockMvc tests that carry a {@code MockHttpSession}
 * from request to request: the database session's id is kept in that mock session, as a browser keeps
 * it in the SESSION cookie, so every request still reads and writes the session in ttdn.http_session
 * (and serializes what it holds). Requests from a real client (the tests on a port) use the cookie.
 */
public final class MockMvcSessions implements HttpSessionIdResolver {

    private static final String ID = MockMvcSessions.class.getName() + ".id";

    private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

    /** The id of the database session a mock session carries; null when it carries none. */
    public static String idOf(HttpSession carried) {
        return carried != null && carried.getAttribute(ID) instanceof String id ? id : null;
    }

    MockMvcSessions() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setSameSite("Lax");
        cookies.setCookieSerializer(serializer);
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        MockHttpServletRequest mock = mock(request);
        if (mock == null) {
            return cookies.resolveSessionIds(request);
        }
        HttpSession carried = mock.getSession(false);
        return carried != null && carried.getAttribute(ID) instanceof String id ? List.of(id) : List.of();
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        MockHttpServletRequest mock = mock(request);
        if (mock == null) {
            cookies.setSessionId(request, response, sessionId);
        } else {
            HttpSession carried = mock.getSession(false);
            if (carried == null || isInvalid(carried)) {
                carried = mock.getSession(true);
            }
            carried.setAttribute(ID, sessionId);
        }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        MockHttpServletRequest mock = mock(request);
        if (mock == null) {
            cookies.expireSession(request, response);
        } else if (mock.getSession(false) != null && !isInvalid(mock.getSession(false))) {
            mock.getSession(false).invalidate();
        }
    }

    private static boolean isInvalid(HttpSession session) {
        return session instanceof org.springframework.mock.web.MockHttpSession m && m.isInvalid();
    }

    private static MockHttpServletRequest mock(HttpServletRequest request) {
        jakarta.servlet.ServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner instanceof MockHttpServletRequest mock ? mock : null;
    }
}
