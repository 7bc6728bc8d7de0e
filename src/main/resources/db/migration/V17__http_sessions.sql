-- Signed-in sessions in the database (issue 11 §2, ADR 0014): Spring Session JDBC keeps every
-- session here instead of in one node's memory, so any node behind the load balancer serves any
-- user and a node that stops takes nobody's session with it. The schema is Spring Session's own
-- (schema-postgresql.sql of spring-session-jdbc 3.5) under the application's names: the table is
-- spring.session.jdbc.table-name (ttdn.http_session), its attributes' table that name with
-- "_attributes". Each attribute is a serialized Java object (the security context, the CSRF token,
-- the saved request, flash attributes). Expired rows are deleted by every node once a minute.
create table http_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint http_session_pk primary key (primary_id)
);

create unique index http_session_ix1 on http_session (session_id);
create index http_session_ix2 on http_session (expiry_time);
create index http_session_ix3 on http_session (principal_name);

create table http_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id) references http_session (primary_id)
        on delete cascade
);
