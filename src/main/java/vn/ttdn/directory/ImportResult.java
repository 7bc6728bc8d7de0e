package vn.ttdn.directory;

import java.util.List;
import vn.ttdn.system.InputProblem;

/**
 * What importing a directory file does, or would do in a dry run: the bodies and people it adds,
 * changes and leaves as they are, and every problem by its path. With problems nothing is written.
 *
 * @param written true when the import was written (not a dry run, and no problems)
 */
public record ImportResult(boolean dryRun, boolean written, Part bodies, Part people, List<InputProblem> problems) {

    /** Codes (bodies) or usernames (people), in the file's order. */
    public record Part(List<String> added, List<String> changed, List<String> unchanged) {
    }

    public boolean refused() {
        return !problems.isEmpty();
    }
}
