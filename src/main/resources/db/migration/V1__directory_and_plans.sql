-- The directory of bodies and people, and plans as data. Schema "ttdn" (see application.yaml).

create table body (
    code         varchar(40)  primary key,
    name         varchar(300) not null,
    short_name   varchar(200) not null,
    kind         varchar(30)  not null,
    level        varchar(20)  not null,
    parent_code  varchar(40)  references body (code),
    register     varchar(20),
    valid_from   date,
    valid_to     date,
    check (valid_to is null or valid_from is null or valid_from <= valid_to)
);

-- Where a body's work went when it was renamed, merged or dissolved.
create table body_successor (
    body_code       varchar(40) not null references body (code),
    successor_code  varchar(40) not null references body (code),
    relation        varchar(30) not null,
    primary key (body_code, successor_code)
);

-- Members of a collective designation ("Các sở, ban, ngành tỉnh").
create table body_member (
    collective_code  varchar(40) not null references body (code),
    member_code      varchar(40) not null references body (code),
    primary key (collective_code, member_code)
);

create table person (
    username       varchar(60)  primary key,
    full_name      varchar(200) not null,
    title          varchar(200),
    body_code      varchar(40)  not null references body (code),
    email          varchar(200),
    password_hash  varchar(100) not null,
    enabled        boolean      not null default true
);

create table person_role (
    username  varchar(60) not null references person (username),
    role      varchar(20) not null,
    primary key (username, role)
);

create table plan (
    id                          bigserial    primary key,
    code                        varchar(64)  not null unique,
    document_type               varchar(5)   not null,
    title                       text         not null,
    issuer_code                 varchar(40)  not null references body (code),
    consolidating_code          varchar(40)  not null references body (code),
    status                      varchar(20)  not null,
    source_number               varchar(40),
    source_date                 date,
    source_place                varchar(100),
    source_signer_name          varchar(120),
    source_signer_title         varchar(200),
    source_submission_number    varchar(40),
    source_submission_date      date,
    source_file                 varchar(200),
    preamble                    text,
    funding                     text,
    reporting_receiver_code     varchar(40)  not null references body (code),
    reporting_yearly            boolean      not null default false,
    reporting_yearly_deadline   varchar(5),
    reporting_consolidation_deadline varchar(10),
    reporting_ad_hoc            boolean      not null default false,
    reporting_text              text,
    created_at                  timestamptz  not null default now(),
    created_by                  varchar(60),
    version                     integer      not null default 0
);

-- Ordered lists of paragraphs: legal bases, purpose, requirements.
create table plan_legal_basis (
    plan_id   bigint  not null references plan (id) on delete cascade,
    position  integer not null,
    text      text    not null,
    primary key (plan_id, position)
);
create table plan_purpose (
    plan_id   bigint  not null references plan (id) on delete cascade,
    position  integer not null,
    text      text    not null,
    primary key (plan_id, position)
);
create table plan_requirement (
    plan_id   bigint  not null references plan (id) on delete cascade,
    position  integer not null,
    text      text    not null,
    primary key (plan_id, position)
);
create table plan_organisation (
    plan_id   bigint  not null references plan (id) on delete cascade,
    position  integer not null,
    heading   varchar(500),
    text      text    not null,
    primary key (plan_id, position)
);
create table plan_consolidated_to (
    plan_id    bigint      not null references plan (id) on delete cascade,
    position   integer     not null,
    body_code  varchar(40) not null references body (code),
    primary key (plan_id, position)
);
create table plan_fixed_deadline (
    plan_id   bigint  not null references plan (id) on delete cascade,
    position  integer not null,
    deadline  date    not null,
    primary key (plan_id, position)
);

create table plan_measure (
    id        bigserial   primary key,
    plan_id   bigint      not null references plan (id) on delete cascade,
    position  integer     not null,
    number    varchar(20),
    title     text        not null,
    unique (plan_id, position)
);
create table plan_measure_item (
    measure_id  bigint  not null references plan_measure (id) on delete cascade,
    position    integer not null,
    text        text    not null,
    primary key (measure_id, position)
);

create table plan_recipient (
    id        bigserial    primary key,
    plan_id   bigint       not null references plan (id) on delete cascade,
    position  integer      not null,
    label     varchar(300) not null,
    unique (plan_id, position)
);
create table plan_recipient_body (
    recipient_id  bigint      not null references plan_recipient (id) on delete cascade,
    position      integer     not null,
    body_code     varchar(40) not null references body (code),
    primary key (recipient_id, position)
);

create table task_group (
    id           bigserial   primary key,
    plan_id      bigint      not null references plan (id) on delete cascade,
    position     integer     not null,
    number       varchar(20) not null,
    title        text        not null,
    description  text,
    unique (plan_id, position),
    unique (plan_id, number)
);

create table plan_task (
    id             bigserial    primary key,
    group_id       bigint       not null references task_group (id) on delete cascade,
    plan_id        bigint       not null references plan (id) on delete cascade,
    position       integer      not null,
    number         varchar(20)  not null,
    content        text         not null,
    timeline       varchar(20),
    timeline_text  varchar(200),
    kind           varchar(20)  not null,
    unique (group_id, position),
    unique (plan_id, number)
);

create table plan_task_lead (
    task_id    bigint      not null references plan_task (id) on delete cascade,
    position   integer     not null,
    body_code  varchar(40) not null references body (code),
    primary key (task_id, position)
);
create table plan_task_cooperating (
    task_id    bigint      not null references plan_task (id) on delete cascade,
    position   integer     not null,
    body_code  varchar(40) not null references body (code),
    primary key (task_id, position)
);

create index plan_task_lead_body on plan_task_lead (body_code);
create index plan_task_cooperating_body on plan_task_cooperating (body_code);
create index person_body on person (body_code);
