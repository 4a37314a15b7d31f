-- 矛盾纠纷排查 rounds, and 以案奖补 (per-case subsidy): rules as data, each dispute's tier and follow-up result.

-- 矛盾纠纷排查: one row per round (counted as one 排查 in the ledger), never changed.
create table med_screening (
    id                 uuid primary key,
    organisation_id    uuid         not null references organisation (id),
    recorded_by        uuid         not null references account (id),
    region_code        varchar(12) collate "C" not null references region (code),
    screened_on        date         not null,
    place              varchar(200) not null,
    households_visited int          not null check (households_visited >= 0),
    disputes_found     int          not null check (disputes_found >= 0),
    risk_level         varchar(8)   not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    note               varchar(1000),
    created_at         timestamptz  not null
);
-- the list, newest first, for a committee (its own), a mediator (their own) and a 司法所/司法局 (its area)
create index med_screening_org_idx on med_screening (organisation_id, screened_on desc, created_at desc, id desc);
create index med_screening_recorder_idx on med_screening (recorded_by, screened_on desc, created_at desc, id desc);
create index med_screening_region_idx on med_screening (region_code, screened_on desc, created_at desc, id desc);

-- 以案奖补标准 for a county or township and a difficulty tier, valid on [effective_from, effective_to).
create table med_subsidy_rule (
    id                      uuid primary key,
    region_code             varchar(12) collate "C" not null references region (code),
    tier                    varchar(16)  not null check (tier in ('ORDINARY', 'COMPLEX', 'MAJOR')),
    amount_fen              bigint       not null check (amount_fen > 0),
    needs_written_agreement boolean      not null,
    needs_performance       boolean      not null,
    effective_from          date         not null,
    effective_to            date,
    source                  varchar(300),
    created_by              uuid         not null references account (id),
    created_at              timestamptz  not null,
    version                 bigint       not null default 0,
    check (effective_to is null or effective_to > effective_from),
    -- never two rules for one region and tier on the same day (btree_gist, created in V1)
    constraint med_subsidy_rule_no_overlap
        exclude using gist (region_code with =, tier with =, daterange(effective_from, effective_to) with &&)
);
create index med_subsidy_rule_region_idx on med_subsidy_rule (region_code, tier, effective_from);

-- What the subsidy needs of a successful dispute besides the follow-up (med_follow_up): its difficulty tier.
create table med_subsidy_case (
    dispute_id              uuid primary key references med_dispute (id),
    tier                    varchar(16) check (tier in ('ORDINARY', 'COMPLEX', 'MAJOR')),
    tier_set_by             uuid references account (id),
    tier_set_at             timestamptz,
    version                 bigint not null default 0,
    check ((tier is null) = (tier_set_at is null))
);

-- The monthly statement: a committee's disputes that became SUCCEEDED in a month.
create index med_dispute_committee_succeeded_idx on med_dispute (committee_id, concluded_at)
    where status = 'SUCCEEDED';
