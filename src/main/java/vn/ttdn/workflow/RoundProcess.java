package vn.ttdn.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.calendar.BusinessCalendar;
import vn.ttdn.reporting.AdhocRoundInput;
import vn.ttdn.reporting.ReportingProperties;
import vn.ttdn.reporting.Rounds;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

/**
 * Runs the rounds of issued plans as {@code report-round} instances: schedules a plan's yearly rounds
 * (each waits on its opening timer), opens one the consolidating body asks for at once, opens a
 * scheduled one now (its timer fired), and closes one. Deadlines are Việt Nam's days; reminders fall
 * on working days of the business calendar.
 */
@Service
@Transactional
public class RoundProcess {

    private static final Logger log = LoggerFactory.getLogger(RoundProcess.class);
    static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final Rounds rounds;
    private final RoundMessages messages;
    private final BusinessCalendar calendar;
    private final ReportingProperties properties;
    private final ProcessDiagrams diagrams;
    private final org.camunda.bpm.engine.TaskService taskService;

    RoundProcess(RuntimeService runtime, ManagementService management, Rounds rounds, RoundMessages messages,
                 BusinessCalendar calendar, ReportingProperties properties, ProcessDiagrams diagrams,
                 org.camunda.bpm.engine.TaskService taskService) {
        this.diagrams = diagrams;
        this.taskService = taskService;
        this.runtime = runtime;
        this.management = management;
        this.rounds = rounds;
        this.messages = messages;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** The engine's today in Việt Nam (its clock may be set in tests). */
    public static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ProcessBeans.VIETNAM).toLocalDate();
    }

    /** The engine's now (its clock may be set in tests), for reads that name the day. */
    public static java.time.Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Schedules the yearly rounds still to come of an issued plan; each waits for its opening day. */
    public List<Long> schedule(long planId) {
        List<Long> created = rounds.schedulePeriodic(planId, today());
        created.forEach(this::start);
        if (!created.isEmpty()) {
            log.info("Plan {}: {} report rounds scheduled", planId, created.size());
        }
        return created;
    }

    /** A round the consolidating body asks for (ad hoc, or yearly without a day in the plan), opened at once. */
    public long create(long planId, AdhocRoundInput in, CurrentUser user) {
        long roundId = rounds.create(planId, in, user, today());
        start(roundId);
        fireOpeningTimer(roundId);
        return roundId;
    }

    /** Opens a scheduled round now, as if its opening day had come: its timer fires. */
    public void openNow(long roundId, CurrentUser user) {
        rounds.checkOpensNow(roundId, user);
        fireOpeningTimer(roundId);
    }

    /** Closes a round: what is not in counts as missing, its open reports end; it waits ready to consolidate. */
    public void close(long roundId, CurrentUser user) {
        boolean wasReady = rounds.close(roundId, user);
        if (!wasReady) {
            messages.ready(roundId);
        }
        messages.closed(roundId);
    }

    /** The round's process drawn: the model, where it waits, where it has been. */
    @Transactional(readOnly = true)
    public java.util.Optional<ApprovalProcess.Diagram> diagram(long roundId) {
        return diagrams.latest(ReportRound.KEY, ReportRound.businessKey(roundId));
    }

    private void fireOpeningTimer(long roundId) {
        Job timer = management.createJobQuery().processInstanceId(instanceOf(roundId).getId())
                .activityId(ReportRound.OPENS).singleResult();
        if (timer == null) {
            throw new InvalidInputException(org.springframework.http.HttpStatus.CONFLICT, "Round not waiting",
                    List.of(InputProblem.of("status", "round.notWaiting", "the round is not waiting to open")));
        }
        management.executeJob(timer.getId());
    }

    private ProcessInstance instanceOf(long roundId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ReportRound.KEY)
                .processInstanceBusinessKey(ReportRound.businessKey(roundId)).singleResult();
        if (instance == null) {
            throw new InvalidInputException(org.springframework.http.HttpStatus.CONFLICT, "Round not running",
                    List.of(InputProblem.of("status", "round.notRunning", "the round's process is not running")));
        }
        return instance;
    }

    /** Starts a round's instance with its dates as timer instants; it waits for its opening day. */
    private void start(long roundId) {
        Rounds.RoundDates dates = rounds.dates(roundId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportRound.ROUND_ID, roundId);
        variables.put(ReportRound.PLAN_ID, dates.planId());
        variables.put(ReportRound.CONSOLIDATING_BODY, dates.consolidatingBody());
        variables.put(ReportRound.OPENS_AT, at(dates.opensOn(), LocalTime.MIDNIGHT));
        variables.putAll(deadlineInstants(dates.deadline()));
        runtime.startProcessInstanceByKey(ReportRound.KEY, ReportRound.businessKey(roundId), variables);
    }

    /** The instants a deadline sets: the reminders' (working days before it), the report tasks' due, the overdue. */
    private Map<String, Date> deadlineInstants(LocalDate deadline) {
        Map<String, Date> instants = new HashMap<>();
        List<Integer> days = properties.reminderWorkingDays();
        instants.put(ReportRound.REMIND_7_AT, at(calendar.minusWorkingDays(deadline, days.get(0)), OFFICE_OPENS));
        instants.put(ReportRound.REMIND_3_AT, at(calendar.minusWorkingDays(deadline, days.get(days.size() - 1)),
                OFFICE_OPENS));
        instants.put(ReportRound.REMIND_DUE_AT, at(deadline, OFFICE_OPENS));
        instants.put(ReportRound.DUE_AT, ProcessBeans.Deadlines.endOf(deadline));
        instants.put(ReportRound.OVERDUE_AT, at(deadline.plusDays(1), LocalTime.MIDNIGHT));
        return instants;
    }

    /** The timers a round's deadline sets, by their boundary event, and the variable each waits for. */
    static final Map<String, String> DEADLINE_TIMERS = Map.of(
            "boundaryEvent_remindSevenDays", ReportRound.REMIND_7_AT,
            "boundaryEvent_remindThreeDays", ReportRound.REMIND_3_AT,
            "boundaryEvent_remindDueDay", ReportRound.REMIND_DUE_AT,
            "boundaryEvent_overdue", ReportRound.OVERDUE_AT);

    /** What a round's new deadline moved: the deadline before, each timer moved (from, to), the tasks' due dates moved. */
    record Extension(LocalDate from, List<Map<String, Object>> timers, int tasksMoved) {
    }

    /**
     * Moves an open round's deadline to a later day, everywhere it is kept: the round's data, the
     * instants its timers wait for and the timers still to fire (a reminder already sent is not sent
     * again), the due date its running reports and their open tasks take (a body given a later one
     * of its own keeps it). Refused once the round is no longer open (its deadline passed, or it is
     * ready and consolidating).
     */
    Extension extendDeadline(String roundInstanceId, long roundId, LocalDate until) {
        LocalDate before = rounds.extendDeadline(roundId, until);
        Map<String, Date> instants = deadlineInstants(until);
        runtime.setVariables(roundInstanceId, instants);
        List<Map<String, Object>> timers = new java.util.ArrayList<>();
        for (Map.Entry<String, String> timer : new java.util.TreeMap<>(DEADLINE_TIMERS).entrySet()) {
            for (Job job : management.createJobQuery().processInstanceId(roundInstanceId).activityId(timer.getKey())
                    .timers().list()) {
                Date to = instants.get(timer.getValue());
                management.setJobDuedate(job.getId(), to);
                timers.add(Map.of("activityId", timer.getKey(), "from", job.getDuedate().toInstant().toString(),
                        "to", to.toInstant().toString()));
            }
        }
        Date due = instants.get(ReportRound.DUE_AT);
        int moved = 0;
        for (ProcessInstance report : runtime.createProcessInstanceQuery().superProcessInstanceId(roundInstanceId)
                .processDefinitionKey(AgencyReport.KEY).list()) {
            Object dueAt = runtime.getVariable(report.getId(), AgencyReport.DUE_AT);
            if (!(dueAt instanceof Date d) || d.before(due)) {
                runtime.setVariable(report.getId(), AgencyReport.DUE_AT, due);
            }
            for (org.camunda.bpm.engine.task.Task task : taskService.createTaskQuery().processInstanceId(report.getId())
                    .list()) {
                if (task.getDueDate() != null && task.getDueDate().before(due)) {
                    task.setDueDate(due);
                    taskService.saveTask(task);
                    moved++;
                }
            }
        }
        log.info("Round {}: deadline moved from {} to {}; {} timers and {} tasks moved", roundId, before, until,
                timers.size(), moved);
        return new Extension(before, timers, moved);
    }

    static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(ProcessBeans.VIETNAM).toInstant());
    }
}
