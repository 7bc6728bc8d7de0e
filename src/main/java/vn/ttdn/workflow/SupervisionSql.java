package vn.ttdn.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanScope;

/**
 * The SQL of the supervisors' views: the instance catalogue ({@code ttdn.process_instance_info}) for
 * what an instance is about, the engine's runtime tables for where it waits. Every statement is
 * bounded by the filter and the supervisor's scope in SQL, and pages in SQL; only a page of rows
 * (or the steps of one process) leaves the database.
 *
 * <p>An instance waits where one of its executions is, active, at an activity ({@code act_id_} is
 * set only on the executions that are at a step; a scope's or a multi-instance body's own execution
 * has none). Its due date is the earliest due date of its own open tasks and of the open tasks of the
 * sub-instances it waits on (a round is as late as the latest body's report in it). The indexes these
 * statements lean on are listed in V13__supervision.sql.
 */
final class SupervisionSql {

    /** A waiting execution: at a step, active, not an event scope kept for compensation. */
    static final String WAITING = "e.act_id_ is not null and e.is_active_ and not coalesce(e.is_event_scope_, false)";

    private static final String YEAR = "coalesce(r.year, extract(year from i.started_at at time zone 'Asia/Ho_Chi_Minh')::int)";

    private SupervisionSql() {
    }

    /**
     * The running instances matching the filter within the scope: {@code (instance_id, started_at)}.
     * Serves as the CTE {@code f} of the statements below.
     */
    static String filtered(InstanceFilter filter, PlanScope scope, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>(List.of("i.ended_at is null"));
        where(where, filter, scope, params);
        return "select i.instance_id, i.started_at from ttdn.process_instance_info i"
                + (filter.year() != null ? " left join ttdn.report_round r on r.id = i.round_id" : "")
                + " where " + String.join(" and ", where);
    }

    private static void where(List<String> where, InstanceFilter filter, PlanScope scope, MapSqlParameterSource params) {
        if (!scope.all()) {
            where.add("i.plan_id = any(:scope)");
            params.addValue("scope", scope.planIds().toArray(Long[]::new));
        }
        if (filter.planId() != null) {
            where.add("i.plan_id = :plan");
            params.addValue("plan", filter.planId());
        }
        if (filter.processKey() != null) {
            where.add("i.process_key = :process");
            params.addValue("process", filter.processKey());
        }
        if (filter.roundId() != null) {
            where.add("i.round_id = :round");
            params.addValue("round", filter.roundId());
        }
        if (filter.year() != null) {
            where.add(YEAR + " = :year");
            params.addValue("year", filter.year());
        }
        if (filter.bodyCode() != null) {
            // the body it concerns, or a body one of its open tasks is offered to (officer.QNG-SNGV, …)
            where.add("(i.body_code = :body or i.instance_id in (select t.proc_inst_id_ from act_ru_identitylink l"
                    + " join act_ru_task t on t.id_ = l.task_id_ where l.type_ = 'candidate'"
                    + " and l.group_id_ = any(:bodyGroups)))");
            params.addValue("body", filter.bodyCode());
            params.addValue("bodyGroups", List.of(Role.OFFICER, Role.LEADER, Role.CLERK).stream()
                    .map(role -> EngineGroups.forBody(role, filter.bodyCode())).toArray(String[]::new));
        }
        if (filter.activityId() != null) {
            where.add("i.instance_id in (select e.proc_inst_id_ from act_ru_execution e where e.act_id_ = :step and "
                    + WAITING + ")");
            params.addValue("step", filter.activityId());
        }
    }

    /**
     * One statement for the counts and a page: the filtered instances ({@code f}), each one's due
     * date and whether a person holds it ({@code d}: its own open tasks, and those of its running
     * sub-instances), whether it has an incident; then the counts over all of them and the page,
     * the overdue first (the most overdue first), then the oldest. Always one row at least (the
     * counts, with a null instance when the page is empty).
     */
    static String page(InstanceFilter filter, PlanScope scope, int page, int size, Instant now,
                       MapSqlParameterSource params) {
        params.addValue("now", Timestamp.from(now));
        params.addValue("limit", size);
        params.addValue("offset", (long) page * size);
        return "with f as materialized (" + filtered(filter, scope, params) + "),\n"
                + "d as (select x.instance_id, min(x.due) as due, bool_or(x.own) as person from (\n"
                + "  select t.proc_inst_id_ as instance_id, t.due_date_ as due, true as own from act_ru_task t\n"
                + "   where t.proc_inst_id_ in (select instance_id from f)\n"
                + "  union all\n"
                + "  select c.super_instance_id, t.due_date_, false from ttdn.process_instance_info c\n"
                + "    join act_ru_task t on t.proc_inst_id_ = c.instance_id\n"
                + "   where c.ended_at is null and c.super_instance_id in (select instance_id from f)) x\n"
                + "  group by x.instance_id),\n"
                + "rows as (select f.instance_id, f.started_at, d.due, coalesce(d.person, false) as person,\n"
                + "         x.proc_inst_id_ is not null as incident\n"
                + "    from f left join d on d.instance_id = f.instance_id\n"
                + "    left join (select distinct proc_inst_id_ from act_ru_incident) x on x.proc_inst_id_ = f.instance_id)\n"
                + "select c.running, c.waiting, c.overdue, c.incidents, p.instance_id\n"
                + "  from (select count(*) as running, count(*) filter (where person) as waiting,\n"
                + "               count(*) filter (where due < :now) as overdue,\n"
                + "               count(*) filter (where incident) as incidents from rows) c\n"
                + "  left join lateral (select instance_id, due, started_at from rows"
                + (filter.overdueOnly() ? " where due < :now" : "") + "\n"
                + "     order by case when due < :now then due end nulls last, started_at, instance_id\n"
                + "     limit :limit offset :offset) p on true\n"
                + " order by case when p.due < :now then p.due end nulls last, p.started_at, p.instance_id";
    }

    /** What these instances are: the catalogue's row, the round's, how many incidents. */
    static final String ROWS = """
            select i.instance_id, i.root_instance_id, i.super_instance_id, i.process_key, i.business_key,
                   i.plan_id, i.round_id, i.body_code, i.started_at, i.ended_at,
                   r.plan_id as round_plan_id, r.kind as round_kind, r.year as round_year, r.label as round_label,
                   r.deadline as round_deadline,
                   (select count(*) from act_ru_incident x where x.proc_inst_id_ = i.instance_id) as incidents
              from ttdn.process_instance_info i
              left join ttdn.report_round r on r.id = i.round_id
             where i.instance_id = any(:ids)
            """;

    /**
     * Every place these instances wait at, one row per waiting execution (and per sub-instance it
     * calls): the step, since when (its activity instance's start in history, else when its task,
     * job or subscription was made), the task with its candidates, the sub-instance with its body and
     * the earliest due date of its open tasks, the timer or job of that step, the event subscription.
     */
    static final String WAITS = """
            select e.proc_inst_id_ as instance_id, e.proc_def_id_ as definition_id, e.act_id_ as activity_id,
                   h.act_type_ as activity_type,
                   coalesce(h.start_time_, t.create_time_, j.create_time_, s.created_) as since,
                   t.id_ as task_id, t.name_ as task_name, t.assignee_ as assignee, t.due_date_ as task_due,
                   (select string_agg(l.group_id_, ' ' order by l.group_id_) from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as candidate_groups,
                   (select string_agg(l.user_id_, ' ' order by l.user_id_) from act_ru_identitylink l
                     where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.user_id_ is not null) as candidate_users,
                   sub.id_ as sub_id, sc.body_code as sub_body,
                   (select min(st.due_date_) from act_ru_task st where st.proc_inst_id_ = sub.id_) as sub_due,
                   j.type_ as job_type, j.duedate_ as job_due,
                   s.event_type_ as event_type, s.event_name_ as event_name
              from act_ru_execution e
              left join act_hi_actinst h on h.id_ = e.act_inst_id_
              left join act_ru_task t on t.execution_id_ = e.id_
              left join act_ru_execution sub on sub.super_exec_ = e.id_
              left join ttdn.process_instance_info sc on sc.instance_id = sub.id_
              left join lateral (select j.type_, j.duedate_, j.create_time_ from act_ru_job j
                                   left join act_ru_jobdef jd on jd.id_ = j.job_def_id_
                                  where j.execution_id_ = e.id_ and (jd.act_id_ is null or jd.act_id_ = e.act_id_)
                                  order by j.type_ = 'timer' desc, j.duedate_ limit 1) j on true
              left join lateral (select s.event_type_, s.event_name_, s.created_ from act_ru_event_subscr s
                                  where s.execution_id_ = e.id_ and s.activity_id_ = e.act_id_
                                  order by s.created_ limit 1) s on true
             where e.proc_inst_id_ = any(:ids) and %s
             order by e.proc_inst_id_, since, e.act_id_, t.id_, sub.id_
            """.formatted(WAITING);

    /**
     * Per step of one process: how many of the filtered instances wait there, and how many of them
     * are overdue there (a task of that step past due, or a sub-instance it calls with one).
     */
    static String steps(InstanceFilter filter, PlanScope scope, Instant now, MapSqlParameterSource params) {
        params.addValue("now", Timestamp.from(now));
        return "with f as materialized (" + filtered(filter, scope, params) + ")\n"
                + "select e.act_id_ as activity_id, count(distinct e.proc_inst_id_) as waiting,\n"
                + "       count(distinct e.proc_inst_id_) filter (where t.due_date_ < :now or st.due_date_ < :now) as overdue\n"
                + "  from f join act_ru_execution e on e.proc_inst_id_ = f.instance_id\n"
                + "  left join act_ru_task t on t.execution_id_ = e.id_\n"
                + "  left join act_ru_execution sub on sub.super_exec_ = e.id_\n"
                + "  left join act_ru_task st on st.proc_inst_id_ = sub.id_\n"
                + " where " + WAITING + "\n"
                + " group by e.act_id_";
    }

    /** How many of the running instances in scope there are per plan, body, process, round and year. */
    static String facets(PlanScope scope, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>(List.of("i.ended_at is null"));
        where(where, InstanceFilter.NONE, scope, params);
        return "select grouping(i.plan_id) as g_plan, grouping(i.body_code) as g_body,\n"
                + "       grouping(i.process_key) as g_process, grouping(i.round_id) as g_round,\n"
                + "       i.plan_id, i.body_code, i.process_key, i.round_id, " + YEAR + " as year, count(*) as running\n"
                + "  from ttdn.process_instance_info i left join ttdn.report_round r on r.id = i.round_id\n"
                + " where " + String.join(" and ", where) + "\n"
                + " group by grouping sets ((i.plan_id), (i.body_code), (i.process_key), (i.round_id), (" + YEAR + "))";
    }

    /** The rounds with these ids. */
    static final String ROUNDS = "select id, plan_id, kind, year, label, deadline from ttdn.report_round where id = any(:ids)";
}
