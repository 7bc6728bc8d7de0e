package vn.ttdn.plan;

/** How a plan is named in a list: its code and title. */
public record PlanLabel(long id, String code, String title) {
}
