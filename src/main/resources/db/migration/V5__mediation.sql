-- 掌上调解: disputes, their parties (invited, consenting), mediators, messages, agreements and timeline.
-- Facts, claims, names, phones, messages and agreement texts are personal data: sealed (key_id).

create sequence med_dispute_number_seq;

create table med_dispute (
    id                  uuid primary key,
    reference           varchar(32)  not null unique,
    applicant_id        uuid references account (id),
    origin              varchar(16)  not null check (origin in ('APPLIED', 'PROACTIVE', 'COURT_REFERRED')),
    dispute_type        varchar(32)  not null,
    facts_cipher        text         not null,
    claims_cipher       text         not null,
    key_id              varchar(32)  not null,
    amount_fen          bigint,
    region_code         varchar(12) collate "C" not null references region (code),
    committee_id        uuid         not null references organisation (id),
    preferred_mode      varchar(16)  not null check (preferred_mode in ('IN_PERSON', 'VIDEO', 'PHONE')),
    status              varchar(24)  not null,
    created_at          timestamptz  not null,
    accepted_at         timestamptz,
    decline_reason      varchar(1000),
    due_at              timestamptz,
    extension_reason    varchar(1000),
    concluded_at        timestamptz,
    failure_reason      varchar(1000),
    risk_escalated_at   timestamptz,
    risk_note           varchar(1000),
    current_due_at      timestamptz,
    version             bigint       not null default 0
);
create index med_dispute_committee_queue_idx on med_dispute (committee_id, current_due_at, id);
create index med_dispute_applicant_idx on med_dispute (applicant_id, created_at desc, id);
create index med_dispute_region_idx on med_dispute (region_code, current_due_at, id);

-- 当事人. A resident party is linked (account_id) once they redeem their invitation after WeChat sign-in.
create table med_party (
    id                   uuid primary key,
    dispute_id           uuid        not null references med_dispute (id),
    role                 varchar(16) not null check (role in ('APPLICANT', 'RESPONDENT')),
    kind                 varchar(16) not null check (kind in ('PERSON', 'ORGANISATION')),
    name_cipher          text        not null,
    phone_cipher         text,
    account_id           uuid references account (id),
    invitation_hash      bytea unique,
    invitation_expires_at timestamptz,
    consent              varchar(16) not null check (consent in ('PENDING', 'CONSENTED', 'REFUSED')),
    consent_at           timestamptz,
    refusal_reason       varchar(500),
    agreement_confirmed_at timestamptz,
    position             int         not null
);
create index med_party_dispute_idx on med_party (dispute_id, position);
create index med_party_account_idx on med_party (account_id, dispute_id) where account_id is not null;

-- 指派的调解员 (one or more per dispute).
create table med_assignment (
    dispute_id  uuid        not null references med_dispute (id),
    mediator_id uuid        not null references account (id),
    assigned_at timestamptz not null,
    primary key (dispute_id, mediator_id)
);
create index med_assignment_mediator_idx on med_assignment (mediator_id, dispute_id);

-- 案件消息 between the parties and the mediators, in order.
create table med_message (
    id          bigint generated always as identity primary key,
    dispute_id  uuid        not null references med_dispute (id),
    sender_id   uuid        not null references account (id),
    sender_role varchar(16) not null,
    body_cipher text        not null,
    key_id      varchar(32) not null,
    sent_at     timestamptz not null
);
create index med_message_dispute_idx on med_message (dispute_id, id);

-- 调解协议书: takes effect when every party has confirmed and the committee has sealed it.
create table med_agreement (
    dispute_id        uuid primary key references med_dispute (id),
    facts_cipher      text        not null,
    responsibilities_cipher text  not null,
    terms_cipher      text        not null,
    key_id            varchar(32) not null,
    drafted_at        timestamptz not null,
    drafted_by        uuid        not null references account (id),
    sealed_at         timestamptz,
    sealed_by         uuid references account (id),
    effective_at      timestamptz,
    performance_due_on date
);

create table med_step (
    id          bigint generated always as identity primary key,
    dispute_id  uuid        not null references med_dispute (id),
    occurred_at timestamptz not null,
    action      varchar(40) not null,
    from_status varchar(24),
    to_status   varchar(24) not null,
    actor_id    uuid,
    actor_role  varchar(32) not null,
    note        varchar(2000)
);
create index med_step_dispute_idx on med_step (dispute_id, id);
