package vn.ttdn.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Tells a round's process what happened to the round outside it: ready to consolidate, closed. */
@Component
class RoundMessages {

    private final RuntimeService runtime;

    RoundMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Every assigned body is in before the deadline: the round waits ready to consolidate. */
    void ready(long roundId) {
        correlate(ReportRound.MESSAGE_READY, roundId);
    }

    /** The round was closed: its reports still open end. */
    void closed(long roundId) {
        correlate(ReportRound.MESSAGE_CLOSED, roundId);
    }

    private void correlate(String message, long roundId) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(ReportRound.businessKey(roundId))
                .correlateAllWithResult();
    }
}
