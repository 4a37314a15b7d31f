-- 经济困难标准 (法律援助法 Art. 34): set by each province and revised over time, so each year's figure is a
-- new row with its own validity period; an eligibility decision names the row it used. region_code is
-- normally a province; a city or county may carry a more specific line (e.g. Zhongshan's), and the deepest
-- row covering a region wins. No rows are seeded: the region table is empty until loaded.
create table aid_hardship_standard (
    id                              uuid primary key,
    region_code                     varchar(12) collate "C" not null references region (code),
    basis                           varchar(32)    not null
        check (basis in ('DIBAO_MULTIPLE', 'MIN_WAGE', 'DISPOSABLE_INCOME_PCT')),
    -- a multiple (2 = 2× 低保, 1 = the minimum wage) or a share (0.5 = 50% of disposable income)
    factor                          numeric(6, 3)  not null check (factor > 0),
    -- 低保 line per month, minimum wage per month, or annual per-capita disposable income (by basis)
    reference_amount                numeric(12, 2) not null check (reference_amount > 0),
    -- the resulting per-capita monthly income line, stored so that a decision can be reproduced
    monthly_threshold               numeric(12, 2) not null check (monthly_threshold > 0),
    asset_limit                     numeric(14, 2) check (asset_limit >= 0),
    excludes_non_essential_property boolean        not null default true,
    effective_from                  date           not null,
    effective_to                    date,
    source                          varchar(300)   not null,
    created_at                      timestamptz    not null,
    version                         bigint         not null default 0,
    check (effective_to is null or effective_to > effective_from),
    -- never two versions for one region on the same day: [effective_from, effective_to) may not overlap
    constraint aid_hardship_standard_no_overlap
        exclude using gist (region_code with =, daterange(effective_from, effective_to) with &&)
);
create index aid_hardship_standard_region_idx on aid_hardship_standard (region_code, effective_from);
