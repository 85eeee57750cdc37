-- test-buy budget: one reservation per case, settled with what was actually paid
create table budget_reservation (
    id              bigserial primary key,
    case_pk         bigint         not null references spot_case (id),
    amount_cny      numeric(14, 2) not null check (amount_cny > 0),
    status          varchar(20)    not null check (status in ('RESERVED', 'SETTLED', 'RELEASED', 'REFUNDED')),
    paid_cny        numeric(14, 2),
    reserved_at     timestamptz    not null default now(),
    closed_at       timestamptz,
    constraint budget_reservation_once unique (case_pk)
);
create index budget_reservation_by_year on budget_reservation (reserved_at);

-- anonymous buyer personas: an operational secret, never in events or verifier views
create table persona (
    id             bigserial primary key,
    handle         varchar(100) not null unique,
    address_label  varchar(200) not null,
    active         boolean      not null default true,
    created_at     timestamptz  not null default now()
);

create table persona_assignment (
    id           bigserial primary key,
    case_pk      bigint      not null references spot_case (id),
    persona_pk   bigint      not null references persona (id),
    seller_pk    bigint      not null references seller (id),
    assigned_at  timestamptz not null default now(),
    constraint persona_assignment_once unique (case_pk)
);
create index persona_assignment_by_seller on persona_assignment (seller_pk, persona_pk, assigned_at);

create table evidence_item (
    id                bigserial primary key,
    case_pk           bigint        not null references spot_case (id),
    kind              varchar(20)   not null check (kind in ('VIDEO', 'PHOTO', 'SAMPLE')),
    sha256            char(64),
    uri               varchar(2000),
    seal_number       varchar(100),
    storage_location  varchar(200),
    captured_by       varchar(100)  not null,
    captured_at       timestamptz   not null,
    constraint evidence_seal_once unique (seal_number),
    constraint evidence_kind_once unique (case_pk, kind)
);

-- append-only chain of custody: each entry holds the hash of the item's previous entry
-- and of the previous entry overall, so any edit breaks both chains
create table custody_entry (
    id                bigserial primary key,
    evidence_pk       bigint        not null references evidence_item (id),
    action            varchar(20)   not null check (action in ('CAPTURE', 'TRANSFER', 'STORE', 'MOVE', 'DISPOSE')),
    actor             varchar(100)  not null,
    at                timestamptz   not null,
    details           varchar(2000) not null,
    prev_item_hash    char(64),
    prev_global_hash  char(64),
    entry_hash        char(64)      not null unique
);
create index custody_by_item on custody_entry (evidence_pk, id);

create function custody_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'custody_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger custody_entry_no_update before update or delete on custody_entry
    for each row execute function custody_entry_is_append_only();
create trigger custody_entry_no_truncate before truncate on custody_entry
    for each statement execute function custody_entry_is_append_only();

create table budget_year (
    year       integer        primary key,
    total_cny  numeric(16, 2) not null check (total_cny >= 0),
    set_by     varchar(100)   not null,
    set_at     timestamptz    not null default now()
);

create index spot_case_waiting on spot_case (status, priority, risk_score desc, opened_at) where closed_at is null;

create table test_purchase (
    case_pk              bigint         primary key references spot_case (id),
    listing_unavailable  boolean        not null,
    order_number         varchar(100),
    amount_paid_cny      numeric(14, 2),
    purchased_by         varchar(100)   not null,
    recorded_at          timestamptz    not null default now()
);

-- case search by seller id alone
create index seller_by_seller_id on seller (seller_id);

alter table spot_case add constraint spot_case_closed_has_outcome check ((closed_at is null) = (outcome is null));
alter table spot_case add constraint spot_case_closed_status check ((status = 'CLOSED') = (closed_at is not null));
