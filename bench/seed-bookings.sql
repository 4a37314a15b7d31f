-- Seeds :rows 村居法律顾问 bookings (default in bench/advisory.sh: 1,000,000) straight into adv_booking on top of
-- the dev profile's demo data. Run with psql -v rows=1000000 -f bench/seed-bookings.sql.
--
-- 200 extra advisors (LAWYER accounts of the demo county's first law firm, created here) get :rows / 200
-- consecutive 30-minute bookings each, from 60 days ago onwards (5,000 each with the default: to about 44 days
-- ahead). Past slots ended as they do in practice — 75% COMPLETED, 10% CANCELLED, 8% DECLINED, 7% NO_SHOW —
-- and the future ones are PENDING (40%) or CONFIRMED (60%), so roughly 40% of the rows hold their slot and sit
-- in the exclusion constraint's partial GiST index (advisor, period) that every booking insert and every slot
-- listing probes. Residents are the demo residents; villages the demo county's; descriptions are placeholders
-- (never decrypted by the benchmark).
\set ON_ERROR_STOP on

begin;

insert into account (id, kind, display_name, roles, organisation_id, region_code, active, created_at)
select ('00000000-0000-4000-a000-' || lpad(to_hex(a), 12, '0'))::uuid, 'STAFF', '基准顾问' || a, 'LAWYER', o.id,
       o.region_code, true, now()
from generate_series(1, 200) a
cross join (select id, region_code from organisation where type = 'LAW_FIRM' order by name limit 1) o;

insert into adv_advisor (account_id, practice_category, licence_number, organisation_id, region_code,
                         first_practice_year, registered_by, created_at)
select a.id, 'LAWYER', 'BENCH' || lpad(row_number() over (order by a.id)::text, 8, '0'), a.organisation_id,
       a.region_code, 2015, a.id, now()
from account a where a.id::text like '00000000-0000-4000-a000-%';

create temporary table bench_residents as
select row_number() over (order by id) - 1 as n, id from account where wechat_openid like 'fake-resident%';
create temporary table bench_villages as
select row_number() over (order by code) - 1 as n, code from region where level = 'VILLAGE' and code like '532932%';

insert into adv_booking (id, advisor_id, organisation_id, resident_id, village_code, mode, topic, description_cipher,
                         key_id, starts_at, ends_at, status, created_at, version)
select gen_random_uuid(), ('00000000-0000-4000-a000-' || lpad(to_hex(1 + i % 200), 12, '0'))::uuid, o.id, r.id, v.code,
       (array['ON_SITE', 'PHONE', 'VIDEO'])[1 + i % 3],
       (array['MARRIAGE_AND_FAMILY', 'LABOUR', 'LAND_AND_HOMESTEAD', 'CONTRACT', 'NEIGHBOURS', 'INHERITANCE', 'TORT', 'OTHER'])[1 + i % 8],
       'bench', 'local1', s.at, s.at + interval '30 minutes',
       case when s.at > now() then (case when i % 5 < 2 then 'PENDING' else 'CONFIRMED' end)
            else (case when i % 100 < 75 then 'COMPLETED' when i % 100 < 85 then 'CANCELLED'
                       when i % 100 < 93 then 'DECLINED' else 'NO_SHOW' end) end,
       s.at - interval '3 days', 0
from generate_series(0, :rows - 1) i
cross join lateral (select date_trunc('hour', now()) - interval '60 days' + (i / 200) * interval '30 minutes' as at) s
cross join (select id from organisation where type = 'LAW_FIRM' order by name limit 1) o
join bench_residents r on r.n = i % (select count(*) from bench_residents)
join bench_villages v on v.n = i % (select count(*) from bench_villages);

commit;
