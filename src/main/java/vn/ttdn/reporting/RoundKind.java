package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A periodic round (yearly, or on a fixed date the plan gives) or an ad-hoc one (đột xuất). */
public enum RoundKind {
    YEARLY, ADHOC;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
