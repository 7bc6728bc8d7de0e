package vn.ttdn.workflow;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes what each process instance is about (table {@code process_instance_info}) when it starts,
 * in the engine's transaction, and when it ends: its plan, round and body from its variables, its
 * parent and root. Every process of the application carries {@code planId}; rounds and the
 * processes they call carry {@code roundId}; a body's report names its body ({@code reportBody}),
 * the others the body that drives them ({@code consolidatingBody}).
 */
@Component
class InstanceCatalog extends AbstractProcessEnginePlugin implements org.springframework.boot.ApplicationRunner {

    private final ObjectProvider<JdbcTemplate> jdbc;

    InstanceCatalog(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        ExecutionListener started = this::started;
        ExecutionListener ended = this::ended;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, ended);
            }
        });
    }

    /**
     * Instances running since before the catalog existed (a database of an earlier version) are
     * catalogued at start-up from the engine's own tables; once done, this finds nothing to add.
     */
    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
        int added = jdbc.getObject().update("""
                insert into ttdn.process_instance_info (instance_id, root_instance_id, super_instance_id, process_key,
                       business_key, plan_id, round_id, body_code, started_at)
                select e.id_, coalesce(e.root_proc_inst_id_, e.id_), sup.proc_inst_id_, d.key_, e.business_key_,
                       (select v.long_ from act_ru_variable v where v.execution_id_ = e.id_ and v.name_ = 'planId'),
                       (select v.long_ from act_ru_variable v where v.execution_id_ = e.id_ and v.name_ = 'roundId'),
                       coalesce((select v.text_ from act_ru_variable v where v.execution_id_ = e.id_
                                  and v.name_ = 'reportBody'),
                                (select v.text_ from act_ru_variable v where v.execution_id_ = e.id_
                                  and v.name_ = 'consolidatingBody')),
                       coalesce(h.start_time_, now())
                  from act_ru_execution e
                  join act_re_procdef d on d.id_ = e.proc_def_id_
                  left join act_ru_execution sup on sup.id_ = e.super_exec_
                  left join act_hi_procinst h on h.id_ = e.id_
                 where e.id_ = e.proc_inst_id_
                on conflict (instance_id) do nothing
                """);
        if (added > 0) {
            org.slf4j.LoggerFactory.getLogger(InstanceCatalog.class)
                    .info("{} running process instances catalogued from the engine's tables", added);
        }
    }

    private void started(DelegateExecution execution) {
        ExecutionEntity instance = (ExecutionEntity) execution.getProcessInstance();
        ExecutionEntity parent = instance.getSuperExecution();
        String body = text(execution, AgencyReport.REPORT_BODY);
        jdbc.getObject().update("insert into ttdn.process_instance_info (instance_id, root_instance_id, "
                        + "super_instance_id, process_key, business_key, plan_id, round_id, body_code, started_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (instance_id) do nothing",
                instance.getId(), instance.getRootProcessInstanceId() == null ? instance.getId()
                        : instance.getRootProcessInstanceId(),
                parent == null ? null : parent.getProcessInstanceId(), instance.getProcessDefinition().getKey(),
                instance.getBusinessKey(), number(execution, PlanApproval.PLAN_ID),
                number(execution, ReportRound.ROUND_ID),
                body != null ? body : text(execution, ReportRound.CONSOLIDATING_BODY),
                new Timestamp(ClockUtil.getCurrentTime().getTime()));
    }

    private void ended(DelegateExecution execution) {
        jdbc.getObject().update("update ttdn.process_instance_info set ended_at = ? where instance_id = ?",
                new Timestamp(ClockUtil.getCurrentTime().getTime()), execution.getProcessInstanceId());
    }

    /** A variable that holds a number (an id), as a long; null when absent. */
    static Long number(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof Number n ? n.longValue() : null;
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String s ? s : null;
    }
}
