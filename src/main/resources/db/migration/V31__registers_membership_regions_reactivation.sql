-- 名册按时间登记, continued (V30 dated organisations and staff accounts):
--  * 调委会成员 (committee membership) gets its own dated rows, so a mediator who moves committees or leaves one
--    keeps the history of where they served;
--  * 行政区划 (regions) get valid_from/valid_to, so a merged village still counts in the years it existed;
--  * reactivation: a row keeps its current span in valid_from/valid_to; the spans it served before a reactivation
--    are kept in register_past_span, so undoing a mistake never rewrites what was reported.
-- Every "at the period's end" figure and its drill-down read the register_* functions below, as of one day.

-- Spans served before a reactivation (closed spans only; the current span stays on the row itself).
create table register_past_span (
    register            varchar(16) not null check (register in ('ORGANISATION', 'ACCOUNT', 'REGION')),
    object_id           varchar(36) collate "C" not null,
    valid_from          date not null,
    valid_to            date not null,
    deactivation_reason text,
    archived_at         timestamptz not null default now(),
    primary key (register, object_id, valid_from),
    check (valid_to >= valid_from)
);

-- Regions: an existing 行政区划 is on the register since before any record (2000-01-01, DateBounds.EARLIEST).
alter table region add column valid_from date not null default date '2000-01-01',
    add column valid_to date, add column deactivation_reason text,
    add constraint region_valid_span check (valid_to is null or valid_to >= valid_from);

-- Committee membership (调委会成员): a mediator serves in one committee at a time (no overlapping spans).
create table committee_membership (
    id              uuid primary key,
    account_id      uuid not null references account (id),
    organisation_id uuid not null references organisation (id),
    valid_from      date not null,
    valid_to        date,
    reason          text,
    end_reason      text,
    created_at      timestamptz not null default now(),
    version         bigint not null default 0,
    constraint committee_membership_span check (valid_to is null or valid_to >= valid_from),
    constraint committee_membership_no_overlap
        exclude using gist (account_id with =, daterange(valid_from, valid_to) with &&)
);
-- the register read: a committee's members on a day (organisation_id = ? and the span contains the day)
create index committee_membership_committee_span_idx on committee_membership
    using gist (organisation_id, daterange(valid_from, valid_to));
create index committee_membership_account_idx on committee_membership (account_id, valid_from);

-- Current members become members since their account's valid_from (the account's own span still applies).
insert into committee_membership (id, account_id, organisation_id, valid_from, reason)
select gen_random_uuid(), a.id, a.organisation_id, a.valid_from, '名册迁移：账号所在调委会'
from account a join organisation o on o.id = a.organisation_id
where o.type = 'MEDIATION_COMMITTEE' and a.kind = 'STAFF' and ',' || a.roles || ',' like '%,MEDIATOR,%';

-- A mediator account created in a committee (through the API, the demo or a seed) is its member from the
-- account's first day; later moves go through the membership API.
create function committee_membership_first() returns trigger language plpgsql as $$
begin
    if new.kind = 'STAFF' and ',' || new.roles || ',' like '%,MEDIATOR,%' and exists (
            select 1 from organisation o where o.id = new.organisation_id and o.type = 'MEDIATION_COMMITTEE') then
        insert into committee_membership (id, account_id, organisation_id, valid_from, reason)
        values (gen_random_uuid(), new.id, new.organisation_id, new.valid_from, '账号设立');
    end if;
    return null;
end $$;
create trigger account_committee_membership_first after insert on account
    for each row execute function committee_membership_first();

-- The register reads, each as of `day` for the region subtree [lo, hi). A row serves on `day` when its current
-- span or one of its past spans contains it.
create or replace function register_committees(lo text, hi text, day date)
    returns table (id uuid, name text, region_code text, organisation_id uuid, created_at timestamptz)
    language sql stable as $$
    select o.id, o.name::text, o.region_code::text, o.id, o.created_at from organisation o
    where o.type = 'MEDIATION_COMMITTEE' and o.region_code >= lo and o.region_code < hi
      and ((o.valid_from <= day and (o.valid_to is null or o.valid_to > day))
        or exists (select 1 from register_past_span p where p.register = 'ORGANISATION'
                   and p.object_id = o.id::text and p.valid_from <= day and p.valid_to > day))
$$;

-- The mediators serving on `day` as members of committees of the subtree that serve on `day`.
create or replace function register_mediators(lo text, hi text, day date)
    returns table (id uuid, name text, region_code text, organisation_id uuid, created_at timestamptz)
    language sql stable as $$
    select a.id, a.display_name::text, o.region_code::text, m.organisation_id, a.created_at
    from organisation o
    join committee_membership m on m.organisation_id = o.id
    join account a on a.id = m.account_id
    where o.type = 'MEDIATION_COMMITTEE' and o.region_code >= lo and o.region_code < hi
      and ((o.valid_from <= day and (o.valid_to is null or o.valid_to > day))
        or exists (select 1 from register_past_span p where p.register = 'ORGANISATION'
                   and p.object_id = o.id::text and p.valid_from <= day and p.valid_to > day))
      and daterange(m.valid_from, m.valid_to) @> day
      and a.kind = 'STAFF' and ',' || a.roles || ',' like '%,MEDIATOR,%'
      and ((a.valid_from <= day and (a.valid_to is null or a.valid_to > day))
        or exists (select 1 from register_past_span p where p.register = 'ACCOUNT'
                   and p.object_id = a.id::text and p.valid_from <= day and p.valid_to > day))
$$;

-- The villages and communities (村、社区) of the subtree on the register on `day`.
create function register_villages(lo text, hi text, day date)
    returns table (code text, name text, parent_code text, valid_from date, valid_to date)
    language sql stable as $$
    select r.code::text, r.name::text, r.parent_code::text, r.valid_from, r.valid_to from region r
    where r.level = 'VILLAGE' and r.code >= lo and r.code < hi
      and ((r.valid_from <= day and (r.valid_to is null or r.valid_to > day))
        or exists (select 1 from register_past_span p where p.register = 'REGION'
                   and p.object_id = r.code and p.valid_from <= day and p.valid_to > day))
$$;
