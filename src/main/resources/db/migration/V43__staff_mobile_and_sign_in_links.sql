-- Issue 14 (part 2): a staff member's mobile kept sealed on the account (AES-256-GCM like residents' details,
-- key_id names the key), and one-time sign-in links handed to an importer instead of a first password.
alter table account
    add column mobile_cipher varchar(200),
    add column mobile_key_id varchar(32);

-- 一次性登录链接: only the SHA-256 of the token is kept; single use (used_at), expiring (expires_at). The account
-- is named by its username: a staff import issues the link at confirm, before the account is created.
create table staff_sign_in_link (
    token_hash  char(64)    primary key,
    username    varchar(64) not null,
    import_id   uuid,
    row_no      integer,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null,
    created_by  uuid
);
create index staff_sign_in_link_username on staff_sign_in_link (username);
create index staff_sign_in_link_import on staff_sign_in_link (import_id) where used_at is null;
