-- Seller due process (CONTRACT.md "Seller due process"): statements of reasons, appeals,
-- counter-notices, lifting restrictions.

-- the statement of reasons each restriction command carried, as sent (the case view shows it);
-- restore commands lift a restriction after an appeal
alter table platform_command add column statement_of_reasons jsonb;
alter table platform_command drop constraint platform_command_command_check;
alter table platform_command add constraint platform_command_command_check
    check (command in ('WARN_SELLER', 'TAKE_DOWN_LISTING', 'CLOSE_SHOP', 'BAN_SELLER',
                       'RESTORE_LISTING', 'REOPEN_SHOP', 'LIFT_BAN'));

-- a case reversed on appeal keeps its outcome but is no longer the seller's strike
alter table spot_case add column strike_lifted_at timestamptz;

-- a seller's appeal against the restrictions of one case; kept with its case
create table appeal (
    appeal_id                varchar(100)  primary key,             -- the seller portal's id
    case_pk                  bigint        not null references spot_case (id),
    seller_id                varchar(100)  not null,
    grounds                  varchar(4000) not null,
    evidence                 jsonb         not null default '[]',   -- [{uri, sha256}]
    route                    varchar(20)   not null check (route in ('COUNTER_NOTICE', 'REVIEW')),
    status                   varchar(30)   not null check (status in ('RECEIVED', 'COUNTER_NOTICE_SENT', 'DECIDED')),
    received_at              timestamptz   not null,
    decide_by                timestamptz   not null,
    counter_notice_sent_at   timestamptz,
    rights_holder_action     varchar(20)   check (rights_holder_action in ('COMPLAINT_FILED', 'LAWSUIT_FILED')),
    rights_holder_reference  varchar(200),
    decision                 varchar(20)   check (decision in ('UPHELD', 'REVERSED', 'REDUCED')),
    decision_reasons         varchar(4000),
    decided_by               varchar(100),
    decided_at               timestamptz,
    lifted                   varchar(30)[] not null default '{}'    -- the restore commands it sent
);
-- one open appeal per case
create unique index appeal_open_per_case on appeal (case_pk) where status <> 'DECIDED';
create index appeal_of_case on appeal (case_pk);
create index appeal_received_at on appeal (received_at);
create index appeal_decided_at on appeal (decided_at) where decided_at is not null;

-- a reversal on appeal is noted on the case's referral, for the liaison to tell the agency
alter table referral add column appeal_note varchar(4000);

-- notifier standing: each reporter's record of notices (flags with its reporterId) and what
-- DMN notifier-standing made of it; one row per reporter, kept while it reports
create table reporter_standing (
    reporter_id      varchar(100) primary key,
    notices          bigint       not null default 0,
    test_buys        bigint       not null default 0,
    counterfeit      bigint       not null default 0,
    genuine          bigint       not null default 0,
    reversed         bigint       not null default 0,
    -- the counts when the reporter was last warned or suspended: what it did since decides what comes next
    baseline_verdicts     bigint  not null default 0,
    baseline_counterfeit  bigint  not null default 0,
    baseline_reversed     bigint  not null default 0,
    standing         varchar(20)  not null default 'NORMAL'
                     check (standing in ('GOOD_FAITH', 'NORMAL', 'WARNED', 'SUSPENDED')),
    reason           varchar(1000),
    warned_at        timestamptz,
    suspended_at     timestamptz,
    suspended_until  timestamptz,
    first_notice_at  timestamptz  not null default now(),
    last_notice_at   timestamptz  not null default now()
);
create index reporter_standing_warned on reporter_standing (warned_at) where warned_at is not null;
create index reporter_standing_suspended on reporter_standing (suspended_at) where suspended_at is not null;

-- which reporters' notices a case rests on: its verdicts and reversals count for them
create table case_reporter (
    case_pk      bigint       not null references spot_case (id),
    reporter_id  varchar(100) not null,
    primary key (case_pk, reporter_id)
);
