package vn.ttdn.plan.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A group of a plan's tasks, a heading of its task table ("1. Quán triệt, phổ biến…"). */
@Entity
@Table(name = "task_group")
public class TaskGroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private String title;
    private String description;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "group_id", nullable = false)
    @OrderColumn(name = "position")
    private List<PlanTaskEntity> tasks = new ArrayList<>();

    protected TaskGroupEntity() {
    }

    public TaskGroupEntity(String number, String title, String description) {
        this.number = number;
        this.title = title;
        this.description = description;
    }

    public void rename(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public void renumber(String number) {
        this.number = number;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public List<PlanTaskEntity> getTasks() { return tasks; }
}
