-- The ledger of countable events every module writes (the yearly figures are totals of it),
-- a small object store for uploaded materials, and the legal-aid workflow.

-- One row per countable act, written in the same transaction as the business change. Append-only:
-- a correction is a new row with a negative quantity pointing at the row it corrects.
create table ledger_event (
    id              bigint generated always as identity primary key,
    kind            varchar(64)  not null,
    region_code     varchar(12) collate "C" not null,
    organisation_id uuid,
    occurred_at     timestamptz  not null,
    quantity        int          not null default 1,
    amount_fen      bigint,
    source_type     varchar(64)  not null,
    source_id       uuid         not null,
    corrects_id     bigint references ledger_event (id),
    recorded_at     timestamptz  not null
);
create index ledger_event_kind_time_idx on ledger_event (kind, occurred_at, region_code);
create index ledger_event_source_idx on ledger_event (source_type, source_id);
create trigger ledger_event_no_update before update or delete on ledger_event
    for each row execute function audit_log_append_only();

-- Uploaded files, sealed with AES-GCM like other personal data; an object store can replace this table.
create table stored_object (
    object_key   uuid primary key,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    key_id       varchar(32)  not null,
    content      bytea        not null,
    created_at   timestamptz  not null
);

-- 节假日与调休: days that are not working days (HOLIDAY) and weekend days that are (WORKDAY).
create table work_calendar_day (
    day  date primary key,
    kind varchar(16) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(50) not null
);

create sequence aid_application_number_seq;

-- 法律援助申请. Narrative, opposing party and finances are personal data: sealed (see key_id).
create table aid_application (
    id                          uuid primary key,
    reference                   varchar(32)  not null unique,
    applicant_id                uuid         not null references account (id),
    region_code                 varchar(12) collate "C" not null references region (code),
    centre_id                   uuid         not null references organisation (id),
    matter                      varchar(40)  not null,
    service_type                varchar(48)  not null,
    situations                  varchar(200) not null default '',
    notified_grounds            varchar(200) not null default '',
    retrial_ordered             boolean      not null default false,
    exemption                   varchar(48),
    summary_cipher              text         not null,
    opposing_party_cipher       text,
    finances_cipher             text,
    key_id                      varchar(32)  not null,
    amount_in_dispute_fen       bigint,
    limitation_ends_on          date,
    urgent_preservation         boolean      not null default false,
    provisional_aid_grounds     boolean      not null default false,
    eligibility_outcome         varchar(24),
    hardship_standard_id        uuid,
    status                      varchar(24)  not null,
    created_at                  timestamptz  not null,
    submitted_at                timestamptz,
    received_at                 timestamptz,
    review_due_at               timestamptz,
    clock_paused_at             timestamptz,
    materials_requested         boolean      not null default false,
    missing_items               varchar(2000),
    materials_due_at            timestamptz,
    decided_at                  timestamptz,
    decision_reason             varchar(2000),
    assignment_due_at           timestamptz,
    assigned_at                 timestamptz,
    lawyer_id                   uuid references account (id),
    provider_org_id             uuid references organisation (id),
    provisional_aid             boolean      not null default false,
    accepted_at                 timestamptz,
    closed_at                   timestamptz,
    outcome                     varchar(32),
    awarded_amount_fen          bigint,
    recovered_amount_fen        bigint,
    closing_report              varchar(4000),
    termination_ground          varchar(40),
    status_before_termination   varchar(24),
    status_before_objection     varchar(24),
    objection_filed_at          timestamptz,
    objection_reason            varchar(2000),
    objection_due_at            timestamptz,
    objection_decision          varchar(16),
    objection_decided_at        timestamptz,
    rating                      int check (rating between 1 and 5),
    rating_comment              varchar(500),
    current_due_at              timestamptz,
    version                     bigint       not null default 0
);
-- The officer queue: a centre's open cases, oldest deadline first.
create index aid_application_queue_idx on aid_application (centre_id, current_due_at, id);
create index aid_application_status_queue_idx on aid_application (centre_id, status, current_due_at, id);
create index aid_application_applicant_idx on aid_application (applicant_id, created_at desc, id);
create index aid_application_lawyer_idx on aid_application (lawyer_id, current_due_at, id) where lawyer_id is not null;
create index aid_application_region_idx on aid_application (region_code, current_due_at, id);

-- Every step of an application, for the timeline and for how long each step took.
create table aid_application_step (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references aid_application (id),
    occurred_at    timestamptz not null,
    action         varchar(40) not null,
    from_status    varchar(24),
    to_status      varchar(24) not null,
    actor_id       uuid,
    actor_role     varchar(32) not null,
    note           varchar(2000)
);
create index aid_application_step_idx on aid_application_step (application_id, id);

create table aid_material (
    id             uuid primary key,
    application_id uuid         not null references aid_application (id),
    category       varchar(32)  not null,
    file_name      varchar(200) not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    object_key     uuid         not null references stored_object (object_key),
    uploaded_by    uuid         not null,
    uploaded_at    timestamptz  not null
);
create index aid_material_application_idx on aid_material (application_id, uploaded_at);

-- 法律援助咨询, counted in 人次.
create table aid_consultation (
    id              uuid primary key,
    organisation_id uuid         not null references organisation (id),
    recorded_by     uuid         not null references account (id),
    region_code     varchar(12) collate "C" not null references region (code),
    channel         varchar(16)  not null check (channel in ('WINDOW', 'HOTLINE_12348', 'ONLINE', 'VILLAGE')),
    matter          varchar(40)  not null,
    persons         int          not null check (persons between 1 and 500),
    summary         varchar(1000),
    consulted_at    timestamptz  not null,
    created_at      timestamptz  not null
);
create index aid_consultation_org_idx on aid_consultation (organisation_id, consulted_at desc, id);
create index aid_consultation_region_idx on aid_consultation (region_code, consulted_at desc, id);
