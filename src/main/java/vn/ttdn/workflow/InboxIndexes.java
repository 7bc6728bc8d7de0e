package vn.ttdn.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The indexes the inbox adds to the engine's own tables (issue 11, B3), made once the engine has
 * created or checked its schema (its ACT_* tables live in {@code public} and appear only then, after
 * Flyway has migrated schema {@code ttdn}: a Flyway migration could not name them on an empty
 * database), idempotently, under the start-up lock the engine is built under ({@link EngineStartupLock}).
 *
 * <p>{@code ttdn_idx_task_inbox}: every open, active task in the inbox's order (the earliest due first,
 * those without a due date last, then the oldest, then by id, {@link InboxSql}), so that the
 * supervisor's list of every task reads a page's rows from the index instead of sorting every open
 * task. An officer's own and groups' tasks come from the engine's indexes on the assignee and on the
 * candidate link's group.
 */
@Component
class InboxIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(InboxIndexes.class);
    static final List<String> INDEXES = List.of("create index if not exists ttdn_idx_task_inbox on act_ru_task "
            + "(due_date_ asc nulls last, create_time_ asc, id_ asc) where suspension_state_ = 1");

    private final DataSource dataSource;

    InboxIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String index : INDEXES) {
                statement.execute(index);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The inbox's indexes could not be made: " + e.getMessage(), e);
        }
        log.debug("Inbox indexes in place");
    }
}
