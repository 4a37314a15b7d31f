-- 以案奖补: a rule may give the first-assigned (主办) mediator of a shared case a percentage; null = equal shares.
alter table med_subsidy_rule add column lead_share_percent integer
    check (lead_share_percent between 1 and 100);

-- 签发: a committee's monthly statement as the 司法所 issued it, frozen (the whole statement as JSON, its totals,
-- who and when). At most one per committee and month; later changes to the month are paid as 调整 on a later one.
create table med_subsidy_issue (
    id                uuid primary key,
    committee_id      uuid        not null references organisation (id),
    month             date        not null check (extract(day from month) = 1),
    issued_by         uuid        not null references account (id),
    issued_at         timestamptz not null,
    total_fen         bigint      not null,
    adjustment_fen    bigint      not null,
    statement         text        not null,
    constraint med_subsidy_issue_once unique (committee_id, month)
);
