package vn.ttdn.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every text a request brings, in NFC ({@link Nfc}): each string of the API's JSON bodies (also inside
 * maps and lists, such as a task form's values), and each parameter of a page's form or a query string.
 */
@Configuration(proxyBeanMethods = false)
class NfcInput {

    /** Spring Boot registers this module with the application's JSON mapper. */
    @Bean
    Module nfcStrings() {
        SimpleModule module = new SimpleModule("nfc-strings");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Nfc.of(StringDeserializer.instance.deserialize(parser, context));
            }
        });
        return module;
    }

    @Bean
    ParametersInNfc parametersInNfc() {
        return new ParametersInNfc();
    }

    /** The request's parameters (form fields, query string) in NFC, before anything reads them. */
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    static final class ParametersInNfc extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                private Map<String, String[]> normal;

                @Override
                public String getParameter(String name) {
                    String[] values = getParameterMap().get(name);
                    return values == null || values.length == 0 ? null : values[0];
                }

                @Override
                public String[] getParameterValues(String name) {
                    String[] values = getParameterMap().get(name);
                    return values == null ? null : values.clone();
                }

                @Override
                public Map<String, String[]> getParameterMap() {
                    if (normal == null) {
                        Map<String, String[]> map = new LinkedHashMap<>();
                        super.getParameterMap().forEach((name, values) -> map.put(Nfc.of(name),
                                Arrays.stream(values).map(Nfc::of).toArray(String[]::new)));
                        normal = Collections.unmodifiableMap(map);
                    }
                    return normal;
                }

                @Override
                public java.util.Enumeration<String> getParameterNames() {
                    return Collections.enumeration(getParameterMap().keySet());
                }
            }, response);
        }
    }
}
