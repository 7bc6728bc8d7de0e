package vn.ttdn.plan;

import java.util.List;
import java.util.Map;
import vn.ttdn.system.Wording;

/**
 * A plan laid out as the issued document prints it (model attribute {@code document} of the plan
 * page, beside {@code plan}, the {@link PlanDetails}). Everything the page shows in words is a
 * {@link Wording} or a text of the plan itself.
 *
 * @param party          a Party document (ĐẢNG CỘNG SẢN VIỆT NAM, "Số 256-KH/TU") rather than a state one
 * @param draft          not issued yet: no number, no date, marked "DỰ THẢO"
 * @param issuerLines    the issuing body as the top-left corner prints it, line by line
 * @param sectionNumbers Roman numerals of the parts present: purpose, measures, funding, organisation
 * @param source         the original document's number and date (info box), or null
 * @param submission     the Tờ trình the plan was made on, or null
 * @param taskGroups     the appendix table (Danh mục nhiệm vụ)
 * @param reporting      the reporting rule in words
 */
public record PlanDocument(
        boolean party,
        boolean draft,
        List<IssuerLine> issuerLines,
        Wording number,
        Wording placeDate,
        Map<String, String> sectionNumbers,
        Wording source,
        Wording submission,
        List<String> signerTitle,
        String signerName,
        Wording appendixCaption,
        List<TaskGroupRow> taskGroups,
        List<Wording> reporting) {

    public static final String PURPOSE = "purpose";
    public static final String MEASURES = "measures";
    public static final String FUNDING = "funding";
    public static final String ORGANISATION = "organisation";

    public PlanDocument {
        issuerLines = List.copyOf(issuerLines);
        sectionNumbers = Map.copyOf(sectionNumbers);
        signerTitle = List.copyOf(signerTitle);
        taskGroups = List.copyOf(taskGroups);
        reporting = List.copyOf(reporting);
    }

    /** The Roman numeral of a part ("I", "II", …), or null when the plan has no such part. */
    public String section(String part) {
        return sectionNumbers.get(part);
    }

    public boolean has(String part) {
        return sectionNumbers.containsKey(part);
    }

    /** A line of the issuer block: the superior body in plain letters, the issuer in bold. */
    public record IssuerLine(String text, boolean bold) {
    }

    /** A body as the task table names it: the short name, with the full name for a tooltip. */
    public record BodyLabel(String code, String label, String name) {
    }

    public record TaskGroupRow(String number, String title, String description, List<TaskRow> tasks) {
    }

    /**
     * A task row. The timeline column shows {@code timelineText} when the plan words it itself,
     * otherwise {@code timeline} (a bundle wording such as "Hàng năm"), otherwise nothing.
     */
    public record TaskRow(String number, String content, List<BodyLabel> lead, List<BodyLabel> cooperating,
                          Wording timeline, String timelineText, TaskKind kind) {

        public boolean requested() {
            return kind == TaskKind.REQUESTED;
        }
    }
}
