-- Directory administration (issue 9 §2): every change an administrator makes to a body or a person
-- is recorded with who, when, and the record before and after; a successor says what it takes
-- over; a person's move to another body keeps the body they left and from when.

-- The journal of changes to the directory. before is null for a creation; after holds the record as
-- it stands after the change (the directory file's fields, never a password).
create table directory_change (
    id          bigserial    primary key,
    at          timestamptz  not null default now(),
    actor       varchar(60)  not null,
    entity      varchar(10)  not null check (entity in ('body', 'person')),
    entity_key  varchar(60)  not null,
    action      varchar(20)  not null,
    before      jsonb,
    after       jsonb
);
create index directory_change_entity on directory_change (entity, entity_key, at);
-- a person's changes are also shown on the pages of the bodies they left and joined
create index directory_change_person_body on directory_change ((after ->> 'body'));

-- What a successor takes over ("công tác thông tin đối ngoại"), as the decision on the end says.
alter table body_successor add column takes_over text;

-- Since when a person works for their body (null: since before the system recorded it).
alter table person add column body_since date;

-- The bodies a person worked for before, one row per move recorded: from body_since of that time
-- (null if unknown) to the day before the move.
create table person_body_history (
    id           bigserial    primary key,
    username     varchar(60)  not null references person (username),
    body_code    varchar(40)  not null references body (code),
    valid_from   date,
    valid_to     date         not null,
    recorded_at  timestamptz  not null default now(),
    recorded_by  varchar(60)  not null,
    check (valid_from is null or valid_from <= valid_to)
);
create index person_body_history_username on person_body_history (username);
