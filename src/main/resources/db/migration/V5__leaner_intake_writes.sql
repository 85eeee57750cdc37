-- Intake writes identity keys, flags and outbox events for every flag (README, Performance):
-- fewer indexes and no JSON re-encoding per row.

-- one index serves both the uniqueness of a seller's key and the lookup by key (its
-- leading columns); the surrogate id was never read; banning finds a seller's keys by seller
alter table seller_identity_key drop constraint seller_identity_key_pkey;
alter table seller_identity_key drop column id;
alter table seller_identity_key drop constraint seller_identity_key_once;
drop index seller_identity_key_lookup;
alter table seller_identity_key add constraint seller_identity_key_pkey primary key (key_type, key_hash, seller_pk);
create index seller_identity_key_by_seller on seller_identity_key (seller_pk);

-- event ids are random UUIDs made per event: a unique index on them guarded nothing
alter table outbox_event drop constraint outbox_event_event_id_key;

-- stored and read back as text, never searched inside: json keeps the text as written
-- (for a flag: as it was received) and spares the binary jsonb encoding on every insert
alter table outbox_event alter column data type json using data::json;
alter table flag alter column payload type json using payload::json;

-- seven index entries for every case stored, most of them closed at intake: searches by an
-- open status use spot_case_waiting (status first), CLOSED is most cases (the newest-first
-- index finds them at once), so this one only cost writes
drop index spot_case_by_status;
