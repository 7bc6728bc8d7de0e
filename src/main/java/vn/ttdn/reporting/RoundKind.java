package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A periodic round (yearly, or on a fixed date the plan gives; or on the first six months of a year)
 * or an ad-hoc one (đột xuất).
 */
public enum RoundKind {
    YEARLY, ADHOC,
    /** The six-month report (báo cáo 6 tháng đầu năm): data from 15/12 of the year before to 14/6. */
    HALF_YEAR;

    @JsonValue
    public String code() {
        return this == HALF_YEAR ? "halfyear" : name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the round's name on the pages ("Báo cáo năm {0}", "Báo cáo 6 tháng đầu năm {0}"). */
    public String titleKey() {
        return switch (this) {
            case YEARLY -> "rounds.yearly";
            case HALF_YEAR -> "rounds.halfYear";
            case ADHOC -> "rounds.adhoc";
        };
    }

    /** What a periodic report covers, in a sentence ("năm 2027", "6 tháng đầu năm 2027"); null for an ad-hoc one. */
    public String periodWords(int year) {
        return switch (this) {
            case YEARLY -> "năm " + year;
            case HALF_YEAR -> "6 tháng đầu năm " + year;
            case ADHOC -> null;
        };
    }

    /** The data a periodic report of the year covers (Decree 09/2019/NĐ-CP, Article 12); null for an ad-hoc one. */
    public LocalDate periodFrom(int year) {
        return this == ADHOC ? null : LocalDate.of(year - 1, 12, 15);
    }

    public LocalDate periodTo(int year) {
        return switch (this) {
            case YEARLY -> LocalDate.of(year, 12, 14);
            case HALF_YEAR -> LocalDate.of(year, 6, 14);
            case ADHOC -> null;
        };
    }
}
