package vn.ttdn.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanLabel;

/**
 * A round as the API and the round page show it: the plan, the year or label, the deadline and the
 * period the reports cover (15/12 of the year before to 14/12, Decree 09/2019), the consolidating
 * body (and whom it stands for), every body asked with its state, and the counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundView(long id, PlanLabel plan, int year, RoundKind kind, String label, LocalDate deadline,
                        Period period, LocalDate opensOn, RoundStatus status, Consolidating consolidatingBody,
                        List<String> tasks, List<RoundBodyView> bodies, Map<String, Integer> counts,
                        Instant openedAt, Instant readyAt, Instant closedAt) {

    public record Period(LocalDate from, LocalDate to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consolidating(String code, String name, BodyRef replaces) {
    }

    /** Of the bodies asked, those in (submitted or received), as a whole percentage. */
    public int percentIn() {
        return bodies.isEmpty() ? 0 : (int) Math.round(100.0 * counts.getOrDefault("in", 0) / bodies.size());
    }
}
