/**
 * Amending an issued plan (điều chỉnh Kế hoạch), as data: the changes bodies propose to its tasks,
 * the amendments the consolidating body gathers them into (its Tờ trình, signed by its director),
 * the issuing body's decision on each proposal, every step with its reason and who may take it
 * (segregation of duties), the number the decision takes in the issuer's register and the notices.
 * The plan's versions are the {@code plan} module's ({@link vn.ttdn.plan.PlanAmending}); the engine
 * is the {@code workflow} module's, which calls {@link vn.ttdn.amendment.Amendments} as the process
 * {@code plan-amendment} moves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Amendments")
package vn.ttdn.amendment;
