package vn.ttdn.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ttdn.approval.Approvals;
import vn.ttdn.calendar.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

/**
 * The beans {@code plan-approval.bpmn} names in its expressions: {@code deadlines} for due dates in
 * working days, {@code consultations} for the bodies of a consultation round, and the delegate
 * {@code closeConsultation}. Each only reads ids and calls one service.
 */
@Configuration(proxyBeanMethods = false)
class ProcessBeans {

    /** Office hours end at 17:00 in Việt Nam; a deadline is the end of its working day. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    /** Due dates in working days from now: {@code ${deadlines.workingDaysFromNow(5)}}. */
    public static class Deadlines {

        private final BusinessCalendar calendar;
        private final Clock clock;

        Deadlines(BusinessCalendar calendar, Clock clock) {
            this.calendar = calendar;
            this.clock = clock;
        }

        public Date workingDaysFromNow(int days) {
            return endOf(dueOn(days));
        }

        LocalDate dueOn(int days) {
            return calendar.plusWorkingDays(LocalDate.now(clock.withZone(VIETNAM)), days);
        }

        static Date endOf(LocalDate day) {
            return Date.from(day.atTime(END_OF_DAY).atZone(VIETNAM).toInstant());
        }
    }

    /** The bodies asked in a consultation round: {@code ${consultations.bodies(planId, version)}}. */
    public static class Consultations {

        private final Approvals approvals;

        Consultations(Approvals approvals) {
            this.approvals = approvals;
        }

        public List<String> bodies(Long planId, Integer version) {
            return approvals.consulted(planId, version);
        }
    }

    @Bean
    Deadlines deadlines(BusinessCalendar calendar) {
        return new Deadlines(calendar, Clock.systemDefaultZone());
    }

    @Bean
    Consultations consultations(Approvals approvals) {
        return new Consultations(approvals);
    }

    /** The consultation's timer fired: bodies that did not answer count as "no comment". */
    @Bean
    JavaDelegate closeConsultation(Approvals approvals) {
        Logger log = LoggerFactory.getLogger("vn.ttdn.workflow.closeConsultation");
        return (DelegateExecution execution) -> {
            long planId = (Long) execution.getVariable(PlanApproval.PLAN_ID);
            int version = (Integer) execution.getVariable(PlanApproval.VERSION);
            List<String> silent = approvals.closeConsultation(planId, version);
            log.info("Consultation on plan {} version {} closed; no answer from {}", planId, version, silent);
        };
    }
}
