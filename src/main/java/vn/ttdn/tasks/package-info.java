/**
 * The human-task side of the workflow, for people and for scripts: the inbox, the task page with
 * its form, claim, release and complete, starting a plan's approval, attachments, the registers
 * and notices. It calls {@code workflow} and {@code approval}; it never touches the engine itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks")
package vn.ttdn.tasks;
