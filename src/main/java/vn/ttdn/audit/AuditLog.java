package vn.ttdn.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.PersonView;

/**
 * Appends events to the audit record, in the transaction of whatever caused them (so an event is
 * kept exactly when its cause is). One insert, no lock shared with any other request: the chain is
 * sealed after commit by {@link AuditSealer}. The actor's name and body are taken as they stand now,
 * so that the record keeps the body's name of that day.
 */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final DirectoryService directory;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, DirectoryService directory, ObjectMapper json) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.json = json;
    }

    /**
     * Appends the event. An event that names its instance but not its process key takes the key,
     * root, business key, plan and round from the instance catalogue (where every instance is
     * written at its start), so that actions outside the engine need only name the instance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
        if (event.instanceId() != null && event.processKey() == null) {
            event = catalogued(event);
        }
        PersonView person = event.actor() == null ? null : directory.person(event.actor()).orElse(null);
        jdbc.update("insert into ttdn.audit_event (kind, instance_id, root_instance_id, process_key, business_key, "
                        + "task_id, activity_id, activity_name, actor, actor_name, actor_body, actor_body_name, plan_id, "
                        + "round_id, details) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                event.kind(), event.instanceId(), event.rootInstanceId(), event.processKey(), event.businessKey(),
                event.taskId(), event.activityId(), event.activityName(), event.actor(),
                person == null ? null : person.fullName(),
                person == null || person.body() == null ? null : person.body().code(),
                person == null || person.body() == null ? null : person.body().name(),
                event.planId(), event.roundId(), text(event));
    }

    private AuditEvent catalogued(AuditEvent event) {
        return jdbc.query("select root_instance_id, process_key, business_key, plan_id, round_id "
                + "from ttdn.process_instance_info where instance_id = ?", (rs, i) -> event
                .inInstance(event.instanceId(), rs.getString(1), rs.getString(2), rs.getString(3))
                .about(event.planId() != null ? event.planId() : (Long) rs.getObject(4),
                        event.roundId() != null ? event.roundId() : (Long) rs.getObject(5)),
                event.instanceId()).stream().findFirst().orElse(event);
    }

    private String text(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details that are not JSON: " + event.details(), e);
        }
    }
}
