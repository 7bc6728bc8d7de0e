package vn.ttdn.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ttdn.amendment.Amendments;
import vn.ttdn.audit.AuditKind;

/**
 * The delegates {@code plan-amendment.bpmn} names: {@code applyAmendment} (the approved changes as the
 * plan's next version, numbered in the issuer's register) and {@code notifyAmendment} (the bodies
 * concerned told). Each reads ids, calls one service and writes a typed result.
 */
@Configuration(proxyBeanMethods = false)
class AmendmentBeans {

    private static final Logger log = LoggerFactory.getLogger(AmendmentBeans.class);

    @Bean
    JavaDelegate applyAmendment(Amendments amendments, AuditTrail audit) {
        return (DelegateExecution execution) -> {
            long amendmentId = ((Number) execution.getVariable(PlanAmendment.AMENDMENT_ID)).longValue();
            var version = amendments.apply(amendmentId, RoundProcess.today(), ClockUtil.getCurrentTime().toInstant());
            execution.setVariable(PlanAmendment.APPLIED, version.isPresent());
            version.ifPresent(v -> {
                execution.setVariable(PlanAmendment.PLAN_VERSION, v.version());
                audit.recordAt(execution, AuditKind.NUMBER_ISSUED, AuditTrail.numberDetails(v.reference(), null,
                        v.issuedOn()));
            });
            log.info("Amendment {} decided: {}", amendmentId,
                    version.map(v -> "plan version " + v.version() + " (" + v.reference() + ")").orElse("all rejected"));
        };
    }

    @Bean
    JavaDelegate notifyAmendment(Amendments amendments) {
        return (DelegateExecution execution) -> {
            long amendmentId = ((Number) execution.getVariable(PlanAmendment.AMENDMENT_ID)).longValue();
            log.info("Amendment {}: bodies told {}", amendmentId, amendments.notifyBodies(amendmentId, RoundProcess.today()));
        };
    }
}
