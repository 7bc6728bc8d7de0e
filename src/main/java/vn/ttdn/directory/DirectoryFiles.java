package vn.ttdn.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Reads the directory's YAML files (docs/directory-format.md): bodies, and people with their roles. */
public final class DirectoryFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder().addModule(new JavaTimeModule()).build();

    private DirectoryFiles() {
    }

    public static List<BodyView> readBodies(InputStream in) {
        return read(in, BodiesFile.class).bodies();
    }

    public static List<PersonEntry> readPeople(InputStream in) {
        return read(in, PeopleFile.class).people();
    }

    private static <T> T read(InputStream in, Class<T> type) {
        try {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read directory file", e);
        }
    }

    /** A person as the people file gives them; the password is set by whoever loads the file. */
    public record PersonEntry(String username, String fullName, String title, String body, String email,
                              Set<Role> roles) {
    }

    record BodiesFile(List<BodyView> bodies) {
    }

    record PeopleFile(List<PersonEntry> people) {
    }
}
