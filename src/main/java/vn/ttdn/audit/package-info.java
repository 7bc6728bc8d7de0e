/**
 * The audit record: every event of every process (started, a task created, claimed, released,
 * completed with what was submitted, returned, a timer fired, a reminder sent, a number issued, a
 * body merged, an instance moved or migrated, a deadline extended…), each with its actor, the body
 * they belonged to and its name as it stood that day, appended to a table nobody may change and
 * chained by hash after commit, so that a verification proves no row was changed, added or removed
 * (ADR 0012). Other modules append through {@link vn.ttdn.audit.AuditLog}; the timeline of an
 * instance and the verification are read from here. It knows nothing of the engine: the
 * {@code workflow} module turns the engine's history events into audit events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.ttdn.audit;
