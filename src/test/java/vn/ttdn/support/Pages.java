package vn.ttdn.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

    /** The page as HTML in a session already signed in (flash notes and CSRF tokens stay in it). */
    public Document page(String path, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError(path + " answered " + response.getStatus());
        }
        return Jsoup.parse(response.getContentAsString(), "http://localhost" + path);
    }

    /**
     * Submits a form of the page as a browser does, without JavaScript: every field of the form
     * and every field outside it that names it ({@code form="…"}), with its CSRF token, except
     * where {@code changes} gives other values for a name.
     */
    public MvcResult submit(Document page, String formId, MockHttpSession session, Map<String, List<String>> changes)
            throws Exception {
        Element form = page.getElementById(formId);
        if (form == null || !form.tagName().equals("form")) {
            throw new AssertionError("No form #" + formId);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Element> fields = new ArrayList<>(form.select("input, textarea, select"));
        fields.addAll(page.select("[form=" + formId + "]"));
        for (Element field : fields) {
            String name = field.attr("name");
            if (name.isEmpty() || field.is("button, input[type=submit]")) {
                continue;
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (field.is("select")) {
                field.select("option[selected]").forEach(o -> list.add(o.attr("value")));
            } else if (field.is("textarea")) {
                list.add(field.wholeText());
            } else {
                list.add(field.attr("value"));
            }
        }
        values.putAll(changes);
        MockHttpServletRequestBuilder request = post(form.attr("action")).session(session);
        // as a browser: a select with no option chosen sends nothing
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                request.param(name, list.toArray(String[]::new));
            }
        });
        return mvc.perform(request).andReturn();
    }
}
