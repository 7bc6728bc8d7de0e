package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a round stands: scheduled (its opening day has not come), open (reports coming in), ready
 * to consolidate (every assigned body has submitted or is late), closed (what is not in is missing).
 */
public enum RoundStatus {
    SCHEDULED, OPEN, READY, CLOSED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
