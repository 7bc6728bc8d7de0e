package vn.ttdn.plan;

/**
 * The plan after an edit, with the number the edited task or group has now (after renumbering;
 * for a removal, the number it had).
 */
public record PlanEdit(PlanDetails plan, String number) {
}
