package vn.ttdn.approval;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** A leader's decision on a Tờ trình; the forms carry it as the field {@code decision}. */
public enum Decision {
    APPROVE("approve"), RETURN("return");

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Decision> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
