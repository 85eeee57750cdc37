-- An outbox event that cannot be delivered for a reason of its own (too large, a topic the
-- cluster does not have or refuses) is parked after spotcheck.outbox.max-attempts tries: the
-- relay passes over it and delivers the rest, and the row keeps why (README, Events).
alter table outbox_event
    add column parked_at   timestamptz,
    add column park_reason varchar(1000);

-- the relay reads only what it may still send
drop index outbox_unsent;
create index outbox_unsent on outbox_event (seq) where sent_at is null and parked_at is null;
-- for operators looking for parked events: holds only those, a handful
create index outbox_parked on outbox_event (parked_at) where parked_at is not null;
