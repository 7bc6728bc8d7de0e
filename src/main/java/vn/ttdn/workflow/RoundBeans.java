package vn.ttdn.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ttdn.reporting.ReportingProperties;
import vn.ttdn.reporting.Rounds;

/**
 * The beans {@code report-round.bpmn} names: {@code roundBodies} for the bodies its multi-instance
 * calls, and the delegates {@code openRound}, {@code remindBodies}, {@code markLate} and
 * {@code allReportsIn}. Each reads ids, calls one service and writes back at most a flag.
 */
@Configuration(proxyBeanMethods = false)
class RoundBeans {

    private static final Logger log = LoggerFactory.getLogger(RoundBeans.class);

    /** The bodies a round asks: {@code ${roundBodies.codes(roundId)}}. */
    public static class RoundBodies {

        private final Rounds rounds;

        RoundBodies(Rounds rounds) {
            this.rounds = rounds;
        }

        public List<String> codes(Long roundId) {
            return rounds.bodyCodes(roundId);
        }
    }

    @Bean
    RoundBodies roundBodies(Rounds rounds) {
        return new RoundBodies(rounds);
    }

    /** The opening day came: the bodies asked are fixed as the directory stands today. */
    @Bean
    JavaDelegate openRound(Rounds rounds) {
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(ReportRound.ROUND_ID);
            List<String> bodies = rounds.open(roundId, RoundProcess.today());
            execution.setVariable(ReportRound.OPENED_AT, ClockUtil.getCurrentTime());
            log.info("Round {} opened: {} bodies asked", roundId, bodies.size());
        };
    }

    /**
     * A reminder's day came: the bodies not in are reminded, unless that day was before the round
     * opened (a short ad-hoc round has no reminder seven working days before its deadline).
     */
    @Bean
    JavaDelegate remindBodies(Rounds rounds, ReportingProperties properties) {
        Map<String, String> timeOf = Map.of(ReportRound.REMIND_7, ReportRound.REMIND_7_AT,
                ReportRound.REMIND_3, ReportRound.REMIND_3_AT, ReportRound.REMIND_DUE, ReportRound.REMIND_DUE_AT);
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(ReportRound.ROUND_ID);
            String activity = execution.getCurrentActivityId();
            Date due = (Date) execution.getVariable(timeOf.get(activity));
            Date opened = (Date) execution.getVariable(ReportRound.OPENED_AT);
            if (opened != null && due.before(opened)) {
                log.info("Round {}: reminder {} fell before the round opened; not sent", roundId, activity);
                return;
            }
            List<Integer> days = properties.reminderWorkingDays();
            int left = ReportRound.REMIND_7.equals(activity) ? days.get(0)
                    : ReportRound.REMIND_3.equals(activity) ? days.get(days.size() - 1) : 0;
            List<String> reminded = rounds.remind(roundId, left);
            log.info("Round {}: {} bodies reminded ({} working days left)", roundId, reminded.size(), left);
        };
    }

    /** The deadline passed: the bodies not in are late; the round is ready to consolidate. */
    @Bean
    JavaDelegate markLate(Rounds rounds) {
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(ReportRound.ROUND_ID);
            execution.setVariable(ReportRound.BECAME_READY, rounds.deadlinePassed(roundId));
        };
    }

    /** The round is ready: its consolidated report starts, assembled from the reports in. */
    @Bean
    JavaDelegate startConsolidation(vn.ttdn.reporting.Consolidations consolidations) {
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(RoundConsolidation.ROUND_ID);
            consolidations.start(roundId, ClockUtil.getCurrentTime().toInstant());
        };
    }

    /** The leader approved: the consolidated report is drawn as DOCX, XLSX and PDF and sent. */
    @Bean
    JavaDelegate sendConsolidation(vn.ttdn.reporting.Consolidations consolidations) {
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(RoundConsolidation.ROUND_ID);
            List<String> to = consolidations.send(roundId, ClockUtil.getCurrentTime().toInstant());
            log.info("Round {}: consolidated report sent to {}", roundId, to);
        };
    }

    /** Every report of the round was received: the round is ready, if it was not already. */
    @Bean
    JavaDelegate allReportsIn(Rounds rounds) {
        return (DelegateExecution execution) -> {
            long roundId = (Long) execution.getVariable(ReportRound.ROUND_ID);
            execution.setVariable(ReportRound.BECAME_READY, rounds.readyIfAllAssignedIn(roundId));
        };
    }
}
