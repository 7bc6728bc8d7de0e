package vn.ttdn.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's lock owner names its node: {@code ACT_RU_JOB.LOCK_OWNER_} of a job a node has
 * taken is the engine's hostname (the host's address and the engine's name, or the {@code hostname}
 * generic property), a space, and the executor's own random id, so an operator sees which node holds
 * a job and until when ({@code LOCK_EXP_TIME_}), e.g. one that died with jobs locked. The random id
 * stays: two nodes on one host, or a node restarted, never share an owner.
 */
@Component
class JobLockOwner extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null && configuration.getHostname() != null) {
            executor.setLockOwner(configuration.getHostname() + " " + executor.getLockOwner());
        }
    }
}
