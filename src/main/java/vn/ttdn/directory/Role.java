package vn.ttdn.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a person may do. Spring Security sees each as the authority {@code ROLE_<NAME>}. */
public enum Role {
    /** Chuyên viên: claims and completes tasks of their body. */
    OFFICER,
    /** Lãnh đạo: approves, signs, returns. */
    LEADER,
    /** Văn thư: numbers and issues documents. */
    CLERK,
    /** Follows every process instance. */
    SUPERVISOR,
    /** Replays history and verifies the record. */
    AUDITOR,
    /** Keeps the directory, imports plans, deploys processes. */
    ADMIN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
