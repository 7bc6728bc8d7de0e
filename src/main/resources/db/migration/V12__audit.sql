-- The audit record (issue 10): every event of every process, appended, never changed.
--
-- audit_event holds what happened; audit_seal chains it: one seal per event, numbered without a
-- gap (seq), each keeping the SHA-256 of the event's content and of the seal before it. Events are
-- appended by the requests that cause them, each in its own transaction, without any lock shared
-- between them; one sealing job (one node at a time, under an advisory lock) seals the committed
-- events after commit, in the order of their ids as it finds them. An event whose transaction
-- commits after a later id was sealed is sealed in the next run: the chain's order is the order of
-- sealing, and no commit order is assumed (ADR 0012).
--
-- Neither table can be changed or emptied, by the application's own account included: the triggers
-- below refuse UPDATE, DELETE and TRUNCATE. Engine history cleanup never touches them.

create table audit_event (
    id               bigserial    primary key,
    recorded_at      timestamptz  not null default clock_timestamp(),
    kind             varchar(40)  not null,
    instance_id      varchar(64),
    root_instance_id varchar(64),
    process_key      varchar(100),
    business_key     varchar(255),
    task_id          varchar(64),
    activity_id      varchar(255),
    activity_name    varchar(255),
    actor            varchar(60),
    actor_name       varchar(200),
    actor_body       varchar(40),
    actor_body_name  varchar(300),
    plan_id          bigint,
    round_id         bigint,
    details          jsonb        not null default '{}'::jsonb
);

create index audit_event_instance on audit_event (instance_id, id);
create index audit_event_root on audit_event (root_instance_id, id);
create index audit_event_plan on audit_event (plan_id, id);
create index audit_event_actor on audit_event (actor, id);
create index audit_event_recorded on audit_event (recorded_at);

create table audit_seal (
    seq         bigint       primary key,
    event_id    bigint       not null unique,
    prev_hash   char(64)     not null,
    hash        char(64)     not null,
    sealed_at   timestamptz  not null default clock_timestamp()
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit record is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_refuse_change();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_refuse_change();

-- What each process instance is about, written when it starts (workflow's InstanceCatalog): the
-- plan, the round, the body it concerns; so that supervisors' lists filter and page by them with
-- indexes, and audit events name their plan and round. Engine history cleanup does not touch it.
create table process_instance_info (
    instance_id       varchar(64)  primary key,
    root_instance_id  varchar(64)  not null,
    super_instance_id varchar(64),
    process_key       varchar(100) not null,
    business_key      varchar(255),
    plan_id           bigint,
    round_id          bigint,
    body_code         varchar(40),
    started_at        timestamptz  not null,
    ended_at          timestamptz
);

create index process_instance_info_running on process_instance_info (started_at) where ended_at is null;
create index process_instance_info_plan on process_instance_info (plan_id, started_at);
create index process_instance_info_round on process_instance_info (round_id);
create index process_instance_info_body on process_instance_info (body_code, started_at);
create index process_instance_info_root on process_instance_info (root_instance_id);
