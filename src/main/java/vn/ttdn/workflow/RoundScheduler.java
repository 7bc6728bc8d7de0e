package vn.ttdn.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ttdn.approval.PlanIssued;
import vn.ttdn.plan.PlanLifecycle;

/**
 * Schedules the yearly rounds of every issued plan: when a plan is issued (after its issuance has
 * committed), and at start-up for the plans issued before (imported as issued, or a scheduling that
 * did not happen). Scheduling again schedules nothing twice.
 */
@Component
@Order(10)
class RoundScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RoundScheduler.class);

    private final RoundProcess rounds;
    private final PlanLifecycle plans;

    RoundScheduler(RoundProcess rounds, PlanLifecycle plans) {
        this.rounds = rounds;
        this.plans = plans;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void planIssued(PlanIssued issued) {
        rounds.schedule(issued.planId());
    }

    @Override
    public void run(ApplicationArguments args) {
        int scheduled = 0;
        for (long planId : plans.issuedIds()) {
            scheduled += rounds.schedule(planId).size();
        }
        log.info("Report rounds: {} scheduled at start-up", scheduled);
    }
}
