/**
 * Plans (Kế hoạch) as data: the plan file format, import with validation, export, and the
 * read models the API and the pages show. {@link vn.ttdn.plan.PlanService} is the door.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package vn.ttdn.plan;
