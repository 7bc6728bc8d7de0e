package vn.ttdn.documents;

import static vn.ttdn.documents.Texts.nfc;
import static vn.ttdn.documents.Texts.present;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.ttdn.plan.PlanDocument.IssuerLine;
import vn.ttdn.reporting.Consolidation;
import vn.ttdn.reporting.Consolidation.Body;
import vn.ttdn.reporting.Consolidation.Indicator;
import vn.ttdn.reporting.Consolidation.Narrative;
import vn.ttdn.reporting.Consolidation.Status;
import vn.ttdn.reporting.Consolidation.Timeliness;
import vn.ttdn.reporting.RoundKind;
import vn.ttdn.documents.ReportLayout.Block;
import vn.ttdn.documents.ReportLayout.Column;
import vn.ttdn.documents.ReportLayout.Grid;
import vn.ttdn.documents.ReportLayout.Paragraph;
import vn.ttdn.documents.ReportLayout.Row;
import vn.ttdn.documents.ReportLayout.Section;
import vn.ttdn.documents.ReportLayout.Subheading;
import vn.ttdn.documents.ReportLayout.Table;

/**
 * Lays a {@link Consolidation} out as a report ({@link ReportLayout}): the heading, an opening that
 * says the period and who reported, the narrative parts present numbered I, II, … (a null or blank
 * part is left out with its heading; part I also carries the task summary and the indicators, so it
 * stays while there are figures), the signing block and the appendix. A record with a single body
 * is that body's own report to the consolidating body.
 */
final class ReportLayouts {

    /** The width of the text on an A4 portrait page: 210 mm less 30 mm left and 15 mm right. */
    static final int PORTRAIT_WIDTH = 165;
    /** The width of the text on an A4 landscape page: 297 mm less the same margins. */
    static final int LANDSCAPE_WIDTH = 252;
    /** Where a number or a day is not known yet (a draft): non-breaking, so no renderer folds it. */
    static final String BLANK = "\u00A0".repeat(8);
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private ReportLayouts() {
    }

    static ReportLayout of(Consolidation c) {
        boolean party = c.letterhead().party();
        boolean draft = c.number() == null;
        return new ReportLayout(party, draft, issuerLines(c), numberLine(party, c.number(), c.register()),
                placeDate(c.letterhead().place(), c.dated(), draftYear(c)), nfc(c.subject()), opening(c),
                sections(c), recipients(c), signerTitle(c), c.signer() == null ? "" : nfc(c.signer().name()),
                AppendixGrids.of(c, caption(c)));
    }

    static boolean single(Consolidation c) {
        return c.bodies().size() == 1;
    }

    /** Who the report is from: the one body of its own report, else the consolidating body. */
    static String author(Consolidation c) {
        return nfc(single(c) ? c.bodies().get(0).name() : c.consolidatingName());
    }

    private static List<IssuerLine> issuerLines(Consolidation c) {
        return c.letterhead().issuerLines().stream().map(l -> new IssuerLine(Texts.upper(l.text()), l.bold())).toList();
    }

    static String numberLine(boolean party, String number, String register) {
        if (number != null) {
            return (party ? "Số " : "Số: ") + nfc(number);
        }
        String symbol = present(register) ? nfc(register) : "……";
        return party ? "Số " + BLANK + "-BC/" + symbol : "Số: " + BLANK + "/BC-" + symbol;
    }

    /** "Quảng Ngãi, ngày 05 tháng 12 năm 2026": days under 10 and months 1–2 with a leading zero. */
    static String placeDate(String place, LocalDate dated, int draftYear) {
        String prefix = present(place) ? nfc(place) + ", ngày " : "Ngày ";
        if (dated == null) {
            return prefix + BLANK + " tháng " + BLANK + " năm " + draftYear;
        }
        int month = dated.getMonthValue();
        return prefix + String.format("%02d", dated.getDayOfMonth()) + " tháng "
                + (month < 3 ? String.format("%02d", month) : Integer.toString(month)) + " năm " + dated.getYear();
    }

    /** A draft is dated in the year it is written. */
    private static int draftYear(Consolidation c) {
        return c.assembledAt() == null ? c.year() : c.assembledAt().atZone(Texts.VIET_NAM).getYear();
    }

    private static List<String> opening(Consolidation c) {
        String plan = present(c.planDocument()) ? "Thực hiện " + nfc(c.planDocument()) + ", "
                : c.plan() == null ? "" : "Thực hiện Kế hoạch " + nfc(c.plan().code()) + ", ";
        String what = "kết quả thực hiện" + (c.kind() == RoundKind.ADHOC ? "" : " " + c.kind().periodWords(c.year()))
                + period(c);
        if (single(c)) {
            return List.of(plan + author(c) + " báo cáo " + what + " như sau:");
        }
        long in = c.bodies().stream().filter(ReportLayouts::reported).count();
        long late = c.bodies().stream().filter(b -> b.timeliness() == Timeliness.LATE).count();
        int asked = c.bodies().size();
        String first = plan + author(c) + " đề nghị " + asked + " cơ quan, đơn vị báo cáo " + what + ". Đến nay, "
                + in + "/" + asked + " cơ quan, đơn vị đã gửi báo cáo (" + (in - late) + " đúng hạn, " + late
                + " quá hạn); " + (asked - in) + " cơ quan, đơn vị chưa gửi báo cáo (chi tiết tại Biểu 2 kèm theo).";
        return List.of(first, "Trên cơ sở báo cáo của các cơ quan, đơn vị, " + author(c) + " tổng hợp, báo cáo như sau:");
    }

    static boolean reported(Body body) {
        return body.timeliness() == Timeliness.ON_TIME || body.timeliness() == Timeliness.LATE;
    }

    private static String period(Consolidation c) {
        if (c.period() == null || c.period().from() == null || c.period().to() == null) {
            return "";
        }
        return " (số liệu từ ngày " + Texts.day(c.period().from()) + " đến ngày " + Texts.day(c.period().to()) + ")";
    }

    private static List<Section> sections(Consolidation c) {
        Narrative n = c.narrative() == null ? new Narrative(null, null, null, null, null) : c.narrative();
        List<List<Block>> parts = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        add(headings, parts, Words.ACHIEVEMENTS, results(c, n));
        add(headings, parts, shortcomingsHeading(n), shortcomings(n));
        add(headings, parts, Words.DIRECTIONS, paragraphs(n.directions()));
        add(headings, parts, Words.RECOMMENDATIONS, paragraphs(n.recommendations()));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            sections.add(new Section(ROMAN[i] + ". " + headings.get(i), parts.get(i)));
        }
        return sections;
    }

    private static void add(List<String> headings, List<List<Block>> parts, String heading, List<Block> blocks) {
        if (!blocks.isEmpty()) {
            headings.add(heading);
            parts.add(blocks);
        }
    }

    private static List<Block> paragraphs(String text) {
        return Texts.paragraphs(text).stream().<Block>map(Paragraph::new).toList();
    }

    private static List<Block> results(Consolidation c, Narrative n) {
        List<Block> blocks = new ArrayList<>(paragraphs(n.achievements()));
        String summary = taskSummary(c);
        if (summary != null) {
            blocks.add(new Paragraph(summary));
        }
        if (c.indicators() != null && !c.indicators().isEmpty()) {
            blocks.add(new Paragraph("Kết quả thực hiện một số chỉ tiêu chủ yếu:"));
            blocks.add(new Table(indicators(c)));
        }
        return blocks;
    }

    private static String shortcomingsHeading(Narrative n) {
        boolean shortcomings = present(n.shortcomings());
        boolean causes = present(n.causes());
        return shortcomings && causes ? Words.SHORTCOMINGS_AND_CAUSES : shortcomings ? Words.SHORTCOMINGS : Words.CAUSES;
    }

    private static List<Block> shortcomings(Narrative n) {
        if (!present(n.shortcomings()) || !present(n.causes())) {
            return paragraphs(present(n.shortcomings()) ? n.shortcomings() : n.causes());
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Subheading("1. Tồn tại, hạn chế"));
        blocks.addAll(paragraphs(n.shortcomings()));
        blocks.add(new Subheading("2. Nguyên nhân"));
        blocks.addAll(paragraphs(n.causes()));
        return blocks;
    }

    /** "Trong tổng số 15 nhiệm vụ: 6 nhiệm vụ hoàn thành đúng hạn, …": the overall (or the body's own) statuses. */
    private static String taskSummary(Consolidation c) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        c.groups().forEach(g -> g.tasks().forEach(t -> counts.merge(AppendixGrids.status(c, t), 1, Integer::sum)));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " nhiệm vụ " + Texts.inSentence(status.label)));
        return "Trong tổng số " + total + " nhiệm vụ: " + String.join(", ", parts) + " (chi tiết tại Phụ lục kèm theo).";
    }

    private static Grid indicators(Consolidation c) {
        boolean lastYear = c.indicators().stream().anyMatch(i -> i.lastYear() != null);
        boolean yearly = c.kind() == RoundKind.YEARLY;
        List<Column> columns = new ArrayList<>(List.of(new Column(Words.NUMBER, 14, true),
                new Column("Chỉ tiêu", lastYear ? 73 : 88, false), new Column("Đơn vị tính", lastYear ? 26 : 28, true),
                new Column(yearly ? "Năm " + c.year() : "Kỳ báo cáo", lastYear ? 26 : 35, true)));
        if (lastYear) {
            columns.add(new Column(yearly ? "Năm " + (c.year() - 1) : "Kỳ trước", 26, true));
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Indicator indicator : c.indicators()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(++i), indicator.label(),
                    indicator.unit() == null ? "" : indicator.unit(), Texts.figure(indicator.total())));
            if (lastYear) {
                cells.add(Texts.figure(indicator.lastYear()));
            }
            rows.add(Row.of(cells));
        }
        return new Grid(null, columns, rows, null);
    }

    private static List<String> recipients(Consolidation c) {
        List<String> lines = new ArrayList<>();
        if (c.recipients() != null) {
            c.recipients().stream().filter(Texts::present).forEach(r -> lines.add("- " + nfc(r.strip()) + ";"));
        }
        lines.add("- " + Words.ARCHIVE + (present(c.archive()) ? nfc(c.archive().strip()) : "VT") + ".");
        return lines;
    }

    private static List<String> signerTitle(Consolidation c) {
        if (c.signer() == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (present(c.signer().authority())) {
            lines.add(Texts.upper(c.signer().authority()));
        }
        if (present(c.signer().position())) {
            lines.add(Texts.upper(c.signer().position()));
        }
        return lines;
    }

    /** "(Kèm theo Báo cáo số 12/BC-SVHTTDL ngày 05/12/2026 của Sở …)", with blanks for a draft. */
    private static String caption(Consolidation c) {
        String number = c.number() == null ? BLANK : nfc(c.number());
        String day = c.dated() == null ? BLANK + "/" + BLANK + "/" + draftYear(c) : Texts.day(c.dated());
        return "(Kèm theo Báo cáo số " + number + " ngày " + day + " của " + author(c) + ")";
    }
}
