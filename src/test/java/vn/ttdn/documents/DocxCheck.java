package vn.ttdn.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ../shared/tools/docx_check.py} (Python 3, on every machine of the project) on a Word file. */
final class DocxCheck {

    static final Path SCRIPT = Path.of("..", "shared", "tools", "docx_check.py");

    private DocxCheck() {
    }

    /** The checker's problem lines (its last line, the summary, left out) and its exit code. */
    record Result(int exit, List<String> problems, String summary) {
    }

    static Result run(Path docx, String signer) throws IOException, InterruptedException {
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
