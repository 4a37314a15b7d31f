-- 村(居)法律顾问: advisors, contracts and coverage, availability and bookings, service records, ratings.

-- Advisor details of a LAWYER account (执业类别, 执业证号, first year of practice); organisation = the account's.
create table adv_advisor (
    account_id          uuid primary key references account (id),
    practice_category   varchar(24) not null check (practice_category in ('LAWYER', 'GRASSROOTS_WORKER', 'PUBLIC_LAWYER')),
    licence_number      varchar(32) not null unique,
    organisation_id     uuid        not null references organisation (id),
    region_code         varchar(12) collate "C" not null references region (code),
    first_practice_year int         not null check (first_practice_year between 1950 and 2100),
    registered_by       uuid        not null references account (id),
    created_at          timestamptz not null,
    version             bigint      not null default 0
);
create index adv_advisor_region_idx on adv_advisor (region_code, account_id);

-- 签约: one row per contract, never re-dated; a renewal is a new contract pointing at the one it renews, and an
-- early termination only adds its effective date and reason. In force on [starts_on, in_force_until).
create table adv_contract (
    id                     uuid primary key,
    advisor_id             uuid         not null references adv_advisor (account_id),
    region_code            varchar(12) collate "C" not null references region (code),
    signed_by              uuid         not null references organisation (id),
    starts_on              date         not null,
    ends_on                date         not null,
    terminated_on          date,
    termination_reason     varchar(500),
    onsite_hours_per_month int          not null check (onsite_hours_per_month between 1 and 200),
    lectures_per_quarter   int          not null check (lectures_per_quarter between 0 and 30),
    renews_id              uuid references adv_contract (id),
    created_by             uuid         not null references account (id),
    created_at             timestamptz  not null,
    version                bigint       not null default 0,
    check (ends_on >= starts_on),
    check (terminated_on is null or (terminated_on >= starts_on and terminated_on <= ends_on + 1
                                     and termination_reason is not null))
);
-- a contract is renewed at most once (the renewal chain is a list)
create unique index adv_contract_renews_idx on adv_contract (renews_id) where renews_id is not null;
create index adv_contract_advisor_idx on adv_contract (advisor_id, starts_on);
create index adv_contract_region_idx on adv_contract (region_code, starts_on desc, id);
-- coverage on a date: contracts in force that day (GiST over the effective range)
create index adv_contract_in_force_idx on adv_contract
    using gist (daterange(starts_on, coalesce(terminated_on, ends_on + 1), '[)'));

-- The villages/communities a contract covers.
create table adv_contract_village (
    id           uuid primary key,
    contract_id  uuid        not null references adv_contract (id),
    village_code varchar(12) collate "C" not null references region (code),
    unique (contract_id, village_code)
);
create index adv_contract_village_village_idx on adv_contract_village (village_code, contract_id);

-- Per-village coverage state: ADVISORY_VILLAGE_COVERED ±1 is written only when it flips, under this row's lock.
-- synced_on: the last day whose coverage has been written to the ledger.
create table adv_village_coverage (
    village_code varchar(12) collate "C" primary key references region (code),
    covered      boolean not null,
    changed_on   date    not null,
    synced_on    date    not null
);

-- Weekly availability: day of week, hours, mode (on site at a village's 法律服务室, phone, video), slot length.
create table adv_availability_rule (
    id           uuid primary key,
    advisor_id   uuid        not null references adv_advisor (account_id),
    day_of_week  smallint    not null check (day_of_week between 1 and 7),
    starts_at    time        not null,
    ends_at      time        not null,
    mode         varchar(8)  not null check (mode in ('ON_SITE', 'PHONE', 'VIDEO')),
    village_code varchar(12) collate "C" references region (code),
    slot_minutes int         not null check (slot_minutes between 10 and 240),
    valid_from   date        not null,
    valid_to     date,
    created_at   timestamptz not null,
    check (ends_at > starts_at),
    check ((mode = 'ON_SITE') = (village_code is not null)),
    check (valid_to is null or valid_to >= valid_from)
);
create index adv_availability_rule_advisor_idx on adv_availability_rule (advisor_id);

-- Exceptions: LEAVE removes slots in [starts_at, ends_at); EXTRA adds a session.
create table adv_availability_exception (
    id           uuid primary key,
    advisor_id   uuid        not null references adv_advisor (account_id),
    kind         varchar(8)  not null check (kind in ('LEAVE', 'EXTRA')),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    mode         varchar(8) check (mode in ('ON_SITE', 'PHONE', 'VIDEO')),
    village_code varchar(12) collate "C" references region (code),
    slot_minutes int check (slot_minutes between 10 and 240),
    note         varchar(200),
    created_at   timestamptz not null,
    check (ends_at > starts_at),
    check ((kind = 'EXTRA') = (mode is not null and slot_minutes is not null)),
    check (mode is distinct from 'ON_SITE' or village_code is not null)
);
create index adv_availability_exception_advisor_idx on adv_availability_exception (advisor_id, ends_at);

-- 预约: no double booking, ever: pending and confirmed bookings of one advisor never overlap (btree_gist, V1).
create table adv_booking (
    id                 uuid primary key,
    advisor_id         uuid         not null references adv_advisor (account_id),
    organisation_id    uuid         not null references organisation (id),
    resident_id        uuid         not null references account (id),
    village_code       varchar(12) collate "C" not null references region (code),
    mode               varchar(8)   not null check (mode in ('ON_SITE', 'PHONE', 'VIDEO')),
    topic              varchar(24)  not null,
    description_cipher text,
    key_id             varchar(32),
    starts_at          timestamptz  not null,
    ends_at            timestamptz  not null,
    period             tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    status             varchar(12)  not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED',
                                                               'NO_SHOW', 'COMPLETED')),
    created_at         timestamptz  not null,
    decided_at         timestamptz,
    decline_reason     varchar(300),
    cancelled_at       timestamptz,
    late_cancellation  boolean      not null default false,
    cancel_reason      varchar(300),
    closed_at          timestamptz,
    service_record_id  uuid,
    rating             smallint check (rating between 1 and 5),
    rating_comment     varchar(500),
    rated_at           timestamptz,
    callback_due_at    timestamptz,
    callback_at        timestamptz,
    callback_by        uuid references account (id),
    callback_note      varchar(1000),
    version            bigint       not null default 0,
    check (ends_at > starts_at),
    constraint adv_booking_no_double_booking
        exclude using gist (advisor_id with =, period with &&) where (status in ('PENDING', 'CONFIRMED'))
);
create index adv_booking_resident_idx on adv_booking (resident_id, starts_at desc, id desc);
create index adv_booking_advisor_idx on adv_booking (advisor_id, starts_at desc, id desc);
create index adv_booking_village_idx on adv_booking (village_code, starts_at, id);
create index adv_booking_open_per_resident_idx on adv_booking (resident_id, advisor_id)
    where status in ('PENDING', 'CONFIRMED');
-- 好差评 per advisor (directory, advisor page): only the rated bookings, not all of an advisor's bookings
-- (bench/advisory.sh's first run: the directory read 1 M bookings per request, 10 s)
create index adv_booking_rating_idx on adv_booking (advisor_id, rating) where rating is not null;
-- a 司法所's open 差评 callbacks, oldest due first
create index adv_booking_callback_idx on adv_booking (callback_due_at, id)
    where rating <= 2 and callback_at is null;

-- 一村一卷、一事一记: one row per service, booked or not; a mistaken record is voided (ledger negative twins).
create table adv_service_record (
    id               uuid primary key,
    advisor_id       uuid          not null references adv_advisor (account_id),
    organisation_id  uuid          not null references organisation (id),
    village_code     varchar(12) collate "C" not null references region (code),
    started_at       timestamptz   not null,
    duration_minutes int           not null check (duration_minutes between 1 and 1440),
    kind             varchar(32)   not null,
    mode             varchar(8)    not null check (mode in ('ON_SITE', 'PHONE', 'VIDEO')),
    summary          varchar(2000) not null,
    persons_served   int           not null check (persons_served >= 0),
    lecture_topic    varchar(200),
    attendance       int check (attendance >= 0),
    booking_id       uuid unique references adv_booking (id),
    recorded_by      uuid          not null references account (id),
    created_at       timestamptz   not null,
    voided_at        timestamptz,
    void_reason      varchar(300),
    version          bigint        not null default 0,
    check ((kind = 'LECTURE') = (lecture_topic is not null and attendance is not null))
);
create index adv_service_record_village_idx on adv_service_record (village_code, started_at, id);
create index adv_service_record_advisor_idx on adv_service_record (advisor_id, village_code, started_at);
alter table adv_booking add constraint adv_booking_service_record_fk
    foreign key (service_record_id) references adv_service_record (id);
