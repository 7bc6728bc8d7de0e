package vn.ttdn.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a test drew to target/documents/, for a person to open. */
final class Outputs {

    static final Path DIRECTORY = Path.of("target", "documents");

    private Outputs() {
    }

    /** Writes the bytes and gives them back, for reading in the same breath. */
    static byte[] writeBytes(String name, byte[] bytes) {
        write(name, bytes);
        return bytes;
    }

    static Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(DIRECTORY);
            return Files.write(DIRECTORY.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
