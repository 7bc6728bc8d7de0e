package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the plan assigns the body its tasks (giao) or only requests them (đề nghị): silence of the latter never blocks. */
public enum AskKind {
    ASSIGNED, REQUESTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
