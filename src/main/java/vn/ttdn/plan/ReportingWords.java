package vn.ttdn.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.system.Wording;

/** A plan's reporting rule in words: who reports to whom, by when, and who consolidates. */
final class ReportingWords {

    /** Dates as plans write them in running text: "03/6/2024", "21/10/2023". */
    private ReportingWords() {
    }

    static List<Wording> of(PlanDetails.Reporting rule) {
        List<Wording> lines = new ArrayList<>();
        if (rule == null) {
            return lines;
        }
        String receiver = rule.receiver() == null ? null : rule.receiver().name();
        if (receiver != null) {
            lines.add(Wording.of("reporting.receiver", receiver));
        }
        if (rule.halfYearDeadline() != null) {
            lines.add(Wording.of("reporting.halfYearDeadline", rule.halfYearDeadline()));
        }
        if (rule.yearly()) {
            lines.add(rule.yearlyDeadline() == null ? Wording.of("reporting.yearly")
                    : Wording.of("reporting.yearlyDeadline", rule.yearlyDeadline()));
        }
        rule.fixedDeadlines().forEach(day -> lines.add(Wording.of("reporting.fixedDeadline", PrintedDate.of(day))));
        String targets = rule.consolidatedTo().stream().map(BodyRef::name).collect(Collectors.joining(", "));
        if (receiver != null) {
            consolidation(receiver, targets, rule.consolidationDeadline(), lines);
        }
        if (rule.adHoc()) {
            lines.add(Wording.of("reporting.adHoc"));
        }
        return lines;
    }

    private static void consolidation(String receiver, String targets, String deadline, List<Wording> lines) {
        boolean hasTargets = !targets.isEmpty();
        if (deadline == null || deadline.isBlank()) {
            if (hasTargets) {
                lines.add(Wording.of("reporting.consolidation", receiver, targets));
            }
            return;
        }
        String date = isoDate(deadline);
        if (date != null) {
            lines.add(hasTargets ? Wording.of("reporting.consolidationDate", receiver, targets, date)
                    : Wording.of("reporting.consolidationDateNoTarget", receiver, date));
        } else {
            lines.add(hasTargets ? Wording.of("reporting.consolidationYearly", receiver, targets, deadline)
                    : Wording.of("reporting.consolidationYearlyNoTarget", receiver, deadline));
        }
    }

    /** A one-off deadline ("2023-10-31") written as text; null for a day of every year ("15/12"). */
    private static String isoDate(String deadline) {
        try {
            return PrintedDate.of(LocalDate.parse(deadline.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
