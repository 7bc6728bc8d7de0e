package vn.ttdn.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.plan.PlanDocument.IssuerLine;
import vn.ttdn.system.Wording;

/**
 * The top of a document, derived from the directory: who issues it, its number and its date
 * line, as Decree 30/2020/NĐ-CP (state bodies) and Guidance 36-HD/VPTW (Party bodies) lay them out.
 * "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI", "UBND TỈNH QUẢNG NGÃI / SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
 * "ĐẢNG BỘ TỈNH NINH THUẬN / THÀNH ỦY PHAN RANG - THÁP CHÀM", "TỈNH ỦY NINH THUẬN / BAN TUYÊN GIÁO";
 * at the centre "CHÍNH PHỦ", "BỘ NGOẠI GIAO" (a ministry prints no superior), "BỘ NGOẠI GIAO / CỤC …";
 * at the commune "ỦY BAN NHÂN DÂN / XÃ HÒA TIẾN".
 */
final class DocumentHeadings {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern COUNCIL = Pattern.compile("^(Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\\s+(.+)$");
    private static final Pattern PARTY_COMMITTEE = Pattern.compile("^(Tỉnh|Thành|Huyện|Thị|Quận) (?:ủy|uỷ)\\s+(.+)$");
    /** The last place word of a name and the place after it: "… tỉnh Quảng Ngãi", "Thành ủy Phan Rang - Tháp Chàm". */
    private static final Pattern PLACE = Pattern.compile(
            "^.*(?:^|[\\s,])(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu"
                    + "|(?:Tỉnh|Thành|Huyện|Thị|Quận) (?:ủy|uỷ))\\s+([^,]+)$");
    /** Where central bodies sit (Decree 30/2020: the place of a central body's documents). */
    static final String CAPITAL = "Hà Nội";

    private DocumentHeadings() {
    }

    /** Party format for Party committees and boards, and for the offices that serve them. */
    static boolean isParty(BodyView issuer, BodyView parent) {
        return issuer != null && (issuer.kind().isParty()
                || (issuer.kind() == BodyKind.OFFICE && parent != null && parent.kind().isParty()));
    }

    static List<IssuerLine> issuerLines(BodyView issuer, BodyView parent, String fallbackName) {
        if (issuer == null) {
            return List.of(bold(fallbackName));
        }
        if (isParty(issuer, parent)) {
            return partyLines(issuer, parent);
        }
        Matcher council = COUNCIL.matcher(issuer.name());
        if (council.matches()) {
            return List.of(bold(council.group(1)), bold(council.group(2)));
        }
        if (parent == null || isGovernment(parent)) {
            // the Government, a ministry, the Prime Minister, a province's UBND: no superior line
            return List.of(bold(issuer.name()));
        }
        if (issuer.level() == BodyLevel.CENTRAL) {
            // a department of a ministry (Cục, Vụ): the ministry plain above it
            return List.of(plain(parent.name()), bold(withoutTail(issuer.name(), parent.name(), issuer.name())));
        }
        return List.of(plain(abbreviate(parent.name())),
                bold(withoutTail(issuer.name(), stateLocality(parent), shortName(issuer))));
    }

    /** The Government itself (Chính phủ): a central state body above every other, with no superior. */
    private static boolean isGovernment(BodyView body) {
        return body.kind() == BodyKind.GOVERNMENT && body.level() == BodyLevel.CENTRAL && body.parent() == null;
    }

    private static List<IssuerLine> partyLines(BodyView issuer, BodyView parent) {
        if (parent == null || !parent.kind().isParty()) {
            return List.of(bold(issuer.name()));
        }
        if (issuer.kind() == BodyKind.PARTY_COMMITTEE) {
            Matcher committee = PARTY_COMMITTEE.matcher(parent.name());
            String place = committee.matches() ? unit(committee.group(1)) + " " + committee.group(2) : parent.name();
            return List.of(plain("Đảng bộ " + place), bold(withoutTail(issuer.name(), place, issuer.name())));
        }
        return List.of(plain(parent.name()), bold(withoutTail(issuer.name(), parent.name(), shortName(issuer))));
    }

    /**
     * Where the document is signed: the place in the issuer's name (or its superior's): "Quảng Ngãi",
     * "Hòa Tiến" for a commune's body. A central body sits in the capital: "Hà Nội" (a plan file's
     * {@code source.place} says otherwise where it must).
     */
    static String place(BodyView issuer, BodyView parent) {
        if (issuer != null && issuer.level() == BodyLevel.CENTRAL) {
            return CAPITAL;
        }
        for (BodyView body : new BodyView[] {issuer, parent}) {
            if (body != null) {
                Matcher m = PLACE.matcher(body.name());
                if (m.matches()) {
                    return m.group(1).trim();
                }
            }
        }
        return null;
    }

    /** "Số: 116/KH-UBND" (state) or "Số 256-KH/TU" (Party); with a blank for the number until issued. */
    static Wording number(boolean party, String number, String documentType, String register) {
        if (number != null) {
            return Wording.of(party ? "document.number.party" : "document.number.state", number);
        }
        String suffix = register == null ? documentType : documentType + (party ? "/" : "-") + register;
        return Wording.of(party ? "document.number.partyBlank" : "document.number.stateBlank", suffix);
    }

    /**
     * "Quảng Ngãi, ngày 03 tháng 6 năm 2024"; with blanks for day and month until issued (the draft's
     * year given), or for the year as well when the issued document's date is not known ({@code null}).
     */
    static Wording placeDate(String place, LocalDate date, Integer draftYear) {
        if (date == null && draftYear == null) {
            return place == null ? Wording.of("document.dateUnknown") : Wording.of("document.placeDateUnknown", place);
        }
        if (date == null) {
            String year = Integer.toString(draftYear);
            return place == null ? Wording.of("document.dateBlank", year)
                    : Wording.of("document.placeDateBlank", place, year);
        }
        String day = String.format("%02d", date.getDayOfMonth());
        int m = date.getMonthValue();
        String month = m < 3 ? String.format("%02d", m) : Integer.toString(m);
        String year = Integer.toString(date.getYear());
        return place == null ? Wording.of("document.date", day, month, year)
                : Wording.of("document.placeDate", place, day, month, year);
    }

    private static String stateLocality(BodyView parent) {
        Matcher council = COUNCIL.matcher(parent.name());
        return council.matches() ? council.group(2) : parent.name();
    }

    /**
     * A name without the superior it ends with ("Sở Nội vụ tỉnh Quảng Ngãi" → "Sở Nội vụ",
     * "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm" → "Ban Tuyên giáo"); the fallback otherwise.
     */
    private static String withoutTail(String name, String superior, String fallback) {
        for (String separator : new String[] {" - ", " – ", ", ", " "}) {
            String tail = separator + superior;
            if (name.length() > tail.length() && name.toLowerCase(VI).endsWith(tail.toLowerCase(VI))) {
                return name.substring(0, name.length() - tail.length());
            }
        }
        return fallback;
    }

    private static String shortName(BodyView body) {
        return body.shortName() != null ? body.shortName() : body.name();
    }

    private static String abbreviate(String name) {
        return name.replaceFirst("^(Ủy|Uỷ) ban nhân dân", "UBND").replaceFirst("^Hội đồng nhân dân", "HĐND");
    }

    private static String unit(String partyWord) {
        return switch (partyWord) {
            case "Tỉnh" -> "tỉnh";
            case "Thành" -> "thành phố";
            case "Huyện" -> "huyện";
            case "Thị" -> "thị xã";
            default -> "quận";
        };
    }

    private static IssuerLine bold(String text) {
        return new IssuerLine(text.toUpperCase(VI), true);
    }

    private static IssuerLine plain(String text) {
        return new IssuerLine(text.toUpperCase(VI), false);
    }
}
