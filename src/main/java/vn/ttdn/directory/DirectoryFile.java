package vn.ttdn.directory;

import java.util.List;

/** The directory file (docs/directory-format.md): bodies, then people. */
public record DirectoryFile(List<BodyView> bodies, List<PersonDetails> people) {

    public DirectoryFile {
        bodies = bodies == null ? List.of() : List.copyOf(bodies);
        people = people == null ? List.of() : List.copyOf(people);
    }
}
