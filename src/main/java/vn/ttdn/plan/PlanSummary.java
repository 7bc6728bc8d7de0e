package vn.ttdn.plan;

import vn.ttdn.directory.BodyRef;

/** A line of the plan list. */
public record PlanSummary(long id, String code, String title, BodyRef issuer, BodyRef consolidatingBody,
                          PlanStatus status, String sourceNumber, int groupCount, int taskCount) {
}
