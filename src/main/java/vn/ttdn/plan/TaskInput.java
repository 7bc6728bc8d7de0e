package vn.ttdn.plan;

import java.util.List;
import java.util.Objects;

/**
 * What a person writes for a task of a draft plan (its number is given by its place): content,
 * lead bodies (chủ trì), cooperating bodies (phối hợp) by their directory codes, the timeline code
 * ({@link Timeline}), the timeline as printed when it says more, and whether the plan assigns or
 * requests it. Text is trimmed; an empty timeline is none; the kind is ASSIGNED unless said.
 */
public record TaskInput(String content, List<String> lead, List<String> cooperating, String timeline,
                        String timelineText, TaskKind kind) {

    public TaskInput {
        content = trimToNull(content);
        lead = codes(lead);
        cooperating = codes(cooperating);
        timeline = trimToNull(timeline);
        timelineText = trimToNull(timelineText);
        kind = Objects.requireNonNullElse(kind, TaskKind.ASSIGNED);
    }

    static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> codes(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(c -> c == null ? "" : c.strip()).toList();
    }
}
