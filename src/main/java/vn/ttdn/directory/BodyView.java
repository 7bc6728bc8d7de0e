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

    public record Successor(String code, SuccessorRelation relation) {
    }

    public boolean isActiveOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public BodyRef ref() {
        return new BodyRef(code, name);
    }
}
