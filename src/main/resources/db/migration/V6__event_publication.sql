-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4, its
-- schema-postgresql.sql): the outbox of events to @ApplicationModuleListener methods, such as the
-- e-mails of vn.ttdn.mail. A row is written in the transaction that publishes the event and gets
-- its completion_date once the listener has handled it; a row without one is retried.
-- The registry finds it as ttdn.event_publication (spring.modulith.events.jdbc.schema).
create table event_publication
(
    id               uuid                     not null,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone,
    primary key (id)
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
