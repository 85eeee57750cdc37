-- Issue 13: a flag is a signal, a case is work (CONTRACT.md, "Flags and cases").
-- A flag that needs nothing (MONITOR, DISMISS) is one row here, with its decision; it opens no
-- case, writes no timeline entry and no outbox row. Flags that open or join a case are also kept
-- in `flag`, with their case, for as long as the case.

-- every flag received, with its triage decision. Daily partitions (created ahead and on demand
-- by FlagPartitions), each dropped whole when it passes the retention (180 days): removing a day
-- of flags is a DROP TABLE, not a DELETE.
create table flag_signal (
    received_on   date          not null,
    flag_id       varchar(100)  not null,
    -- the writing transaction's id: the decisions relay reads flags in commit order, only from
    -- transactions that have ended (below the snapshot's xmin), so a slow batch is never skipped
    tx            bigint        not null default (pg_current_xact_id()::text)::bigint,
    received_at   timestamptz   not null,
    listing_pk    bigint        not null,
    decision      varchar(10)   not null,
    priority      smallint      not null,
    exploration   boolean       not null,
    -- the case it opened or joined, if any (then it is in `flag` as well)
    case_number   varchar(30),
    merged        boolean       not null,
    received_by   varchar(100)  not null,
    -- the flag exactly as it arrived
    payload       json          not null,
    -- a flag id is looked up on the days its listing was flagged (the listing's watch record)
    constraint flag_signal_pkey primary key (flag_id, received_on)
) partition by range (received_on);
-- rows go in roughly in transaction order: a block-range index is a few pages a day
create index flag_signal_by_tx on flag_signal using brin (tx) with (pages_per_range = 32);

-- the listing's watch record: on which days (within the flag retention) it was flagged and how
-- often each day, so triage's recentFlags and the resend check never read a growing history
alter table listing add column flag_days date[] not null default '{}';
alter table listing add column flag_day_counts integer[] not null default '{}';
alter table listing add column first_flagged_at timestamptz;
alter table listing add column last_flagged_at timestamptz;
alter table listing add column last_decision varchar(10);

-- a case's listing by key: the listing purge asks whether a listing is in a case (and the foreign
-- key checks it on every delete)
create index spot_case_by_listing_pk on spot_case (listing_pk);

-- existing listings: their watch from the flags on record (closed MONITORED/DISMISSED cases
-- stay as they are, readable as before; only new flags follow the new model). One pass over the
-- last 180 days of flags.
with recent as (
    select c.listing_pk, (f.received_at at time zone 'UTC')::date as day, f.received_at, f.id, c.triage_decision
    from flag f join spot_case c on c.id = f.case_pk
    where f.received_at > now() - interval '180 days'
), days as (
    select listing_pk, day, count(*)::int as n from recent group by 1, 2
), latest as (
    select distinct on (listing_pk) listing_pk, triage_decision from recent
    order by listing_pk, received_at desc, id desc
), watch as (
    select d.listing_pk, array_agg(d.day order by d.day) as days, array_agg(d.n order by d.day) as counts
    from days d group by d.listing_pk
), span as (
    select listing_pk, min(received_at) as first_at, max(received_at) as last_at from recent group by 1
)
update listing l set flag_days = w.days, flag_day_counts = w.counts, first_flagged_at = s.first_at,
                     last_flagged_at = s.last_at, last_decision = x.triage_decision
from watch w join span s on s.listing_pk = w.listing_pk join latest x on x.listing_pk = w.listing_pk
where l.id = w.listing_pk;

-- where a relay reading a table in commit order stands: the last transaction (and, within it,
-- the last flag id) it published. One row per relay; flags received before this migration had
-- their decisions on spotcheck.case-events already.
create table relay_position (
    relay        varchar(50)   primary key,
    tx           bigint        not null,
    flag_id      varchar(100)  not null,
    received_on  date          not null,
    moved_at     timestamptz   not null default now()
);
insert into relay_position (relay, tx, flag_id, received_on)
values ('flag-decisions', (pg_current_xact_id()::text)::bigint, '', (now() at time zone 'UTC')::date);

-- exploration buys drawn each day, against that day's share of the test-buy budget; one row a
-- day, removed with the flags of its day
create table exploration_day (
    day        date           primary key,
    spent_cny  numeric(14, 2) not null default 0,
    buys       integer        not null default 0
);

-- where a purge that walks a large table by primary key stands (ListingPurge: listings no
-- longer flagged, never in a case); one row per purge
create table purge_cursor (
    purge     varchar(50)  primary key,
    last_id   bigint       not null default 0,
    moved_at  timestamptz  not null default now()
);
