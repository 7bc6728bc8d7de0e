package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where one body's report stands in a round: not started, drafted (with its leader), returned (by
 * its leader or sent back by the consolidating body), submitted (approved and numbered), received
 * (final), missing (not in when the round closed). Late is said beside it ({@link RoundBodyView#late()}).
 */
public enum BodyState {
    PENDING, DRAFT, RETURNED, SUBMITTED, RECEIVED, MISSING;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report is with the consolidating body (submitted or received). */
    public boolean isIn() {
        return this == SUBMITTED || this == RECEIVED;
    }
}
