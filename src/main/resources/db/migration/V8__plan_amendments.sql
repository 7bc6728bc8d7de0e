-- Amending an issued plan (điều chỉnh Kế hoạch): a body proposes a change to a task, the
-- consolidating body gathers proposals into an amendment (its Tờ trình, signed by its director),
-- the issuing body decides each proposal, and the approved ones make a new version of the plan.
-- The engine keeps only ids and the last decision; what people wrote lives here.

-- A version of an issued plan: version 1 is the plan as issued, each amendment with at least one
-- approved change makes the next. The plan as it stood (a plan file, as JSON) and what changed.
create table plan_version (
    plan_id       bigint        not null references plan (id) on delete cascade,
    version       int           not null check (version >= 1),
    -- the number and date the version was issued under: the plan's own for version 1, the
    -- amendment's Quyết định from the issuer's register for the next ones (either may be empty
    -- for a plan that came in issued without them)
    reference     varchar(60),
    issued_on     date,
    amendment_id  bigint,
    snapshot      jsonb         not null,
    -- [{kind, taskNumber, groupNumber, proposalId, proposedBy, reason, before, after}]; [] for version 1
    changes       jsonb         not null default '[]',
    created_at    timestamptz   not null,
    created_by    varchar(60),
    primary key (plan_id, version)
);

-- The version of the plan a round ran on, set when it opens (the bodies asked and the tasks' content
-- are read from it). Rounds opened before plans had versions ran on the plan as issued.
alter table report_round add column plan_version int;
update report_round set plan_version = 1 where opened_at is not null;

-- An amendment round (đợt điều chỉnh): the Tờ trình of the consolidating body and where it stands.
create table plan_amendment (
    id                  bigserial     primary key,
    plan_id             bigint        not null references plan (id),
    consolidating_code  varchar(40)   not null references body (code),
    issuing_code        varchar(40)   not null references body (code),
    state               varchar(12)   not null
                        check (state in ('DRAFTING', 'SIGNED', 'APPLIED', 'REJECTED')),
    submission_number   varchar(50),
    submission_date     date,
    summary             text,
    -- once decided: the plan version it made (none when every proposal was rejected)
    plan_version        int,
    reference           varchar(60),
    decided_on          date,
    started_by          varchar(60)   not null references person (username),
    started_at          timestamptz   not null,
    decided_by          varchar(60)   references person (username),
    decided_at          timestamptz
);
create index plan_amendment_plan on plan_amendment (plan_id, id);
-- one amendment in progress per plan
create unique index plan_amendment_open on plan_amendment (plan_id) where state in ('DRAFTING', 'SIGNED');

alter table plan_version
    add constraint plan_version_amendment foreign key (amendment_id) references plan_amendment (id);

-- A change a body proposes to one task of an issued plan, with its reason, and what became of it.
create table amendment_proposal (
    id                bigserial     primary key,
    plan_id           bigint        not null references plan (id),
    body_code         varchar(40)   not null references body (code),
    kind              varchar(10)   not null check (kind in ('ADD', 'CHANGE', 'DROP', 'REASSIGN')),
    -- the task concerned (CHANGE, DROP, REASSIGN), or the group a new task joins (ADD)
    task_number       varchar(20),
    group_number      varchar(20),
    content           text,
    timeline          varchar(20),
    timeline_text     varchar(200),
    lead              text[],
    cooperating       text[],
    reason            text          not null,
    proposed_by       varchar(60)   not null references person (username),
    proposed_at       timestamptz   not null,
    state             varchar(10)   not null check (state in ('PROPOSED', 'INCLUDED', 'APPROVED', 'REJECTED')),
    amendment_id      bigint        references plan_amendment (id),
    decision_reason   text,
    -- the number the task has in the new version (a new task's number)
    applied_number    varchar(20),
    check ((kind = 'ADD') = (group_number is not null)),
    check ((kind = 'ADD') = (task_number is null))
);
create index amendment_proposal_plan on amendment_proposal (plan_id, id);
create index amendment_proposal_amendment on amendment_proposal (amendment_id, id);

-- Every step taken on an amendment, in order: who, with which outcome and words. Segregation of
-- duties reads it: whoever started or prepared the Tờ trình does not sign it, whoever signed it
-- does not decide it.
create table amendment_step (
    id            bigserial     primary key,
    amendment_id  bigint        not null references plan_amendment (id),
    step          varchar(12)   not null check (step in ('START', 'SUBMIT', 'DIRECTOR', 'DECISION', 'APPLY')),
    outcome       varchar(12)   not null,
    actor         varchar(60)   references person (username),
    actor_name    varchar(200),
    note          text,
    taken_at      timestamptz   not null
);
create index amendment_step_amendment on amendment_step (amendment_id, id);
