package vn.ttdn.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ttdn.demo.*}: whether to load the demo data, and the password every demo person gets. */
@ConfigurationProperties(prefix = "ttdn.demo")
record DemoProperties(boolean enabled, String password) {
}
