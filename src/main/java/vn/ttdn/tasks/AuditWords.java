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
    private final vn.ttdn.directory.DirectoryService directory;

    AuditWords(MessageSource messages, vn.ttdn.directory.DirectoryService directory) {
        this.messages = messages;
        this.directory = directory;
    }

    /** Each event with how it reads; each person and body named is looked up once (a timeline names few, often). */
    java.util.List<AuditApiController.Line> lines(java.util.List<AuditEntry> entries) {
        Names names = new Names();
        return entries.stream().map(e -> new AuditApiController.Line(e, label(e), detail(e, names))).toList();
    }

    /** "Trả lại", "Nhận việc"… */
    String label(AuditEntry e) {
        return messages.getMessage("audit.kind." + e.kind(), null, e.kind(), VI);
    }

    /** The reason, the number, who to whom, the bodies: what the line adds to its label, or "". */
    String detail(AuditEntry e) {
        return detail(e, new Names());
    }

    private String detail(AuditEntry e, Names names) {
        JsonNode d = e.details();
        String reason = text(d.path("data").path("reason"), d.path("reason"));
        return switch (e.kind()) {
            case "task.returned", "task.sentBack" -> reason.isEmpty() ? "" : say("audit.detail.reason", reason);
            case "task.claimed" -> say("audit.detail.to", names.person(d.path("to").asText()));
            case "task.released" -> say("audit.detail.from", names.person(d.path("from").asText()));
            case "task.reassigned" -> (d.path("from").asText().isEmpty()
                    ? say("audit.detail.to", names.person(d.path("to").asText()))
                    : say("audit.detail.fromTo", names.person(d.path("from").asText()),
                            names.person(d.path("to").asText())))
                    + (reason.isEmpty() ? "" : " · " + say("audit.detail.reason", reason));
            case "task.created" -> d.has("assignee") ? say("audit.detail.to", names.person(d.path("assignee").asText()))
                    : say("audit.detail.offered", groups(names, d.path("candidateGroups")));
            case "number.issued" -> say("audit.detail.number", d.path("reference").asText());
            case "body.merged" -> say("audit.detail.merged", names.body(d.path("from").asText()),
                    names.body(d.path("to").asText()));
            default -> reason.isEmpty() ? "" : say("audit.detail.reason", reason);
        };
    }

    String system() {
        return say("audit.system");
    }

    String caseFileTitle(String processName) {
        return say("audit.caseFile.title", processName);
    }

    java.util.List<String> caseFileColumns() {
        return java.util.List.of(say("audit.column.at"), say("audit.column.what"), say("audit.column.step"),
                say("audit.column.who"), say("audit.column.detail"), say("audit.column.seal"));
    }

    /** The headings of a Tờ trình's page in the case file: the title (with its round), then each field's label. */
    java.util.List<String> submissionWords(int version) {
        return java.util.List.of(say("audit.caseFile.submission", String.valueOf(version)),
                say("audit.caseFile.submission.number"), say("audit.caseFile.submission.dated"),
                say("audit.caseFile.submission.summary"), say("audit.caseFile.submission.proposal"),
                say("audit.caseFile.submission.explanation"), say("audit.caseFile.submission.by"));
    }

    String caseFileLeftOut() {
        return say("audit.caseFile.leftOut");
    }

    String caseFileChain(vn.ttdn.audit.AuditVerification v) {
        return v.intact() ? say("audit.chain.intact", String.valueOf(v.count()))
                + (v.head() == null ? "" : " " + say("audit.caseFile.head", String.valueOf(v.head().seq()), v.head().hash()))
                : say("audit.chain.broken", String.valueOf(v.firstBad().seq()), v.firstBad().reason());
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

    /** Candidate groups {@code role.BODY} as "Chuyên viên · Sở Ngoại vụ tỉnh Quảng Ngãi". */
    private String groups(Names names, JsonNode array) {
        StringBuilder s = new StringBuilder();
        array.forEach(n -> {
            String group = n.asText();
            int dot = group.indexOf('.');
            String named = dot < 0 ? group : messages.getMessage("role." + group.substring(0, dot).toUpperCase(Locale.ROOT),
                    null, group.substring(0, dot), VI) + " · " + names.body(group.substring(dot + 1));
            s.append(s.length() == 0 ? "" : "; ").append(named);
        });
        return s.toString();
    }

    /** The people and bodies named in one answer, each looked up in the directory once. */
    private final class Names {
        private final java.util.Map<String, String> people = new java.util.HashMap<>();
        private final java.util.Map<String, String> bodies = new java.util.HashMap<>();

        /** A person by name and username ("Đặng Thu Phong (cv.svhttdl.qng)"), as the directory has them now. */
        String person(String username) {
            return people.computeIfAbsent(username, u -> directory.person(u).map(p -> p.fullName() + " (" + u + ")")
                    .orElse(u));
        }

        String body(String code) {
            return bodies.computeIfAbsent(code, c -> directory.body(c).map(vn.ttdn.directory.BodyView::name).orElse(c));
        }
    }
}
