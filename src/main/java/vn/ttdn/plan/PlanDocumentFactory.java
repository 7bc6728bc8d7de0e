package vn.ttdn.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanDocument.BodyLabel;
import vn.ttdn.plan.PlanDocument.TaskGroupRow;
import vn.ttdn.plan.PlanDocument.TaskRow;
import vn.ttdn.system.Wording;

/** Lays a plan out as its document: heading, numbered parts, appendix table, reporting rule. */
@Component
class PlanDocumentFactory {

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

    private final DirectoryService directory;

    PlanDocumentFactory(DirectoryService directory) {
        this.directory = directory;
    }

    /** @param today for the year of a draft's date line (an issued plan's date line shows its own year, or none) */
    PlanDocument build(PlanDetails plan, LocalDate today) {
        BodyView issuer = directory.body(plan.issuer().code()).orElse(null);
        BodyView parent = issuer == null || issuer.parent() == null ? null : directory.body(issuer.parent()).orElse(null);
        boolean party = DocumentHeadings.isParty(issuer, parent);
        PlanFile.Source source = plan.source();
        // Only an issued plan has its number, date and signer: those the register and the approval
        // gave it, or, for a plan that came in issued, those its document prints. A document kept
        // without its header prints neither number nor date: both stay blank, the year too.
        PlanDetails.Issued registered = plan.issued();
        boolean issued = plan.status() == PlanStatus.ISSUED;
        String number = !issued ? null : registered != null ? registered.reference()
                : source == null ? null : source.number();
        LocalDate date = !issued ? null : registered != null ? registered.issuedOn()
                : source == null ? null : source.date();
        String place = source != null && source.place() != null ? source.place() : DocumentHeadings.place(issuer, parent);
        PlanFile.Signer signer = registered != null && registered.signerName() != null
                ? new PlanFile.Signer(registered.signerName(), signerTitle(registered))
                : source == null ? null : source.signer();
        return new PlanDocument(party, !issued,
                DocumentHeadings.issuerLines(issuer, parent, plan.issuer().name()),
                DocumentHeadings.number(party, number, plan.documentType(), issuer == null ? null : issuer.register()),
                DocumentHeadings.placeDate(place, date, issued ? null : today.getYear()),
                sectionNumbers(plan), issued && number == null ? Wording.of("plan.source.unnumbered")
                        : sourceLine(source), submissionLine(source),
                signer == null || signer.title() == null ? List.of() : lines(signer.title()),
                signer == null ? null : signer.name(),
                appendixCaption(plan, number, date), taskGroups(plan), ReportingWords.of(plan.reporting()));
    }

    /** "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"; either may be missing when the document prints none. */
    private static String signerTitle(PlanDetails.Issued issued) {
        String title = Stream.of(issued.authority(), issued.position()).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        return title.isEmpty() ? null : title;
    }

    private static Map<String, String> sectionNumbers(PlanDetails plan) {
        Map<String, Boolean> present = new LinkedHashMap<>();
        present.put(PlanDocument.PURPOSE, !plan.purpose().isEmpty() || !plan.requirements().isEmpty());
        present.put(PlanDocument.MEASURES, !plan.measures().isEmpty() || !plan.groups().isEmpty());
        present.put(PlanDocument.FUNDING, plan.funding() != null && !plan.funding().isBlank());
        present.put(PlanDocument.ORGANISATION, !plan.organisation().isEmpty());
        Map<String, String> numbers = new LinkedHashMap<>();
        present.forEach((part, shown) -> {
            if (shown) {
                numbers.put(part, ROMAN[numbers.size()]);
            }
        });
        return numbers;
    }

    private static Wording sourceLine(PlanFile.Source source) {
        if (source == null || source.number() == null) {
            return null;
        }
        return source.date() == null ? Wording.of("plan.source.documentNoDate", source.number())
                : Wording.of("plan.source.document", source.number(), PrintedDate.of(source.date()));
    }

    private static Wording submissionLine(PlanFile.Source source) {
        PlanFile.Submission submission = source == null ? null : source.submission();
        if (submission == null || submission.number() == null) {
            return null;
        }
        return submission.date() == null ? Wording.of("plan.source.submissionNoDate", submission.number())
                : Wording.of("plan.source.submission", submission.number(),
                        PrintedDate.of(submission.date()));
    }

    /** "(Kèm theo Kế hoạch số 116/KH-UBND ngày 03/6/2024 của …)", "(Kèm theo Chương trình số 05/CTr-BNG …)". */
    private static Wording appendixCaption(PlanDetails plan, String number, LocalDate date) {
        String type = plan.type().word();
        if (number == null) {
            return Wording.of("document.appendix.captionDraft", plan.issuer().name(), type);
        }
        return date == null ? Wording.of("document.appendix.captionNoDate", number, plan.issuer().name(), type)
                : Wording.of("document.appendix.caption", number, PrintedDate.of(date),
                        plan.issuer().name(), type);
    }

    private List<TaskGroupRow> taskGroups(PlanDetails plan) {
        Set<String> codes = new LinkedHashSet<>();
        plan.groups().forEach(g -> g.tasks().forEach(t -> {
            t.lead().forEach(b -> codes.add(b.code()));
            t.cooperating().forEach(b -> codes.add(b.code()));
        }));
        Map<String, BodyView> bodies = codes.isEmpty() ? Map.of() : directory.bodies(codes);
        return plan.groups().stream().map(g -> new TaskGroupRow(g.number(), g.title(), g.description(),
                g.tasks().stream().map(t -> new TaskRow(t.number(), t.content(), labels(t.lead(), bodies),
                        labels(t.cooperating(), bodies), timeline(t), blankToNull(t.timelineText()), t.kind()))
                        .toList()))
                .toList();
    }

    private static Wording timeline(PlanDetails.Task task) {
        return task.readTimeline().map(t -> new Wording(t.labelKey(), t.labelArguments())).orElse(null);
    }

    private static List<BodyLabel> labels(List<BodyRef> refs, Map<String, BodyView> bodies) {
        return refs.stream().map(ref -> {
            BodyView body = bodies.get(ref.code());
            String label = body != null && body.shortName() != null ? body.shortName() : ref.name();
            return new BodyLabel(ref.code(), label, ref.name());
        }).toList();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
