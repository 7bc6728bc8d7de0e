-- A body's own deadline in a round (issue 10, ADR 0013): a supervisor may give one body more time
-- than the round's deadline. Null: the round's. The round's overdue timer does not mark such a body
-- late; its report counts late when it is approved after its own deadline.
alter table round_body
    add column deadline date;
