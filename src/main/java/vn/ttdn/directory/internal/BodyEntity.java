package vn.ttdn.directory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.ttdn.directory.BodyKind;
import vn.ttdn.directory.BodyLevel;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.SuccessorRelation;

@Entity
@Table(name = "body")
public class BodyEntity {

    @Id
    private String code;
    private String name;
    private String shortName;
    @Enumerated(EnumType.STRING)
    private BodyKind kind;
    @Enumerated(EnumType.STRING)
    private BodyLevel level;
    private String parentCode;
    private String register;
    private LocalDate validFrom;
    private LocalDate validTo;

    @ElementCollection
    @CollectionTable(name = "body_successor", joinColumns = @JoinColumn(name = "body_code"))
    private List<SuccessorLink> successors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "body_member", joinColumns = @JoinColumn(name = "collective_code"))
    @Column(name = "member_code")
    private Set<String> members = new LinkedHashSet<>();

    protected BodyEntity() {
    }

    public BodyEntity(BodyView view) {
        this.code = view.code();
        update(view);
    }

    public void update(BodyView view) {
        this.name = view.name();
        this.shortName = view.shortName();
        this.kind = view.kind();
        this.level = view.level();
        this.parentCode = view.parent();
        this.register = view.register();
        this.validFrom = view.validFrom();
        this.validTo = view.validTo();
        this.successors.clear();
        view.successors().forEach(s -> successors.add(new SuccessorLink(s.code(), s.relation(), s.takesOver())));
        this.members.clear();
        this.members.addAll(view.members());
    }

    public String getCode() {
        return code;
    }

    public BodyView toView() {
        return new BodyView(code, name, shortName, kind, level, parentCode, register, validFrom, validTo,
                successors.stream().map(s -> new BodyView.Successor(s.successorCode, s.relation, s.takesOver)).toList(),
                List.copyOf(members));
    }

    @Embeddable
    public static class SuccessorLink {
        private String successorCode;
        @Enumerated(EnumType.STRING)
        private SuccessorRelation relation;
        private String takesOver;

        protected SuccessorLink() {
        }

        SuccessorLink(String successorCode, SuccessorRelation relation, String takesOver) {
            this.successorCode = successorCode;
            this.relation = relation;
            this.takesOver = takesOver;
        }
    }
}
