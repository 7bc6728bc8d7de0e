package vn.ttdn.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.ttdn.system.StartupLock;

/**
 * The engine is built under the start-up lock ({@link StartupLock}): its schema created or checked
 * (schema-update true), then its deployment of the processes with duplicate filtering, one node at a
 * time, so two nodes on an empty database neither both create the ACT_* tables nor both deploy.
 */
@Component
class EngineStartupLock extends AbstractProcessEnginePlugin {

    private final StartupLock lock;

    EngineStartupLock(StartupLock lock) {
        this.lock = lock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        lock.hold();
    }
}
