package vn.ttdn.plan.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One line of "Nơi nhận" as printed, with the bodies it names. */
@Entity
@Table(name = "plan_recipient")
public class RecipientEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String label;

    @ElementCollection
    @CollectionTable(name = "plan_recipient_body", joinColumns = @JoinColumn(name = "recipient_id"))
    @OrderColumn(name = "position")
    @Column(name = "body_code")
    private List<String> bodies = new ArrayList<>();

    protected RecipientEntity() {
    }

    public RecipientEntity(String label, List<String> bodies) {
        this.label = label;
        this.bodies.addAll(bodies);
    }

    public String getLabel() { return label; }
    public List<String> getBodies() { return bodies; }
}
