-- 普法 short videos: columns (栏目), episodes with four-eyes publishing, Chinese search, views, likes,
-- and the per-episode aggregates the popular feed sorts on.

-- 栏目, e.g. 《律师普法》, owned by an organisation; its region is the owning region for review.
-- last_episode_no is the 期 counter: publication locks the column row and takes the next number.
create table edu_column (
    id              uuid primary key,
    name            varchar(60)  not null,
    description     varchar(500),
    organisation_id uuid         not null references organisation (id),
    region_code     varchar(12)  collate "C" not null references region (code),
    last_episode_no int          not null default 0,
    created_by      uuid         not null,
    created_at      timestamptz  not null,
    version         bigint       not null
);
create unique index edu_column_name_unique on edu_column (organisation_id, name);
create index edu_column_region_idx on edu_column (region_code, created_at, id);

-- 一期节目. Video files live on a CDN / object store: only the object path is kept (video_path), playback
-- URLs are signed per request. plays / completions are the batch aggregates (ViewAggregation), never
-- updated per view. search_grams: the character bigrams (and single characters, and Latin tokens) of
-- search_text (SearchGrams), GIN-indexed for Chinese keyword search.
create table edu_episode (
    id                     uuid primary key,
    column_id              uuid          not null references edu_column (id),
    episode_no             int,
    status                 varchar(16)   not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN')),
    title                  varchar(100)  not null,
    summary                varchar(1000) not null,
    topics                 text[]        not null,
    law_refs               text[]        not null,
    duration_seconds       int           not null check (duration_seconds > 0),
    cover_url              varchar(500),
    video_path             varchar(300)  not null,
    presenter_name         varchar(50)   not null,
    presenter_title        varchar(30)   not null,
    presenter_organisation varchar(100),
    region_code            varchar(12)   collate "C" not null references region (code),
    transcript             text,
    search_title           text          not null,
    search_text            text          not null,
    search_grams           text[]        not null,
    author_id              uuid          not null,
    submitted_by           uuid,
    refusal_reason         varchar(500),
    withdrawal_reason      varchar(500),
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    submitted_at           timestamptz,
    published_at           timestamptz,
    published_by           uuid,
    withdrawn_at           timestamptz,
    plays                  bigint        not null default 0,
    completions            bigint        not null default 0,
    version                bigint        not null,
    unique (column_id, episode_no)
);
-- the resident feed: latest (keyset on published_at, id), popular (plays, id), one column, search
create index edu_episode_latest_idx on edu_episode (published_at desc, id desc) where status = 'PUBLISHED';
create index edu_episode_popular_idx on edu_episode (plays desc, id desc) where status = 'PUBLISHED';
create index edu_episode_column_idx on edu_episode (column_id, published_at desc, id desc) where status = 'PUBLISHED';
create index edu_episode_topics_idx on edu_episode using gin (topics) where status = 'PUBLISHED';
create index edu_episode_grams_idx on edu_episode using gin (search_grams) where status = 'PUBLISHED';
-- the staff queue (drafts and reviews of a region) and an author's own episodes
create index edu_episode_queue_idx on edu_episode (region_code, status, updated_at desc, id desc);
create index edu_episode_author_idx on edu_episode (author_id, updated_at desc, id desc);

-- 审核记录: every step of an episode (submit, refuse with reason, publish, withdraw).
create table edu_episode_step (
    id          bigint generated always as identity primary key,
    episode_id  uuid        not null references edu_episode (id),
    occurred_at timestamptz not null,
    action      varchar(32) not null,
    from_status varchar(16),
    to_status   varchar(16) not null,
    actor_id    uuid,
    note        varchar(500)
);
create index edu_episode_step_idx on edu_episode_step (episode_id, id);

-- 播放: one row per device, episode and China-time day (the first view that day is the counted play);
-- later reports of the same device that day only raise progress. Only this device's row is touched: no
-- global counter row. column_id / region_code are copied from the episode so figures per region, column
-- and period (and distinct devices, which cannot be summed from daily roll-ups) read one index.
create table edu_view (
    episode_id   uuid        not null,
    device_id    varchar(64) not null,
    view_day     date        not null,
    column_id    uuid        not null,
    region_code  varchar(12) collate "C" not null,
    progress     smallint    not null check (progress between 0 and 100),
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    completed_at timestamptz,
    primary key (episode_id, device_id, view_day)
);
create index edu_view_region_day_idx on edu_view (region_code, view_day) include (column_id, device_id, completed_at);

-- 点赞: one per account and episode (PUT/DELETE are idempotent).
create table edu_like (
    episode_id uuid        not null references edu_episode (id),
    account_id uuid        not null,
    liked_at   timestamptz not null,
    primary key (episode_id, account_id)
);

-- Per-episode per-day plays and completions, added in batches from the ledger's EDUCATION_VIDEO_PLAY /
-- EDUCATION_VIDEO_COMPLETED events (the insert-only raw event log), with the same pg_snapshot_xmin
-- watermark scheme as ledger_rollup (V13): only transactions finished for certain are added, once.
create table edu_episode_daily (
    episode_id  uuid   not null references edu_episode (id),
    day         date   not null,
    plays       bigint not null,
    completions bigint not null,
    primary key (episode_id, day)
);
create index edu_episode_daily_day_idx on edu_episode_daily (day, episode_id);

create table edu_aggregation_state (
    id         boolean     primary key default true check (id),
    watermark  xid8        not null,
    generation bigint      not null,
    aggregated bigint      not null,
    updated_at timestamptz not null
);
insert into edu_aggregation_state values (true, '1', 0, 0, now());

-- The catalogue's version, bumped in the transaction of every publication and withdrawal: with the
-- aggregation generation it makes the feed's ETag, so a repeat request is answered 304 from this one row
-- (on any replica) without building the page.
create table edu_catalogue_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into edu_catalogue_version values (true, 0);
