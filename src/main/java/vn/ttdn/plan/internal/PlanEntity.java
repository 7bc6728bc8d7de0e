package vn.ttdn.plan.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.ttdn.plan.PlanStatus;

/** A plan as stored: the aggregate root of its groups, tasks and texts. */
@Entity
@Table(name = "plan")
public class PlanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String documentType;
    private String title;
    private String issuerCode;
    private String consolidatingCode;
    @Enumerated(EnumType.STRING)
    private PlanStatus status = PlanStatus.DRAFT;
    @Embedded
    private SourceReference source = new SourceReference();
    private String preamble;
    private String funding;
    @Embedded
    private ReportingRule reporting = new ReportingRule();
    /** Null until the plan is issued. */
    @Embedded
    private IssuedAs issued;
    private Instant createdAt = Instant.now();
    private String createdBy;
    private Instant editedAt;
    private String editedBy;
    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "plan_legal_basis", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> legalBases = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_purpose", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> purposes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_requirement", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> requirements = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_organisation", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<OrganisationParagraph> organisation = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_consolidated_to", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "body_code")
    private List<String> consolidatedTo = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_fixed_deadline", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "deadline")
    private List<LocalDate> fixedDeadlines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_indicator", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<IndicatorItem> indicators = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderColumn(name = "position")
    private List<MeasureEntity> measures = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderColumn(name = "position")
    private List<TaskGroupEntity> groups = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderColumn(name = "position")
    private List<RecipientEntity> recipients = new ArrayList<>();

    protected PlanEntity() {
    }

    public PlanEntity(String code, String createdBy) {
        this.code = code;
        this.createdBy = createdBy;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getDocumentType() { return documentType; }
    public void setDocumentType(String documentType) { this.documentType = documentType; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIssuerCode() { return issuerCode; }
    public void setIssuerCode(String issuerCode) { this.issuerCode = issuerCode; }
    public String getConsolidatingCode() { return consolidatingCode; }
    public void setConsolidatingCode(String consolidatingCode) { this.consolidatingCode = consolidatingCode; }
    public PlanStatus getStatus() { return status; }
    public void setStatus(PlanStatus status) { this.status = status; }
    /** Never null: a plan that came without a source (all its columns null) is read back without the embeddable. */
    public SourceReference getSource() {
        if (source == null) {
            source = new SourceReference();
        }
        return source;
    }
    public String getPreamble() { return preamble; }
    public void setPreamble(String preamble) { this.preamble = preamble; }
    public String getFunding() { return funding; }
    public void setFunding(String funding) { this.funding = funding; }
    public ReportingRule getReporting() { return reporting; }
    public IssuedAs getIssued() { return issued; }
    public void setIssued(IssuedAs issued) { this.issued = issued; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getEditedAt() { return editedAt; }
    public String getEditedBy() { return editedBy; }
    public int getVersion() { return version; }
    public List<String> getLegalBases() { return legalBases; }
    public List<String> getPurposes() { return purposes; }
    public List<String> getRequirements() { return requirements; }
    public List<OrganisationParagraph> getOrganisation() { return organisation; }
    public List<String> getConsolidatedTo() { return consolidatedTo; }
    public List<LocalDate> getFixedDeadlines() { return fixedDeadlines; }
    public List<IndicatorItem> getIndicators() { return indicators; }
    public List<MeasureEntity> getMeasures() { return measures; }
    public List<TaskGroupEntity> getGroups() { return groups; }
    public List<RecipientEntity> getRecipients() { return recipients; }

    /**
     * Records an edit of the plan or of any of its groups and tasks. It changes the plan row itself,
     * so the version moves on even when only a task changed, and a concurrent edit is refused.
     */
    public void markEdited(String username) {
        this.editedBy = username;
        this.editedAt = Instant.now();
    }

    public int taskCount() {
        return groups.stream().mapToInt(g -> g.getTasks().size()).sum();
    }
}
