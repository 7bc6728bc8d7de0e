-- Yearly and ad-hoc report rounds on issued plans: who is asked (as the directory stood on the day
-- the round opened), each body's state, every version of its report and every step taken on it.
-- The engine keeps only ids and the last decision; what people wrote lives here.

-- The figures (chỉ tiêu) a plan's reports give, when its file declares them.
create table plan_indicator (
    plan_id   bigint       not null references plan (id) on delete cascade,
    position  integer      not null,
    code      varchar(40)  not null,
    label     text         not null,
    unit      varchar(40)  not null,
    primary key (plan_id, position),
    unique (plan_id, code)
);

create table report_round (
    id                      bigserial     primary key,
    plan_id                 bigint        not null references plan (id),
    kind                    varchar(10)   not null check (kind in ('YEARLY', 'ADHOC')),
    year                    int           not null,
    label                   varchar(300),
    deadline                date          not null,
    period_from             date,
    period_to               date,
    opens_on                date          not null,
    status                  varchar(12)   not null check (status in ('SCHEDULED', 'OPEN', 'READY', 'CLOSED')),
    consolidating_code      varchar(40)   not null references body (code),
    consolidating_replaces  varchar(40)   references body (code),
    -- an ad-hoc round may ask only some tasks (their numbers) and some bodies; null: all
    task_numbers            text[],
    body_codes              text[],
    created_by              varchar(60)   not null,
    created_at              timestamptz   not null,
    opened_at               timestamptz,
    ready_at                timestamptz,
    closed_at               timestamptz,
    closed_by               varchar(60)   references person (username)
);
-- one yearly round per plan and year
create unique index report_round_yearly on report_round (plan_id, year) where kind = 'YEARLY';
create index report_round_plan on report_round (plan_id, id);

-- A body asked in a round, standing for the body the plan names where that one has ended.
create table round_body (
    round_id        bigint        not null references report_round (id),
    body_code       varchar(40)   not null references body (code),
    replaces_code   varchar(40)   references body (code),
    kind            varchar(10)   not null check (kind in ('ASSIGNED', 'REQUESTED')),
    position        int           not null,
    state           varchar(12)   not null
                    check (state in ('PENDING', 'DRAFT', 'RETURNED', 'SUBMITTED', 'RECEIVED', 'MISSING')),
    late            boolean       not null default false,
    version         int           not null default 0,
    submitted_at    timestamptz,
    received_at     timestamptz,
    report_number   varchar(60),
    -- the tasks it reports on, as the plan named them on the day the round opened: [{number, role}]
    tasks           jsonb         not null,
    primary key (round_id, body_code)
);
create index round_body_body on round_body (body_code);

-- Every version of a body's report, as its officer wrote it: the rows per task, the indicators.
create table agency_report (
    id           bigserial     primary key,
    round_id     bigint        not null,
    body_code    varchar(40)   not null,
    version      int           not null,
    content      jsonb         not null,
    drafted_by   varchar(60)   not null references person (username),
    drafted_at   timestamptz   not null,
    foreign key (round_id, body_code) references round_body (round_id, body_code),
    unique (round_id, body_code, version)
);

-- Every step taken on a body's report, in order, with who took it and why.
create table report_step (
    id           bigserial     primary key,
    round_id     bigint        not null references report_round (id),
    body_code    varchar(40)   references body (code),
    version      int           not null,
    step         varchar(20)   not null,
    actor        varchar(60)   references person (username),
    actor_name   varchar(200),
    actor_title  varchar(200),
    note         text,
    taken_at     timestamptz   not null
);
create index report_step_round on report_step (round_id, body_code, id);

-- Files attached to a body's report (PDF, DOCX, XLSX) live beside the Tờ trình's, named by the
-- round and body; a Tờ trình's files have neither.
alter table attachment
    add column round_id   bigint       references report_round (id),
    add column body_code  varchar(40)  references body (code),
    add check ((round_id is null) = (body_code is null));
create index attachment_report on attachment (round_id, body_code);
