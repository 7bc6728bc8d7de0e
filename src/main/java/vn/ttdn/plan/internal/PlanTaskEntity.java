package vn.ttdn.plan.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import vn.ttdn.plan.TaskKind;

/** A task of a plan: what, who leads, who cooperates, when. */
@Entity
@Table(name = "plan_task")
public class PlanTaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Kept beside the group so the database itself refuses two tasks with one number in a plan. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private PlanEntity plan;

    private String number;
    private String content;
    private String timeline;
    private String timelineText;
    @Enumerated(EnumType.STRING)
    private TaskKind kind;

    @ElementCollection
    @CollectionTable(name = "plan_task_lead", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    @Column(name = "body_code")
    private List<String> lead = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "plan_task_cooperating", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    @Column(name = "body_code")
    private List<String> cooperating = new ArrayList<>();

    protected PlanTaskEntity() {
    }

    public PlanTaskEntity(PlanEntity plan, String number, String content, String timeline, String timelineText,
                          TaskKind kind, List<String> lead, List<String> cooperating) {
        this.plan = plan;
        this.number = number;
        this.content = content;
        this.timeline = timeline;
        this.timelineText = timelineText;
        this.kind = kind;
        this.lead.addAll(lead);
        this.cooperating.addAll(cooperating);
    }

    /** Replaces what the task says: content, timeline, kind, lead and cooperating bodies. */
    public void change(String content, String timeline, String timelineText, TaskKind kind, List<String> lead,
                       List<String> cooperating) {
        this.content = content;
        this.timeline = timeline;
        this.timelineText = timelineText;
        this.kind = kind;
        this.lead.clear();
        this.lead.addAll(lead);
        this.cooperating.clear();
        this.cooperating.addAll(cooperating);
    }

    public void renumber(String number) {
        this.number = number;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getContent() { return content; }
    public String getTimeline() { return timeline; }
    public String getTimelineText() { return timelineText; }
    public TaskKind getKind() { return kind; }
    public List<String> getLead() { return lead; }
    public List<String> getCooperating() { return cooperating; }
}
