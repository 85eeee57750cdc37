-- who verifies: rights holders for their enrolled brands, accredited labs for categories
create table verifier (
    id          varchar(100) primary key,          -- the verifier's Camunda user id
    kind        varchar(20)  not null check (kind in ('RIGHTS_HOLDER', 'LAB')),
    name        varchar(200) not null
);
create table verifier_brand (
    brand        varchar(200) primary key,
    verifier_id  varchar(100) not null references verifier (id)
);
create table lab_category (
    verifier_id  varchar(100) not null references verifier (id),
    category     varchar(30)  not null,
    primary key (category, verifier_id)
);

-- one row per verification round of a case (re-routing to a lab opens a new round)
create table verification (
    id                bigserial primary key,
    case_pk           bigint        not null references spot_case (id),
    round             integer       not null,
    route             varchar(20)   not null check (route in ('RIGHTS_HOLDER', 'LAB')),
    verifier_id       varchar(100)  not null references verifier (id),
    requested_at      timestamptz   not null default now(),
    verdict           varchar(20)   check (verdict in ('COUNTERFEIT', 'GENUINE', 'INCONCLUSIVE')),
    report_reference  varchar(200),
    notes             varchar(4000),
    answered_at       timestamptz,
    constraint verification_round_once unique (case_pk, round)
);

alter table custody_entry drop constraint custody_entry_action_check;
alter table custody_entry add constraint custody_entry_action_check
    check (action in ('CAPTURE', 'TRANSFER', 'STORE', 'MOVE', 'VERIFY', 'DISPOSE'));

create table company_asset (
    id                bigserial primary key,
    case_pk           bigint         not null unique references spot_case (id),
    evidence_pk       bigint         not null references evidence_item (id),
    value_cny         numeric(14, 2) not null,
    storage_location  varchar(200),
    registered_at     timestamptz    not null default now()
);

alter table seller add column clean_checks integer not null default 0;
alter table seller add column banned_at timestamptz;
alter table seller_identity_key add column banned boolean not null default false;
create index seller_identity_key_banned on seller_identity_key (key_type, key_hash) where banned;

create table sanction (
    case_pk     bigint      primary key references spot_case (id),
    seller_pk   bigint      not null references seller (id),
    level       varchar(20) not null check (level in ('WARNING', 'LISTING_REMOVAL', 'SHOP_CLOSURE', 'PERMANENT_BAN')),
    decided_at  timestamptz not null default now()
);

create table platform_command (
    id          uuid         primary key,
    case_pk     bigint       not null references spot_case (id),
    command     varchar(30)  not null check (command in ('TAKE_DOWN_LISTING', 'CLOSE_SHOP', 'BAN_SELLER')),
    shop_id     varchar(100) not null,
    issued_at   timestamptz  not null default now(),
    constraint platform_command_once unique (case_pk, command)
);

create table referral_decision (
    case_pk     bigint      primary key references spot_case (id),
    refer       boolean     not null,
    agency      varchar(30) check (agency in ('PUBLIC_SECURITY', 'MARKET_REGULATION', 'QUALITY_INSPECTION', 'FOOD_AND_DRUG')),
    decided_at  timestamptz not null default now()
);

-- scale of the listing for sanction and referral: units sold (optional signal)
alter table flag add column sales_count integer;
