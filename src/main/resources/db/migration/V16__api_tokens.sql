-- Personal API tokens (issue 11 §1 B4, ADR 0015): a script sends "Authorization: Bearer ttdn_…" to /api
-- instead of HTTP Basic, so that no request pays BCrypt. The token itself is shown once, when it is
-- made; only its SHA-256 is kept (a token is 256 random bits: a fast hash is enough, and the lookup is
-- one index probe). A revoked token keeps its row (who made it, when it was revoked) but never works again.
create table api_token (
    id            bigserial    primary key,
    username      varchar(60)  not null references person (username),
    name          varchar(100) not null,
    -- SHA-256 of the whole token text, in hexadecimal
    token_hash    char(64)     not null unique,
    created_at    timestamptz  not null default now(),
    -- the last request it signed, to the minute (written at most once a minute)
    last_used_at  timestamptz,
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    revoked_by    varchar(60),
    check (expires_at > created_at)
);
create index api_token_person on api_token (username, created_at);
