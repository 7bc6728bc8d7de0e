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

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEvent event) {
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

    private String text(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details that are not JSON: " + event.details(), e);
        }
    }
}
