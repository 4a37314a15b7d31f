-- Figures for the yearly report and the dashboards: roll-ups of the ledger per day × region × event kind.
--
-- Each event is added to the rows of its own region and of every enclosing region (village → township →
-- county → city → province), so the figure of any region and period is a sum over at most ~366 rows per
-- kind, whatever the size of the ledger.
--
-- Incremental maintenance (cost proportional to new events): every event carries the id of the transaction
-- that wrote it (tx_id). The roll-up job takes the events whose transaction is older than the oldest one
-- still running (pg_snapshot_xmin), i.e. finished for certain, adds them, and moves the watermark there, all
-- in one transaction. Readers add the not yet rolled-up tail (tx_id >= watermark) in the same statement, so a
-- figure is exact the moment its transaction commits. Identity ids would not do: they are taken at insert
-- time, and a transaction with a smaller id can commit after one with a larger id.

alter table ledger_event add column tx_id xid8 not null default pg_current_xact_id();
create index ledger_event_tx_idx on ledger_event (tx_id);
-- drill-down (the records behind a figure): the events of one kind in time order, the region checked in the
-- index (replaces (kind, occurred_at, region_code), which could not give the (occurred_at, id) keyset order)
create index ledger_event_drill_idx on ledger_event (kind, occurred_at, id) include (region_code);
drop index ledger_event_kind_time_idx;

-- The code itself and the codes of every enclosing region (the SQL twin of RegionCodes.ancestorsOrSelf).
create function region_ancestors_or_self(code varchar) returns setof varchar
    language sql immutable parallel safe as $$
    select distinct a from unnest(array[
        substr(code, 1, 2) || '0000000000',
        substr(code, 1, 4) || '00000000',
        substr(code, 1, 6) || '000000',
        substr(code, 1, 9) || '000',
        code]) a
$$;

create table ledger_rollup (
    region_code varchar(12) collate "C" not null,
    kind        varchar(64) not null,
    day         date        not null,  -- the event's occurrence day, China time
    events      bigint      not null,  -- events counted (a correction counts -1)
    quantity    bigint      not null,  -- sum of quantities (件, 人次, 次 …)
    amount_fen  bigint      not null,  -- sum of amounts in fen
    primary key (region_code, kind, day)
);

-- One row: events of transactions below the watermark are in ledger_rollup, the others are not.
create table ledger_rollup_state (
    id           boolean     primary key default true check (id),
    watermark    xid8        not null,
    rolled_up    bigint      not null,
    rebuilt_at   timestamptz,
    updated_at   timestamptz not null
);
insert into ledger_rollup_state (id, watermark, rolled_up, updated_at) values (true, '1', 0, now());
