package vn.ttdn.plan;

import java.time.LocalDate;
import java.util.List;
import vn.ttdn.directory.BodyRef;

/**
 * A whole plan as the API and the plan page show it: bodies named, timelines readable.
 * {@code version} moves on with every change; an edit names the version it was made on.
 */
public record PlanDetails(
        long id,
        String code,
        String documentType,
        String title,
        BodyRef issuer,
        BodyRef consolidatingBody,
        PlanStatus status,
        PlanFile.Source source,
        String preamble,
        List<String> legalBases,
        List<String> purpose,
        List<String> requirements,
        List<PlanFile.Measure> measures,
        List<Group> groups,
        String funding,
        List<PlanFile.Organisation> organisation,
        Reporting reporting,
        List<Recipient> recipients,
        int taskCount,
        Issued issued,
        int version) {

    /** Kế hoạch or Chương trình, as its {@code documentType} says. */
    public DocumentType type() {
        return DocumentType.of(documentType);
    }

    /** How a sentence names it: "Kế hoạch QNG-KH-116", "Chương trình BNG-CTR-2027". */
    public String named() {
        return type().word() + " " + code;
    }

    /** How a report names it: by its number once issued with one ("Kế hoạch số 116/KH-UBND"), else {@link #named()}. */
    public String namedByNumber() {
        return issued != null && issued.reference() != null ? type().word() + " số " + issued.reference() : named();
    }

    public record Group(String number, String title, String description, List<Task> tasks) {
    }

    public record Task(String number, String content, List<BodyRef> lead, List<BodyRef> cooperating, String timeline,
                       String timelineText, TaskKind kind) {

        /** The timeline read, for showing it in words; empty when the plan gives none. */
        public java.util.Optional<Timeline> readTimeline() {
            return Timeline.parse(timeline);
        }
    }

    /**
     * The rule: {@code halfYearDeadline} ("15/6") when the bodies also report on the first six months
     * of every year, before that day (Decree 09/2019/NĐ-CP: data from 15/12 of the year before to 14/6).
     */
    public record Reporting(BodyRef receiver, List<BodyRef> consolidatedTo, boolean yearly, String yearlyDeadline,
                            List<LocalDate> fixedDeadlines, String consolidationDeadline, boolean adHoc, String text,
                            List<PlanFile.Indicator> indicators, String halfYearDeadline) {

        /** A rule without a six-month report. */
        public Reporting(BodyRef receiver, List<BodyRef> consolidatedTo, boolean yearly, String yearlyDeadline,
                         List<LocalDate> fixedDeadlines, String consolidationDeadline, boolean adHoc, String text,
                         List<PlanFile.Indicator> indicators) {
            this(receiver, consolidatedTo, yearly, yearlyDeadline, fixedDeadlines, consolidationDeadline, adHoc, text,
                    indicators, null);
        }
    }

    public record Recipient(String label, List<BodyRef> bodies) {
    }

    /**
     * The number, date and signer block of an issued plan ({@code null} before): "KT. CHỦ TỊCH",
     * "PHÓ CHỦ TỊCH", and the name, as printed under the text.
     */
    public record Issued(String reference, LocalDate issuedOn, String authority, String position, String signerName) {
    }
}
