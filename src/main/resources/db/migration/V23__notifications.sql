-- Issue 11: "my matters", the in-app inbox, the WeChat outbox, reminders sent once, preferences.

-- 我的事项: one row per resident and matter (legal-aid application, dispute, booking), kept by the modules'
-- state changes in their transaction. The list reads (account, urgency, sort_at, subject) as one index range.
create table ntf_matter (
    id           uuid primary key,
    account_id   uuid         not null references account (id),
    service      varchar(12)  not null check (service in ('LEGAL_AID', 'MEDIATION', 'ADVISORY')),
    subject_id   uuid         not null,
    reference    varchar(40)  not null,
    status_code  varchar(40)  not null,
    status_text  varchar(60)  not null,
    next_actor   varchar(40),
    todo         varchar(200),
    deadline     timestamptz,
    urgency      smallint     not null check (urgency between 0 and 2),
    sort_at      timestamptz  not null,
    link         varchar(200) not null,
    updated_at   timestamptz  not null,
    unique (account_id, subject_id)
);
create index ntf_matter_page_idx on ntf_matter (account_id, urgency, sort_at, id);
create index ntf_matter_subject_idx on ntf_matter (subject_id);

-- 站内消息. superseded_at: a later step of the same matter replaced it (the inbox shows what to do now).
create table ntf_notice (
    id            bigint generated always as identity primary key,
    recipient_id  uuid         not null references account (id),
    kind          varchar(32)  not null,
    subject_id    uuid,
    title         varchar(60)  not null,
    body          varchar(500) not null,
    link          varchar(200),
    created_at    timestamptz  not null,
    read_at       timestamptz,
    superseded_at timestamptz,
    superseded_by bigint references ntf_notice (id)
);
create index ntf_notice_inbox_idx on ntf_notice (recipient_id, id desc);
create index ntf_notice_unread_idx on ntf_notice (recipient_id) where read_at is null and superseded_at is null;
create index ntf_notice_current_idx on ntf_notice (recipient_id, subject_id) where superseded_at is null;

-- Outbox: written in the notice's (and so the state change's) transaction, delivered afterwards.
create table ntf_outbox (
    id              bigint generated always as identity primary key,
    notice_id       bigint       not null references ntf_notice (id),
    channel         varchar(8)   not null check (channel in ('WECHAT')),
    status          varchar(8)   not null check (status in ('PENDING', 'SENT', 'REFUSED', 'DEAD')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(200),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    version         bigint       not null default 0
);
create index ntf_outbox_due_idx on ntf_outbox (next_attempt_at, id) where status = 'PENDING';
create index ntf_outbox_dead_idx on ntf_outbox (id desc) where status = 'DEAD';
create index ntf_outbox_notice_idx on ntf_outbox (notice_id);

-- What a resident chose not to receive (absent row = receive).
create table ntf_preference (
    account_id uuid        not null references account (id),
    kind       varchar(32) not null,
    enabled    boolean     not null,
    primary key (account_id, kind)
);

-- 订阅消息 grants: each "allow" in wx.requestSubscribeMessage permits one message of that kind.
create table ntf_wechat_grant (
    account_id uuid        not null references account (id),
    kind       varchar(32) not null,
    remaining  int         not null check (remaining >= 0),
    primary key (account_id, kind)
);

-- The access token, shared by every replica; the refresher holds the row lock.
create table ntf_wechat_token (
    id           smallint primary key check (id = 1),
    access_token varchar(600),
    expires_at   timestamptz,
    refreshed_at timestamptz,
    refreshes    bigint not null default 0
);
insert into ntf_wechat_token (id) values (1);

-- Each reminder once: the first replica to insert (kind, subject, due day) sends it, the others get nothing.
create table ntf_reminder (
    kind       varchar(32) not null,
    subject_id uuid        not null,
    due_on     date        not null,
    created_at timestamptz not null,
    primary key (kind, subject_id, due_on)
);
