package vn.ttdn.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether the plan assigns a task (giao) or requests it of a body outside its command (đề nghị). */
public enum TaskKind {
    ASSIGNED, REQUESTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TaskKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
