-- Platform foundation: regions, organisations, accounts, tokens, resident profiles, audit log, idempotency.

create extension if not exists pg_trgm;
create extension if not exists btree_gist;

-- 行政区划: 12-digit official codes. Collation "C" makes `code like '530102%'` a plain B-tree range scan,
-- so a whole subtree is one indexed query. Levels are fixed by how many digits are significant.
create table region (
    code        varchar(12) collate "C" primary key check (code ~ '^[0-9]{12}$'),
    parent_code varchar(12) collate "C" references region (code),
    level       varchar(16) not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    name        varchar(100) not null,
    check ((level = 'PROVINCE') = (parent_code is null))
);
create index region_parent_idx on region (parent_code, code);
create index region_name_trgm_idx on region using gin (name gin_trgm_ops);

-- 司法局, 司法所, 法律援助中心, 人民调解委员会, 律师事务所, 法院: each covers the subtree of region_code.
create table organisation (
    id             uuid primary key,
    type           varchar(32) not null check (type in ('JUSTICE_BUREAU', 'JUDICIAL_OFFICE', 'LEGAL_AID_CENTRE',
                                                        'MEDIATION_COMMITTEE', 'LAW_FIRM', 'COURT')),
    committee_kind varchar(16) check (committee_kind in ('VILLAGE', 'TOWNSHIP', 'INDUSTRY')),
    name           varchar(200) not null,
    region_code    varchar(12) collate "C" not null references region (code),
    address        varchar(300),
    phone          varchar(40),
    active         boolean     not null default true,
    created_at     timestamptz not null,
    version        bigint      not null default 0,
    check ((type = 'MEDIATION_COMMITTEE') = (committee_kind is not null))
);
create index organisation_region_idx on organisation (region_code, type);
create index organisation_type_idx on organisation (type, region_code, id);
create unique index organisation_one_judicial_office_per_township on organisation (region_code)
    where type = 'JUDICIAL_OFFICE';
create unique index organisation_name_unique on organisation (type, region_code, name);

-- Residents (WeChat) and staff. region_code: a staff member's organisation region (the root of
-- their scope) or a resident's home village.
create table account (
    id              uuid primary key,
    kind            varchar(16)  not null check (kind in ('RESIDENT', 'STAFF')),
    display_name    varchar(100),
    roles           varchar(200) not null,
    organisation_id uuid references organisation (id),
    region_code     varchar(12) collate "C" references region (code),
    wechat_openid   varchar(64) unique,
    wechat_unionid  varchar(64),
    active          boolean      not null default true,
    created_at      timestamptz  not null,
    last_login_at   timestamptz,
    version         bigint       not null default 0,
    check ((kind = 'STAFF') = (organisation_id is not null)),
    check ((kind = 'RESIDENT') = (wechat_openid is not null))
);
create index account_staff_scope_idx on account (region_code, id) where kind = 'STAFF';
create index account_resident_scope_idx on account (region_code, id) where kind = 'RESIDENT';
create index account_organisation_idx on account (organisation_id);

create table staff_credential (
    account_id      uuid primary key references account (id),
    username        varchar(64) not null,
    password_hash   varchar(100) not null,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    changed_at      timestamptz not null,
    version         bigint      not null default 0
);
create unique index staff_credential_username_idx on staff_credential (lower(username));

-- Refresh tokens: only a SHA-256 of the token is kept. Every refresh rotates; presenting a rotated
-- token again revokes the whole family (theft detection).
create table refresh_token (
    id         uuid primary key,
    account_id uuid        not null references account (id),
    family_id  uuid        not null,
    token_hash bytea       not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz,
    version    bigint      not null default 0
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_account_idx on refresh_token (account_id);

-- Real-name details. ID number, mobile and address are AES-256-GCM ciphertexts (base64 of nonce||ct);
-- key_id names the key that encrypted them so keys can rotate.
create table resident_profile (
    account_id        uuid primary key references account (id),
    real_name         varchar(50)  not null,
    id_number_cipher  varchar(200) not null,
    mobile_cipher     varchar(200) not null,
    address_cipher    varchar(600),
    key_id            varchar(32)  not null,
    home_village_code varchar(12) collate "C" not null references region (code),
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);
create index resident_profile_village_idx on resident_profile (home_village_code, account_id);

-- Who did what to which object, when, from where. Append-only: updates and deletes are refused.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor_id    uuid,
    actor_roles varchar(200),
    action      varchar(64)  not null,
    object_type varchar(64)  not null,
    object_id   varchar(64)  not null,
    region_code varchar(12) collate "C",
    client_ip   varchar(64),
    detail      varchar(500)
);
create index audit_log_object_idx on audit_log (object_type, object_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);
create index audit_log_region_idx on audit_log (region_code, id);

create function audit_log_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();

-- Idempotency-Key: the first response of a create is stored with a hash of its request and replayed
-- for retries. The primary key serialises concurrent duplicates.
create table idempotency_record (
    principal       varchar(64)  not null,
    idem_key        varchar(128) not null,
    operation       varchar(128) not null,
    request_hash    char(64)     not null,
    response_status int,
    response_body   text,
    location        varchar(300),
    created_at      timestamptz  not null,
    primary key (principal, idem_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
