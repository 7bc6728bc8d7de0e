package vn.ttdn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.support.WebTest;

/**
 * The browser code the pages load is served by the application itself, to anyone (the sign-in page
 * included): the libraries the build copies from the npm lock file and the application's scripts.
 */
@WebTest
class VendorAssetsTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/vendor/form-js/form-viewer.umd.js,                     text/javascript, FormViewer",
            "/vendor/form-js/form-js.css,                            text/css,        .fjs-container",
            "/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js, text/javascript, BpmnJS",
            "/vendor/bpmn-js/diagram-js.css,                         text/css,        .djs-container",
            "/vendor/bpmn-js/bpmn-js.css,                            text/css,        .bjs-container",
            "/js/task-form.js,                                       text/javascript, FormViewer.Form",
            "/js/diagram-viewer.js,                                  text/javascript, new BpmnJS",
            "/js/process-diagram.js,                                 text/javascript, TtdnDiagram.show",
            "/js/supervision-diagram.js,                             text/javascript, TtdnDiagram.show",
            "/js/audit-replay.js,                                    text/javascript, TtdnDiagram.show",
            "/css/diagram.css,                                       text/css,        .process-diagram"
    })
    void isServedToAnyone(String path, String contentType, String content) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();

        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.parseMediaType(
                contentType))).as(path + " is " + response.getContentType()).isTrue();
        assertThat(response.getContentAsString()).contains(content);
    }
}
