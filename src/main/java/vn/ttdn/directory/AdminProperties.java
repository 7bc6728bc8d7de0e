package vn.ttdn.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ttdn.admin.*} ({@code TTDN_ADMIN_USERNAME}, {@code TTDN_ADMIN_PASSWORD}, …): the first
 * administrator, made at start-up when the directory has nobody yet ({@link FirstAdministrator}).
 */
@ConfigurationProperties(prefix = "ttdn.admin")
record AdminProperties(String username, String password, String fullName, String email) {

    boolean given() {
        return username != null && !username.isBlank() && password != null && !password.isEmpty();
    }
}
