-- sellers sharing any identity key form one network; merged incrementally as keys arrive
alter table seller add column network_id bigint;
update seller set network_id = id;
alter table seller alter column network_id set not null;
create index seller_by_network on seller (network_id);

create sequence referral_number_seq;

create table referral (
    id                varchar(30)    primary key,           -- RF-2026-000001, the process's business key
    case_pk           bigint         not null unique references spot_case (id),
    suggested_agency  varchar(30)    not null,
    agency            varchar(30),
    jurisdiction      varchar(100),
    summary           varchar(4000),
    lead_package      jsonb          not null,
    status            varchar(20)    not null check (status in ('PREPARING', 'SUBMITTED', 'ACKNOWLEDGED', 'CLOSED', 'WITHDRAWN')),
    created_at        timestamptz    not null default now(),
    submitted_at      timestamptz,
    acknowledged_at   timestamptz,
    closed_at         timestamptz
);

-- outcome reports are cumulative; one row per report id, so a resent report counts once
create table referral_outcome (
    report_id          varchar(200)   primary key,
    referral_id        varchar(30)    not null references referral (id),
    arrests            integer        not null check (arrests >= 0),
    sites_closed       integer        not null check (sites_closed >= 0),
    seized_value_cny   numeric(16, 2) not null check (seized_value_cny >= 0),
    closed             boolean        not null,
    reported_by        varchar(100)   not null,
    reported_at        timestamptz    not null default now()
);
create index referral_outcome_by_referral on referral_outcome (referral_id);
create index referral_outcome_by_time on referral_outcome (reported_at);

-- for the KPIs
create index test_purchase_by_time on test_purchase (recorded_at);
create index verification_by_answer on verification (answered_at) where verdict is not null;
create index platform_command_by_time on platform_command (issued_at);
create index referral_by_submission on referral (submitted_at);

-- a new seller starts as a network of its own
create function seller_own_network() returns trigger language plpgsql as $$
begin
    new.network_id := coalesce(new.network_id, new.id);
    return new;
end;
$$;
create trigger seller_network_default before insert on seller for each row execute function seller_own_network();
