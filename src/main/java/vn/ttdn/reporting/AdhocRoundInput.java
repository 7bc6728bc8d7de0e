package vn.ttdn.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A round the consolidating body opens itself: {@code kind} "adhoc" (đột xuất) with its label, or
 * "yearly" for a plan whose rule gives no date; its deadline; optionally only some bodies (codes as
 * they stand now, or as the plan names them) and some tasks (their numbers).
 */
public record AdhocRoundInput(String kind, String label, LocalDate deadline, List<String> bodies,
                              List<String> tasks) {
}
