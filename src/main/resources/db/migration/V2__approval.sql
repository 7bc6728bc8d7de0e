-- The approval chain of a plan: each Tờ trình version, every step taken (with its reason), the
-- consultation, attachments, the numbering registers and in-app notifications. The engine keeps
-- only ids and the decision; what people wrote lives here.

-- A version of the Tờ trình, written each time the drafter submits (the first time and after every
-- return). The plan as it stood is kept with it, so every version can be read again.
create table submission (
    id             bigserial     primary key,
    plan_id        bigint        not null references plan (id),
    version        int           not null,
    number         varchar(50)   not null,
    dated          date          not null,
    summary        text          not null,
    proposal       text          not null,
    explanation    text,
    plan_snapshot  text          not null,
    drafted_by     varchar(60)   not null references person (username),
    submitted_at   timestamptz   not null,
    unique (plan_id, version)
);

-- Every step a person took on the chain, in order: who, as what, with which outcome and words.
-- Segregation of duties reads it: no one approves what they drafted or signed.
create table approval_step (
    id             bigserial     primary key,
    plan_id        bigint        not null references plan (id),
    version        int           not null,
    step           varchar(20)   not null,
    outcome        varchar(20)   not null,
    actor          varchar(60)   not null references person (username),
    actor_name     varchar(200)  not null,
    actor_title    varchar(200),
    actor_body     varchar(40)   not null references body (code),
    note           text,
    taken_at       timestamptz   not null
);
create index approval_step_plan on approval_step (plan_id, id);

-- A body asked for comments in one round (one Tờ trình version), and what it answered.
create table consultation (
    id             bigserial     primary key,
    plan_id        bigint        not null references plan (id),
    version        int           not null,
    body_code      varchar(40)   not null references body (code),
    due_on         date          not null,
    outcome        varchar(20),
    agrees         boolean,
    comment        text,
    answered_by    varchar(60)   references person (username),
    answered_at    timestamptz,
    unique (plan_id, version, body_code)
);

-- Files attached to a plan's Tờ trình, stored in the database so they commit or roll back with
-- the step that brought them.
create table attachment (
    id             bigserial     primary key,
    plan_id        bigint        not null references plan (id),
    file_name      varchar(255)  not null,
    content_type   varchar(100)  not null,
    size           bigint        not null,
    sha256         char(64)      not null,
    content        bytea         not null,
    uploaded_by    varchar(60)   not null references person (username),
    uploaded_at    timestamptz   not null
);
create index attachment_plan on attachment (plan_id);

-- The last number taken from a body's register for one year and document type. Taking a number
-- locks this row until the transaction ends, so two clerks never get the same number and a
-- rolled-back issuance gives its number back.
create table register_counter (
    body_code      varchar(40)   not null references body (code),
    year           int           not null,
    document_type  varchar(5)    not null,
    last_number    int           not null check (last_number >= 0),
    primary key (body_code, year, document_type)
);

-- Every number taken, issued or voided. A voided number keeps its row and reason; it is never reused.
create table register_entry (
    id             bigserial     primary key,
    body_code      varchar(40)   not null references body (code),
    year           int           not null,
    document_type  varchar(5)    not null,
    number         int           not null check (number > 0),
    reference      varchar(60)   not null,
    plan_id        bigint        references plan (id),
    issued_on      date          not null,
    issued_by      varchar(60)   not null references person (username),
    status         varchar(10)   not null,
    void_reason    text,
    voided_by      varchar(60)   references person (username),
    voided_at      timestamptz,
    unique (body_code, year, document_type, number),
    check (status in ('ISSUED', 'VOID')),
    check (status = 'ISSUED' or (void_reason is not null and voided_by is not null))
);

-- What the issued plan carries once numbered: its reference and the signer block.
alter table plan
    add column issued_reference   varchar(60),
    add column issued_on          date,
    add column signer_authority   varchar(100),
    add column signer_position    varchar(100),
    add column signer_name        varchar(200);

-- In-app notices to a body (nơi nhận of an issued plan), read per person.
create table notification (
    id             bigserial     primary key,
    body_code      varchar(40)   not null references body (code),
    plan_id        bigint        references plan (id),
    message        text          not null,
    created_at     timestamptz   not null
);
create index notification_body on notification (body_code, id);

create table notification_read (
    notification_id  bigint       not null references notification (id),
    username         varchar(60)  not null references person (username),
    read_at          timestamptz  not null,
    primary key (notification_id, username)
);
