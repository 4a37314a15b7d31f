-- 导入 (issue 14): a county's registers and 台账 history imported from the spreadsheets 司法所 keep. An import is a
-- background job claimed in PostgreSQL (any replica): VALIDATING (dry run) → VALIDATED | REJECTED; confirm →
-- QUEUED → IMPORTING → DONE | FAILED (a failed import is confirmed again and resumes: rows already imported are
-- skipped by their key). The uploaded file is kept sealed in stored_object.
create table onboarding_import (
    id             uuid primary key,
    kind           varchar(32)  not null,
    file_name      varchar(200) not null,
    file_key       uuid         not null,
    file_sha256    char(64)     not null,
    importer_id    uuid         not null,
    importer_roles varchar(200) not null,
    importer_org   uuid,
    scope_region   varchar(12)  not null,
    status         varchar(16)  not null,
    rows_total     integer      not null default 0,
    rows_done      integer      not null default 0,
    rows_new       integer      not null default 0,
    rows_existing  integer      not null default 0,
    rows_adjusting integer      not null default 0,
    error_count    integer      not null default 0,
    failure        varchar(500),
    claimed_at     timestamptz,
    claimed_by     varchar(64),
    created_at     timestamptz  not null,
    validated_at   timestamptz,
    confirmed_at   timestamptz,
    finished_at    timestamptz
);
create index onboarding_import_claimable on onboarding_import (created_at) where status in ('VALIDATING', 'QUEUED', 'IMPORTING');
create index onboarding_import_scope on onboarding_import (scope_region, created_at desc);

-- Every problem of the dry run: row number (1 = the header row), the Chinese column header, the Chinese message.
create table onboarding_import_error (
    id          bigint generated always as identity primary key,
    import_id   uuid         not null references onboarding_import (id) on delete cascade,
    row_no      integer      not null,
    column_name varchar(64),
    message     varchar(500) not null
);
create index onboarding_import_error_page on onboarding_import_error (import_id, id);

-- The source marker of every imported record: the stable key of its row (per kind) makes a second import of the
-- same file or the same rows create nothing; written in the transaction that creates the record.
create table onboarding_imported_record (
    kind        varchar(32) not null,
    row_key     char(64)    not null,
    import_id   uuid        not null,
    row_no      integer     not null,
    record_type varchar(32) not null,
    record_id   varchar(64) not null,
    imported_at timestamptz not null,
    primary key (kind, row_key)
);
create index onboarding_imported_record_by_import on onboarding_imported_record (import_id, row_no);
create index onboarding_imported_record_by_record on onboarding_imported_record (record_type, record_id);

-- The bcrypt hashes of the initial passwords of a staff import, made at confirm (the passwords themselves are
-- answered once to the importer and kept nowhere); deleted when the import has created the accounts.
create table onboarding_initial_credential (
    import_id     uuid         not null references onboarding_import (id) on delete cascade,
    row_no        integer      not null,
    password_hash varchar(100) not null,
    primary key (import_id, row_no)
);
