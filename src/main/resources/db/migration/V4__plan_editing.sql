-- Editing a draft plan's groups and tasks in the application (vn.ttdn.plan.PlanEditor).

-- Who edited the plan last, and when. Every edit writes them, so every edit also moves the plan's
-- version on: an edit made on an older version is refused (optimistic locking).
alter table plan
    add column edited_at timestamptz,
    add column edited_by varchar(60);

-- Adding, removing and moving tasks or groups renumbers their neighbours: within one transaction
-- two rows may hold the same number or position for a moment. Uniqueness is checked at commit.
alter table task_group
    drop constraint task_group_plan_id_position_key,
    add constraint task_group_plan_id_position_key unique (plan_id, position) deferrable initially deferred,
    drop constraint task_group_plan_id_number_key,
    add constraint task_group_plan_id_number_key unique (plan_id, number) deferrable initially deferred;

alter table plan_task
    drop constraint plan_task_group_id_position_key,
    add constraint plan_task_group_id_position_key unique (group_id, position) deferrable initially deferred,
    drop constraint plan_task_plan_id_number_key,
    add constraint plan_task_plan_id_number_key unique (plan_id, number) deferrable initially deferred;
