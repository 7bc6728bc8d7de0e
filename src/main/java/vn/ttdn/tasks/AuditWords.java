package vn.ttdn.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.audit.AuditEntry;

/** How the timeline says an audit event in Vietnamese: what happened, and the particulars worth a glance. */
@Component
class AuditWords {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    /** "Trả lại", "Nhận việc"… */
    String label(AuditEntry e) {
        return messages.getMessage("audit.kind." + e.kind(), null, e.kind(), VI);
    }

    /** The reason, the number, who to whom, the bodies: what the line adds to its label, or "". */
    String detail(AuditEntry e) {
        JsonNode d = e.details();
        String reason = text(d.path("data").path("reason"), d.path("reason"));
        return switch (e.kind()) {
            case "task.returned" -> reason.isEmpty() ? "" : say("audit.detail.reason", reason);
            case "task.claimed" -> say("audit.detail.to", d.path("to").asText());
            case "task.released" -> say("audit.detail.from", d.path("from").asText());
            case "task.reassigned" -> say("audit.detail.fromTo", d.path("from").asText(), d.path("to").asText())
                    + (reason.isEmpty() ? "" : " · " + say("audit.detail.reason", reason));
            case "task.created" -> d.has("assignee") ? say("audit.detail.to", d.path("assignee").asText())
                    : say("audit.detail.offered", join(d.path("candidateGroups")));
            case "number.issued" -> say("audit.detail.number", d.path("reference").asText());
            case "body.merged" -> say("audit.detail.merged", d.path("from").asText(), d.path("to").asText());
            default -> reason.isEmpty() ? "" : say("audit.detail.reason", reason);
        };
    }

    /** The printed head: what an auditor keeps elsewhere and verifies against later. */
    String headText(long seq, String hash, long eventId, String sealedAt) {
        return say("audit.head.text", String.valueOf(seq), hash, String.valueOf(eventId), sealedAt);
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private static String text(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        array.forEach(n -> s.append(s.length() == 0 ? "" : ", ").append(n.asText()));
        return s.toString();
    }
}
