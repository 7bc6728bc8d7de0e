package vn.ttdn.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each service task's delegate runs behind a savepoint of the engine's transaction, rolled back if
 * the delegate throws. A statement PostgreSQL refuses aborts the whole transaction; without the
 * savepoint the engine's next query (looking for an error event to catch the exception) fails with
 * "current transaction is aborted", and the job's failure, then its incident, carries the engine's
 * "An exception occurred in the persistence layer" instead of the delegate's own error: supervisors
 * would not see why it failed (FailingDelegateIncidentTest). Back at the savepoint, the delegate's
 * writes are undone, the engine reads on, and the delegate's exception is the job's; the
 * transaction still fails with it, as before.
 *
 * <p>The savepoint is the JDBC connection's own: the transaction manager is JPA's, whose Hibernate
 * dialect offers no nested transactions.
 */
@Component
class DelegateSavepoints extends AbstractProcessEnginePlugin {

    private final DataSource dataSource;

    DelegateSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DelegateInterceptor inner = configuration.getDelegateInterceptor() != null
                ? configuration.getDelegateInterceptor() : new DefaultDelegateInterceptor();
        configuration.setDelegateInterceptor(new Interceptor(inner, dataSource));
    }

    /** Around a Java delegate's invocation a savepoint; every other invocation (listeners, expressions) as it was. */
    static final class Interceptor implements DelegateInterceptor {

        private final DelegateInterceptor inner;
        private final DataSource dataSource;

        Interceptor(DelegateInterceptor inner, DataSource dataSource) {
            this.inner = inner;
            this.dataSource = dataSource;
        }

        @Override
        public void handleInvocation(DelegateInvocation invocation) throws Exception {
            Connection connection = invocation instanceof JavaDelegateInvocation ? transactionConnection() : null;
            if (connection == null) {
                inner.handleInvocation(invocation);
                return;
            }
            Savepoint savepoint = connection.setSavepoint();
            try {
                inner.handleInvocation(invocation);
            } catch (Throwable failure) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollbackFailed) {
                    // the connection itself is gone (a database restart): the delegate's failure says so
                    failure.addSuppressed(rollbackFailed);
                }
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
        }

        /** The connection of the transaction under way, or none outside one. */
        private Connection transactionConnection() {
            return TransactionSynchronizationManager.isActualTransactionActive()
                    && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
                    ? holder.getConnection() : null;
        }
    }
}
