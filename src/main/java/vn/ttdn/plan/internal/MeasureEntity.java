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

/** A narrative section of tasks and solutions (no lead bodies). */
@Entity
@Table(name = "plan_measure")
public class MeasureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private String title;

    @ElementCollection
    @CollectionTable(name = "plan_measure_item", joinColumns = @JoinColumn(name = "measure_id"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    private List<String> items = new ArrayList<>();

    protected MeasureEntity() {
    }

    public MeasureEntity(String number, String title, List<String> items) {
        this.number = number;
        this.title = title;
        this.items.addAll(items);
    }

    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public List<String> getItems() { return items; }
}
