-- 名册按时间登记: organisations and staff accounts carry the days they served. valid_from is the first day,
-- valid_to the first day no longer serving (null = still serving); deactivating replaces deleting. The
-- `active` flag stays for sign-in and routing and is kept equal to (valid_to is null) by the application.
alter table organisation add column valid_from date, add column valid_to date, add column deactivation_reason text;
alter table account add column valid_from date, add column valid_to date, add column deactivation_reason text;

update organisation set valid_from = greatest(coalesce((created_at at time zone 'Asia/Shanghai')::date,
        date '2000-01-01'), date '2000-01-01');
update account set valid_from = greatest(coalesce((created_at at time zone 'Asia/Shanghai')::date,
        date '2000-01-01'), date '2000-01-01');
-- rows already inactive have no recorded deactivation day; they were counted nowhere, so they serve no day
update organisation set valid_to = valid_from where not active;
update account set valid_to = valid_from where not active;

-- raw inserts (seeds, fixtures) that name no day serve from the day they are written, China time
alter table organisation alter column valid_from set not null,
    alter column valid_from set default (now() at time zone 'Asia/Shanghai')::date,
    add constraint organisation_valid_span check (valid_to is null or valid_to >= valid_from);
alter table account alter column valid_from set not null,
    alter column valid_from set default (now() at time zone 'Asia/Shanghai')::date,
    add constraint account_valid_span check (valid_to is null or valid_to >= valid_from);

-- The one register read used by every "at the period's end" figure and its drill-down: the mediation committees
-- (人民调解委员会) of the region subtree [lo, hi) serving on `day`.
create function register_committees(lo text, hi text, day date)
    returns table (id uuid, name text, region_code text, organisation_id uuid, created_at timestamptz)
    language sql stable as $$
    select o.id, o.name::text, o.region_code::text, o.id, o.created_at from organisation o
    where o.type = 'MEDIATION_COMMITTEE' and o.region_code >= lo and o.region_code < hi
      and o.valid_from <= day and (o.valid_to is null or o.valid_to > day)
$$;

-- The mediators (人民调解员) serving on `day` in committees of the region subtree [lo, hi) that serve on `day`.
create function register_mediators(lo text, hi text, day date)
    returns table (id uuid, name text, region_code text, organisation_id uuid, created_at timestamptz)
    language sql stable as $$
    select a.id, a.display_name::text, o.region_code::text, a.organisation_id, a.created_at
    from account a join organisation o on o.id = a.organisation_id
    where o.type = 'MEDIATION_COMMITTEE' and o.region_code >= lo and o.region_code < hi
      and o.valid_from <= day and (o.valid_to is null or o.valid_to > day)
      and a.kind = 'STAFF' and ',' || a.roles || ',' like '%,MEDIATOR,%'
      and a.valid_from <= day and (a.valid_to is null or a.valid_to > day)
$$;
