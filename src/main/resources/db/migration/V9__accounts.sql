-- Accounts (issue 9): passwords an administrator set must be changed, a person's sessions follow
-- every change of their roles, body, password or standing at their next request, and sign-in is
-- throttled after repeated failures, in the database so that every node sees the same count.

alter table person
    -- set when an administrator chose the password; the person must choose their own before anything else
    add column must_change_password boolean     not null default false,
    add column password_changed_at  timestamptz,
    -- moves on every change of what a signed-in session holds (roles, body, enabled, password):
    -- each request compares it with the session's copy and reloads the person when it moved
    add column credentials_version  integer     not null default 0;

-- Kept by triggers, so that every way of writing a person (the directory's own service, an
-- import, a hand-made SQL fix) moves it; the functions resolve their tables in this schema.
create function person_credentials_changed() returns trigger
    language plpgsql set search_path from current as $$
begin
    if new.password_hash is distinct from old.password_hash
            or new.body_code is distinct from old.body_code
            or new.enabled is distinct from old.enabled
            or new.must_change_password is distinct from old.must_change_password then
        new.credentials_version := old.credentials_version + 1;
    end if;
    return new;
end
$$;

create trigger person_credentials_version
    before update on person
    for each row execute function person_credentials_changed();

create function person_role_changed() returns trigger
    language plpgsql set search_path from current as $$
begin
    update person set credentials_version = credentials_version + 1
     where username = case when tg_op = 'DELETE' then old.username else new.username end;
    return null;
end
$$;

create trigger person_role_credentials_version
    after insert or update or delete on person_role
    for each row execute function person_role_changed();

-- Failed sign-ins, counted per account (kind 'account', the username in lower case) and per
-- address (kind 'address', the client's IP address). A count older than the window starts
-- afresh; reaching the limit sets locked_until, before which that account or address cannot sign in.
create table sign_in_failure (
    kind          varchar(10)  not null check (kind in ('account', 'address')),
    key           varchar(200) not null,
    failures      integer      not null,
    first_at      timestamptz  not null,
    locked_until  timestamptz,
    primary key (kind, key)
);
