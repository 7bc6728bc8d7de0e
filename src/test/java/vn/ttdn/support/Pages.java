package vn.ttdn.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Opens the pages as a signed-in demo user (through the real login form) and parses them. */
public class Pages {

    private final MockMvc mvc;

    public Pages(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MockHttpSession login(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("demo"))
                .andReturn().getRequest().getSession(false);
    }

    public MockHttpServletResponse open(String path, String user) throws Exception {
        return mvc.perform(get(path).session(login(user))).andReturn().getResponse();
    }

    /** The page as HTML, failing unless it answered 200. */
    public Document page(String path, String user) throws Exception {
        MockHttpServletResponse response = open(path, user);
        if (response.getStatus() != 200) {
            throw new AssertionError(path + " as " + user + " answered " + response.getStatus());
        }
        return Jsoup.parse(response.getContentAsString());
    }
}
