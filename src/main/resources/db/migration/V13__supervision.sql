-- The supervisors' live view (issue 10, workflow's Supervision and SupervisionSql): the running
-- instances, filtered and paged in SQL at 100,000 of them. The engine's own indexes serve its tables
-- (act_ru_task by proc_inst_id_ and execution_id_, act_ru_execution by proc_inst_id_ and super_exec_,
-- act_ru_identitylink by group_id_ and task_id_, act_ru_incident by proc_inst_id_); these serve the
-- catalogue's side.

-- The instances of the plans a supervisor follows, or of one plan:
--   ... from process_instance_info i where i.ended_at is null and i.plan_id = any(:scope) [and i.plan_id = :plan]
-- (the list, the counts, the facets); the finished instances, which pile up, stay out of the index.
create index process_instance_info_running_plan on process_instance_info (plan_id, started_at)
    where ended_at is null;

-- The instances of one process: the list filtered by process, and its counts per step
--   ... where i.ended_at is null and i.process_key = :process
create index process_instance_info_running_process on process_instance_info (process_key, started_at)
    where ended_at is null;

-- The sub-instances of an instance: an instance's children (select instance_id ... where super_instance_id = :id),
-- and the due date of an instance that waits on them (the open tasks of its running children:
--   ... from process_instance_info c join act_ru_task t on t.proc_inst_id_ = c.instance_id
--        where c.ended_at is null and c.super_instance_id in (select instance_id from f)).
create index process_instance_info_super on process_instance_info (super_instance_id);
