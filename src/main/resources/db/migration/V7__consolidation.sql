-- The consolidated report (báo cáo tổng hợp) of a round: the consolidating body's officer edits the
-- narrative over the figures assembled from the reports, its leader approves (a number of the body's
-- register, the date, the signer) or returns it, and it is sent with its files. Every submitted
-- version keeps the whole report as it was then; every step its actor and reason.

create table consolidated_report (
    round_id     bigint        primary key references report_round (id),
    state        varchar(12)   not null check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SENT')),
    version      int           not null default 0,
    -- the officer's five parts as last saved, and the assembled draft they were saved over: a part
    -- that differs from its draft was edited and survives re-assembly
    narrative    jsonb,
    based_on     jsonb,
    number       varchar(60),
    dated        date,
    signer       jsonb,
    started_at   timestamptz   not null,
    approved_at  timestamptz,
    sent_at      timestamptz
);

create table consolidated_version (
    round_id     bigint        not null references consolidated_report (round_id),
    version      int           not null,
    content      jsonb         not null,
    drafted_by   varchar(60)   not null references person (username),
    drafted_at   timestamptz   not null,
    primary key (round_id, version)
);

create table consolidated_step (
    id           bigserial     primary key,
    round_id     bigint        not null references consolidated_report (round_id),
    version      int           not null,
    step         varchar(20)   not null,
    actor        varchar(60)   references person (username),
    actor_name   varchar(200),
    actor_title  varchar(200),
    note         text,
    taken_at     timestamptz   not null
);
create index consolidated_step_round on consolidated_step (round_id, id);

-- The files drawn when the report was sent: what the receivers got.
create table consolidated_file (
    id           bigserial     primary key,
    round_id     bigint        not null references consolidated_report (round_id),
    version      int           not null,
    format       varchar(8)    not null check (format in ('docx', 'xlsx', 'pdf')),
    file_name    varchar(300)  not null,
    content      bytea         not null,
    sha256       char(64)      not null,
    created_at   timestamptz   not null,
    unique (round_id, version, format)
);

-- To whom it was sent: the issuing body and the plan's receivers (as they stood that day).
create table consolidated_delivery (
    round_id     bigint        not null references consolidated_report (round_id),
    body_code    varchar(40)   not null references body (code),
    stands_for   varchar(40)   references body (code),
    role         varchar(12)   not null check (role in ('ISSUER', 'RECEIVER')),
    sent_at      timestamptz   not null,
    primary key (round_id, body_code)
);
