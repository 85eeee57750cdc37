-- spotcheck's own tables. The Camunda engine keeps its ACT_* tables beside these.

create sequence case_number_seq;

create table seller (
    id          bigserial primary key,
    platform    varchar(50)  not null,
    seller_id   varchar(100) not null,
    created_at  timestamptz  not null default now(),
    constraint seller_natural_key unique (platform, seller_id)
);

-- hashed identity keys (ID document, bank account, phone, dispatch address);
-- the lookup index is what repeat-offender linking will search by
create table seller_identity_key (
    id          bigserial primary key,
    seller_pk   bigint       not null references seller (id),
    key_type    varchar(30)  not null,
    key_hash    varchar(200) not null,
    first_seen  timestamptz  not null default now(),
    constraint seller_identity_key_once unique (seller_pk, key_type, key_hash)
);
create index seller_identity_key_lookup on seller_identity_key (key_type, key_hash);

create table listing (
    id          bigserial primary key,
    platform    varchar(50)    not null,
    listing_id  varchar(100)   not null,
    shop_id     varchar(100)   not null,
    seller_pk   bigint         not null references seller (id),
    title       varchar(500),
    brand       varchar(200)   not null,
    category    varchar(30)    not null,
    price_cny   numeric(14, 2) not null,
    url         varchar(2000),
    updated_at  timestamptz    not null default now(),
    constraint listing_natural_key unique (platform, listing_id)
);

create table spot_case (
    id                   bigserial primary key,
    case_number          varchar(30)   not null unique,
    platform             varchar(50)   not null,
    listing_id           varchar(100)  not null,
    listing_pk           bigint        not null references listing (id),
    seller_pk            bigint        not null references seller (id),
    status               varchar(40)   not null,
    outcome              varchar(40),
    triage_decision      varchar(20),
    priority             smallint,
    exploration          boolean       not null default false,
    risk_score           numeric(5, 4) not null,
    process_instance_id  varchar(64),
    opened_at            timestamptz   not null default now(),
    closed_at            timestamptz
);
-- at most one open case per listing: concurrent flags for a listing merge into it
create unique index spot_case_one_open_per_listing on spot_case (platform, listing_id) where closed_at is null;
create index spot_case_newest on spot_case (opened_at desc, id desc);
create index spot_case_by_listing on spot_case (listing_id, opened_at desc);
create index spot_case_by_seller on spot_case (seller_pk, opened_at desc);
create index spot_case_by_status on spot_case (status, opened_at desc);
create index spot_case_by_outcome on spot_case (outcome, opened_at desc);

create table flag (
    id             bigserial primary key,
    flag_id        varchar(100)  not null,
    case_pk        bigint        references spot_case (id),
    merged         boolean       not null default false,
    source         varchar(30)   not null,
    risk_score     numeric(5, 4) not null,
    dispute_count  integer,
    avg_rating     numeric(4, 2),
    rating_count   integer,
    msrp_cny       numeric(14, 2),
    received_by    varchar(100)  not null,
    received_at    timestamptz   not null default now(),
    -- the flag exactly as it arrived, for audit
    payload        jsonb         not null,
    constraint flag_id_once unique (flag_id)
);
create index flag_by_case on flag (case_pk, id);

create table timeline_entry (
    id       bigserial primary key,
    case_pk  bigint        not null references spot_case (id),
    at       timestamptz   not null default now(),
    stage    varchar(40)   not null,
    actor    varchar(100)  not null,
    text     varchar(4000) not null
);
create index timeline_by_case on timeline_entry (case_pk, id);

-- transactional outbox: written with the state change, relayed to Kafka afterwards
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid          not null unique,
    topic        varchar(200)  not null,
    event_key    varchar(200)  not null,
    type         varchar(100)  not null,
    subject      varchar(100),
    occurred_at  timestamptz   not null default now(),
    data         jsonb         not null,
    sent_at      timestamptz,
    attempts     integer       not null default 0,
    last_error   varchar(1000)
);
create index outbox_unsent on outbox_event (seq) where sent_at is null;
