-- 调解会议与笔录, 司法确认, 回访.

create table med_session (
    id             uuid primary key,
    dispute_id     uuid        not null references med_dispute (id),
    scheduled_at   timestamptz not null,
    mode           varchar(16) not null check (mode in ('IN_PERSON', 'VIDEO', 'PHONE')),
    place          varchar(200),
    video_link     varchar(300),
    minutes_cipher text,
    present        varchar(500),
    key_id         varchar(32) not null,
    created_by     uuid        not null references account (id),
    created_at     timestamptz not null,
    recorded_at    timestamptz,
    version        bigint      not null default 0
);
create index med_session_dispute_idx on med_session (dispute_id, scheduled_at);

-- 司法确认: applied jointly within 30 days of the agreement taking effect; the court's ruling.
create table med_judicial_confirmation (
    dispute_id  uuid primary key references med_dispute (id),
    court_id    uuid        not null references organisation (id),
    applied_on  date        not null,
    ruling      varchar(16) check (ruling in ('CONFIRMED', 'REJECTED')),
    ruled_on    date,
    recorded_by uuid        not null references account (id),
    recorded_at timestamptz not null,
    version     bigint      not null default 0
);

-- 回访: scheduled after the agreement's performance deadline.
create table med_follow_up (
    dispute_id   uuid primary key references med_dispute (id),
    due_on       date        not null,
    done_at      timestamptz,
    performance  varchar(16) check (performance in ('PERFORMED', 'PARTLY', 'NOT_PERFORMED')),
    satisfaction int check (satisfaction between 1 and 5),
    note         varchar(1000),
    recorded_by  uuid references account (id),
    version      bigint      not null default 0
);
create index med_follow_up_due_idx on med_follow_up (due_on) where done_at is null;
