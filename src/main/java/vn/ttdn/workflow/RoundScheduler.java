package vn.ttdn.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import vn.ttdn.approval.PlanIssued;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.system.InvalidInputException;

/**
 * Schedules the yearly rounds of every issued plan: when a plan is issued (once its issuance has
 * committed, in a transaction of its own, the event kept in the event publication registry until it
 * is done, so a failure is retried and never lost), and at start-up for the plans issued before
 * (imported as issued). Scheduling again schedules nothing twice.
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

    @ApplicationModuleListener
    void planIssued(PlanIssued issued) {
        rounds.schedule(issued.planId());
    }

    @Override
    public void run(ApplicationArguments args) {
        int scheduled = 0;
        for (long planId : plans.issuedIds()) {
            try {
                scheduled += rounds.schedule(planId).size();
            } catch (InvalidInputException e) {
                // e.g. its consolidating body ended with no successor: the directory needs mending, the start does not
                log.warn("Plan {}: its rounds cannot be scheduled: {}", planId, e.problems());
            }
        }
        log.info("Report rounds: {} scheduled at start-up", scheduled);
    }
}
