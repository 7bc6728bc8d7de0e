package vn.ttdn.plan.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanFile;
import vn.ttdn.plan.PlanSummary;

/** Between the three forms of a plan: the file, the stored entity, and the details shown. */
@Component
public class PlanMapper {

    private final DirectoryService directory;

    PlanMapper(DirectoryService directory) {
        this.directory = directory;
    }

    public PlanEntity toEntity(PlanFile file, String createdBy) {
        PlanEntity plan = new PlanEntity(file.code(), createdBy);
        plan.setDocumentType(file.documentType());
        plan.setTitle(file.title());
        plan.setIssuerCode(file.issuer());
        plan.setConsolidatingCode(file.consolidatingBody());
        PlanFile.Source source = file.source();
        if (source != null) {
            SourceReference ref = plan.getSource();
            ref.setNumber(source.number());
            ref.setDate(source.date());
            ref.setPlace(source.place());
            if (source.signer() != null) {
                ref.setSignerName(source.signer().name());
                ref.setSignerTitle(source.signer().title());
            }
            if (source.submission() != null) {
                ref.setSubmissionNumber(source.submission().number());
                ref.setSubmissionDate(source.submission().date());
            }
            ref.setFile(source.file());
        }
        plan.setPreamble(file.preamble());
        plan.getLegalBases().addAll(file.legalBases());
        plan.getPurposes().addAll(file.purpose());
        plan.getRequirements().addAll(file.requirements());
        file.measures().forEach(m -> plan.getMeasures().add(new MeasureEntity(m.number(), m.title(), m.items())));
        for (PlanFile.Group g : file.groups()) {
            TaskGroupEntity group = new TaskGroupEntity(g.number(), g.title(), g.description());
            for (PlanFile.Task t : g.tasks()) {
                group.getTasks().add(new PlanTaskEntity(plan, t.number(), t.content(), t.timeline(), t.timelineText(),
                        t.kind(), t.lead(), t.cooperating()));
            }
            plan.getGroups().add(group);
        }
        plan.setFunding(file.funding());
        file.organisation().forEach(o -> plan.getOrganisation().add(new OrganisationParagraph(o.heading(), o.text())));
        PlanFile.Reporting reporting = file.reporting();
        ReportingRule rule = plan.getReporting();
        rule.setReceiverCode(reporting.receiver());
        rule.setYearly(reporting.yearly());
        rule.setYearlyDeadline(reporting.yearlyDeadline());
        rule.setHalfYearDeadline(reporting.halfYearDeadline());
        rule.setConsolidationDeadline(reporting.consolidationDeadline());
        rule.setAdHoc(reporting.adHoc());
        rule.setText(reporting.text());
        plan.getConsolidatedTo().addAll(reporting.consolidatedTo());
        plan.getFixedDeadlines().addAll(reporting.fixedDeadlines());
        reporting.indicators().forEach(i -> plan.getIndicators().add(new IndicatorItem(i.code(), i.label(), i.unit())));
        file.recipients().forEach(r -> plan.getRecipients().add(new RecipientEntity(r.label(), r.bodies())));
        return plan;
    }

    public PlanFile toFile(PlanEntity plan) {
        SourceReference ref = plan.getSource();
        PlanFile.Source source = new PlanFile.Source(ref.getNumber(), ref.getDate(), ref.getPlace(),
                ref.getSignerName() == null ? null : new PlanFile.Signer(ref.getSignerName(), ref.getSignerTitle()),
                ref.getSubmissionNumber() == null && ref.getSubmissionDate() == null ? null
                        : new PlanFile.Submission(ref.getSubmissionNumber(), ref.getSubmissionDate()),
                ref.getFile());
        ReportingRule rule = plan.getReporting();
        return new PlanFile(PlanFile.FORMAT, plan.getCode(), plan.getDocumentType(), plan.getTitle(),
                plan.getIssuerCode(), plan.getConsolidatingCode(), isEmpty(source) ? null : source, plan.getPreamble(),
                plan.getLegalBases(), plan.getPurposes(), plan.getRequirements(),
                plan.getMeasures().stream().map(m -> new PlanFile.Measure(m.getNumber(), m.getTitle(), m.getItems())).toList(),
                plan.getGroups().stream().map(g -> new PlanFile.Group(g.getNumber(), g.getTitle(), g.getDescription(),
                        g.getTasks().stream().map(t -> new PlanFile.Task(t.getNumber(), t.getContent(), t.getLead(),
                                t.getCooperating(), t.getTimeline(), t.getTimelineText(), t.getKind())).toList())).toList(),
                plan.getFunding(),
                plan.getOrganisation().stream().map(o -> new PlanFile.Organisation(o.getHeading(), o.getText())).toList(),
                new PlanFile.Reporting(rule.getReceiverCode(), plan.getConsolidatedTo(), rule.isYearly(),
                        rule.getYearlyDeadline(), plan.getFixedDeadlines(), rule.getConsolidationDeadline(),
                        rule.isAdHoc(), rule.getText(), plan.getIndicators().stream()
                        .map(i -> new PlanFile.Indicator(i.getCode(), i.getLabel(), i.getUnit())).toList(),
                        rule.getHalfYearDeadline()),
                plan.getRecipients().stream().map(r -> new PlanFile.Recipient(r.getLabel(), r.getBodies())).toList());
    }

    public PlanDetails toDetails(PlanEntity plan) {
        return toDetails(plan, toFile(plan));
    }

    /**
     * The details of a plan as a file gives its text (a version kept of it): the id, status and
     * issuance are the plan's own.
     */
    public PlanDetails toDetails(PlanEntity plan, PlanFile file) {
        Map<String, BodyView> bodies = directory.bodies(codesOf(file));
        PlanFile.Reporting r = file.reporting();
        return new PlanDetails(plan.getId(), file.code(), file.documentType(), file.title(), ref(bodies, file.issuer()),
                ref(bodies, file.consolidatingBody()), plan.getStatus(), file.source(), file.preamble(),
                file.legalBases(), file.purpose(), file.requirements(), file.measures(),
                file.groups().stream().map(g -> new PlanDetails.Group(g.number(), g.title(), g.description(),
                        g.tasks().stream().map(t -> new PlanDetails.Task(t.number(), t.content(), refs(bodies, t.lead()),
                                refs(bodies, t.cooperating()), t.timeline(), t.timelineText(), t.kind())).toList()))
                        .toList(),
                file.funding(), file.organisation(),
                new PlanDetails.Reporting(ref(bodies, r.receiver()), refs(bodies, r.consolidatedTo()), r.yearly(),
                        r.yearlyDeadline(), r.fixedDeadlines(), r.consolidationDeadline(), r.adHoc(), r.text(),
                        r.indicators(), r.halfYearDeadline()),
                file.recipients().stream().map(x -> new PlanDetails.Recipient(x.label(), refs(bodies, x.bodies()))).toList(),
                file.groups().stream().mapToInt(g -> g.tasks().size()).sum(), issuedOf(plan), plan.getVersion());
    }

    private static PlanDetails.Issued issuedOf(PlanEntity plan) {
        // A plan that came in issued may have no number and no date (its document as kept prints
        // none), only the signer.
        IssuedAs i = plan.getIssued();
        return i == null || i.isEmpty() ? null : new PlanDetails.Issued(i.getIssuedReference(),
                i.getIssuedOn(), i.getSignerAuthority(), i.getSignerPosition(), i.getSignerName());
    }

    public PlanSummary toSummary(PlanEntity plan, Map<String, BodyView> bodies) {
        return new PlanSummary(plan.getId(), plan.getCode(), plan.getTitle(), ref(bodies, plan.getIssuerCode()),
                ref(bodies, plan.getConsolidatingCode()), plan.getStatus(), plan.getSource().getNumber(),
                plan.getGroups().size(), plan.taskCount());
    }

    /** Every body code a plan file names. */
    public static Set<String> codesOf(PlanFile file) {
        Set<String> codes = new HashSet<>(List.of(file.issuer(), file.consolidatingBody(), file.reporting().receiver()));
        codes.addAll(file.reporting().consolidatedTo());
        file.recipients().forEach(r -> codes.addAll(r.bodies()));
        file.groups().forEach(g -> g.tasks().forEach(t -> {
            codes.addAll(t.lead());
            codes.addAll(t.cooperating());
        }));
        return codes;
    }

    private static boolean isEmpty(PlanFile.Source s) {
        return s.number() == null && s.date() == null && s.place() == null && s.signer() == null
                && s.submission() == null && s.file() == null;
    }

    private static BodyRef ref(Map<String, BodyView> bodies, String code) {
        BodyView body = bodies.get(code);
        return body == null ? new BodyRef(code, code) : body.ref();
    }

    private static List<BodyRef> refs(Map<String, BodyView> bodies, Collection<String> codes) {
        List<BodyRef> refs = new ArrayList<>();
        codes.forEach(code -> refs.add(ref(bodies, code)));
        return refs;
    }
}
