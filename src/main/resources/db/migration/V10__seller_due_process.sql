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

-- a reversal on appeal is noted on the case's referral, for the liaison to tell the agency
alter table referral add column appeal_note varchar(4000);
