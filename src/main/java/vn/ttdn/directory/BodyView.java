package vn.ttdn.directory;

import java.time.LocalDate;
import java.util.List;

/** A body of the directory, with its history. */
public record BodyView(
        String code,
        String name,
        String shortName,
        BodyKind kind,
        BodyLevel level,
        String parent,
        String register,
        LocalDate validFrom,
        LocalDate validTo,
        List<Successor> successors,
        List<String> members) {

    public BodyView {
        successors = successors == null ? List.of() : List.copyOf(successors);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /**
     * Where the body's work went: the successor, how, and what it takes over in words ("công tác
     * thông tin đối ngoại"; null when the relation says it all).
     */
    public record Successor(String code, SuccessorRelation relation, String takesOver) {

        public Successor(String code, SuccessorRelation relation) {
            this(code, relation, null);
        }
    }

    public boolean isActiveOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public BodyRef ref() {
        return new BodyRef(code, name);
    }
}
