-- 关账: a county's year or month closed by its 司法局; the figures as they stood then are kept, and what the
-- ledger receives for the period afterwards is listed as 调整 (adjustments), never merged in silently.
create table reporting_closed_period (
    id            uuid primary key,
    region_code   varchar(12) collate "C" not null references region (code),
    period_from   date not null,
    period_to     date not null,
    status        varchar(16) not null check (status in ('CLOSED', 'REOPENED')),
    closed_by     uuid not null,
    closed_at     timestamptz not null,
    reopened_by   uuid,
    reopened_at   timestamptz,
    reopen_reason varchar(500),
    version       bigint not null default 0,
    check (period_from <= period_to),
    check ((status = 'REOPENED') = (reopened_at is not null and reopen_reason is not null))
);
-- at most one closure in force per county and period; reopened ones stay as history
create unique index reporting_closed_period_open_idx on reporting_closed_period (region_code, period_from, period_to)
    where status = 'CLOSED';

-- the snapshot: every catalogue figure of the county and of each of its townships at closing
create table reporting_snapshot_figure (
    id          uuid primary key,
    closure_id  uuid not null references reporting_closed_period (id),
    region_code varchar(12) collate "C" not null,
    metric_key  varchar(64) not null,
    value       numeric(20, 4),
    unique (closure_id, region_code, metric_key)
);

-- adjustments are the events recorded after a closure: few, found through their recording time
create index ledger_event_recorded_idx on ledger_event (recorded_at);
