package vn.ttdn.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A plan file (docs/plan-format.md), as read and as exported. Absent lists read as empty lists
 * and absent flags as false, so that a file and its export compare equal.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"format", "code", "documentType", "title", "issuer", "consolidatingBody", "source", "preamble",
        "legalBases", "purpose", "requirements", "measures", "groups", "funding", "organisation", "reporting",
        "recipients"})
public record PlanFile(
        int format,
        String code,
        String documentType,
        String title,
        String issuer,
        String consolidatingBody,
        Source source,
        String preamble,
        List<String> legalBases,
        List<String> purpose,
        List<String> requirements,
        List<Measure> measures,
        List<Group> groups,
        String funding,
        List<Organisation> organisation,
        Reporting reporting,
        List<Recipient> recipients) {

    public static final int FORMAT = 1;

    public PlanFile {
        documentType = Objects.requireNonNullElse(documentType, "KH");
        legalBases = list(legalBases);
        purpose = list(purpose);
        requirements = list(requirements);
        measures = list(measures);
        groups = list(groups);
        organisation = list(organisation);
        recipients = list(recipients);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String number, LocalDate date, String place, Signer signer, Submission submission,
                         String file) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Signer(String name, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Submission(String number, LocalDate date) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Measure(String number, String title, List<String> items) {
        public Measure {
            items = list(items);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"number", "title", "description", "tasks"})
    public record Group(String number, String title, String description, List<Task> tasks) {
        public Group {
            tasks = list(tasks);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"number", "content", "lead", "cooperating", "timeline", "timelineText", "kind"})
    public record Task(String number, String content, List<String> lead, List<String> cooperating, String timeline,
                       String timelineText, TaskKind kind) {
        public Task {
            lead = list(lead);
            cooperating = list(cooperating);
            kind = Objects.requireNonNullElse(kind, TaskKind.ASSIGNED);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Organisation(String heading, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"receiver", "consolidatedTo", "halfYearDeadline", "yearly", "yearlyDeadline",
            "fixedDeadlines", "consolidationDeadline", "adHoc", "text"})
    public record Reporting(String receiver, List<String> consolidatedTo, Boolean yearly, String yearlyDeadline,
                            List<LocalDate> fixedDeadlines, String consolidationDeadline, Boolean adHoc,
                            String text, List<Indicator> indicators, String halfYearDeadline) {
        public Reporting {
            consolidatedTo = list(consolidatedTo);
            yearly = Boolean.TRUE.equals(yearly);
            fixedDeadlines = list(fixedDeadlines);
            adHoc = Boolean.TRUE.equals(adHoc);
            indicators = list(indicators);
        }

        /** A rule without a six-month report. */
        public Reporting(String receiver, List<String> consolidatedTo, Boolean yearly, String yearlyDeadline,
                         List<LocalDate> fixedDeadlines, String consolidationDeadline, Boolean adHoc, String text,
                         List<Indicator> indicators) {
            this(receiver, consolidatedTo, yearly, yearlyDeadline, fixedDeadlines, consolidationDeadline, adHoc, text,
                    indicators, null);
        }
    }

    /** A figure the plan's reports give (chỉ tiêu): its code, its label and its unit. */
    public record Indicator(String code, String label, String unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Recipient(String label, List<String> bodies) {
        public Recipient {
            bodies = list(bodies);
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
