package vn.ttdn.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's Decree 30 checker on a Word file: {@code ../shared/tools/docx_check.py} where the
 * shared tools stand beside the clone, otherwise the copy of it kept in {@code src/test/tools/} (a
 * clean clone on CI). Python 3; {@code .ci/run} installs it where it is missing.
 */
public final class DocxCheck {

    static final Path SCRIPT = Files.isRegularFile(Path.of("..", "shared", "tools", "docx_check.py"))
            ? Path.of("..", "shared", "tools", "docx_check.py") : Path.of("src", "test", "tools", "docx_check.py");

    private DocxCheck() {
    }

    /** The checker's problem lines (its last line, the summary, left out) and its exit code. */
    public record Result(int exit, List<String> problems, String summary) {
    }

    public static Result run(Path docx, String signer) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(SCRIPT), "the checker is at " + SCRIPT.toAbsolutePath());
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), docx.toString(), "--type", Words.TYPE,
                "--signer", signer).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "docx_check.py finished");
        List<String> lines = output.lines().toList();
        return new Result(process.exitValue(), lines.subList(0, Math.max(0, lines.size() - 1)),
                lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }
}
