-- Seeds :rows 掌上调解 disputes (default in bench/mediation.sh: 1,000,000) straight into med_dispute on top
-- of the dev profile's demo data. Run with psql -v rows=1000000 -f bench/seed-disputes.sql.
--
-- Committees: 15% of the rows go to the committee of the demo village 532932100201 (云鹤镇, the committee of
-- `mediator1-3`, the mediator the benchmark measures), 65% spread evenly over all 73 committees of the demo
-- county (鹤庆县, 532932000000: township, village and the medical committee, so the demo committee ends up
-- with ~16% ≈ 160,000 rows), 20% over six committees of a second, fake county (532801000000, created here)
-- so that neither committee_id nor the region code is one value for most of the table. region_code is the
-- committee's own region (a village, a township, or the county for the medical committee).
--
-- Statuses (domain rules of Dispute.java): 86% concluded — 62% SUCCEEDED, 12% FAILED, 5% REFUSED_BY_PARTY,
-- 5% WITHDRAWN (current_due_at null, concluded_at set), 2% NOT_ACCEPTED (declined: no concluded_at) —
-- and 14% open: 1.5% SUBMITTED (not accepted yet, so no time limit: current_due_at null, like a fresh
-- submission), 2.5% ACCEPTED, 8% IN_MEDIATION, 2% AGREEMENT_PENDING with current_due_at spread over ±30 days
-- around now (about half overdue; accepted 30 days before the limit). Concluded cases were created over the
-- last 3 years. origin is APPLIED (no court fields, see V8), applicants are the demo residents. Facts and
-- claims hold placeholder text: lists never decrypt them, so the case file of a seeded row is not part of
-- the benchmark.
\set ON_ERROR_STOP on

begin;

-- a second county with one township and five villages, its township committee and five village committees
insert into region (code, parent_code, level, name) values
    ('532800000000', '530000000000', 'CITY', '基准测试州'),
    ('532801000000', '532800000000', 'COUNTY', '基准测试县'),
    ('532801100000', '532801000000', 'TOWNSHIP', '基准测试镇'),
    ('532801100001', '532801100000', 'VILLAGE', '基准测试一村'),
    ('532801100002', '532801100000', 'VILLAGE', '基准测试二村'),
    ('532801100003', '532801100000', 'VILLAGE', '基准测试三村'),
    ('532801100004', '532801100000', 'VILLAGE', '基准测试四村'),
    ('532801100005', '532801100000', 'VILLAGE', '基准测试五村')
on conflict (code) do nothing;

insert into organisation (id, type, committee_kind, name, region_code, created_at) values
    ('00000000-0000-4000-8000-0000000d0000', 'MEDIATION_COMMITTEE', 'TOWNSHIP', '基准测试镇人民调解委员会', '532801100000', now()),
    ('00000000-0000-4000-8000-0000000d0001', 'MEDIATION_COMMITTEE', 'VILLAGE', '基准测试一村人民调解委员会', '532801100001', now()),
    ('00000000-0000-4000-8000-0000000d0002', 'MEDIATION_COMMITTEE', 'VILLAGE', '基准测试二村人民调解委员会', '532801100002', now()),
    ('00000000-0000-4000-8000-0000000d0003', 'MEDIATION_COMMITTEE', 'VILLAGE', '基准测试三村人民调解委员会', '532801100003', now()),
    ('00000000-0000-4000-8000-0000000d0004', 'MEDIATION_COMMITTEE', 'VILLAGE', '基准测试四村人民调解委员会', '532801100004', now()),
    ('00000000-0000-4000-8000-0000000d0005', 'MEDIATION_COMMITTEE', 'VILLAGE', '基准测试五村人民调解委员会', '532801100005', now())
on conflict (id) do nothing;

insert into med_dispute (
    id, reference, applicant_id, origin, dispute_type, facts_cipher, claims_cipher, key_id, amount_fen,
    region_code, committee_id, preferred_mode, status, created_at, accepted_at, decline_reason, due_at,
    concluded_at, failure_reason, current_due_at, version)
with ref as (
    select (select array_agg(id order by id) from account where kind = 'RESIDENT') as residents,
           (select array_agg(id order by id) from organisation
             where type = 'MEDIATION_COMMITTEE' and region_code >= '532932' and region_code < '532932:') as committees,
           (select array_agg(region_code order by id) from organisation
             where type = 'MEDIATION_COMMITTEE' and region_code >= '532932' and region_code < '532932:') as committee_regions,
           (select array_agg(id order by id) from organisation
             where type = 'MEDIATION_COMMITTEE' and region_code >= '532801' and region_code < '532801:') as other_committees,
           (select array_agg(region_code order by id) from organisation
             where type = 'MEDIATION_COMMITTEE' and region_code >= '532801' and region_code < '532801:') as other_regions,
           (select id from organisation where type = 'MEDIATION_COMMITTEE' and region_code = '532932100201') as demo_committee,
           -- weighted: neighbour and family disputes are the most common ones before village committees
           array['NEIGHBOUR', 'NEIGHBOUR', 'NEIGHBOUR', 'MARRIAGE_FAMILY', 'MARRIAGE_FAMILY', 'MARRIAGE_FAMILY',
                 'LAND_FOREST', 'LAND_FOREST', 'DAMAGES', 'DAMAGES', 'LABOUR', 'PROPERTY_MANAGEMENT', 'CONSUMER',
                 'TRAFFIC_ACCIDENT', 'MEDICAL', 'OTHER'] as types,
           array['IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'VIDEO', 'PHONE'] as modes
), g as (
    -- one row of random draws per dispute (offset 0 keeps the subquery, so each random() is drawn once)
    select n, random() as r_status, random() as r_committee, random() as r_pick, random() as r_applicant,
           random() as r_type, random() as r_created, random() as r_due, random() as r_amount
    from generate_series(1, :rows) as n
    offset 0
), s as (
    select g.*,
           case when r_status < 0.620 then 'SUCCEEDED'
                when r_status < 0.740 then 'FAILED'
                when r_status < 0.790 then 'REFUSED_BY_PARTY'
                when r_status < 0.840 then 'WITHDRAWN'
                when r_status < 0.860 then 'NOT_ACCEPTED'
                when r_status < 0.875 then 'SUBMITTED'
                when r_status < 0.900 then 'ACCEPTED'
                when r_status < 0.980 then 'IN_MEDIATION'
                else 'AGREEMENT_PENDING' end as status,
           now() + (r_due * 60 - 30) * interval '1 day' as due
    from g
), t as (
    select s.*,
           status in ('ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING') as dated,
           case when status in ('ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING')
                     then due - interval '31 days' - r_created * interval '2 days'
                when status = 'SUBMITTED' then now() - r_created * interval '7 days'
                else now() - interval '2 days' - r_created * interval '1093 days' end as created
    from s
)
select gen_random_uuid(),
       'BENCHM-' || n,
       ref.residents[1 + floor(r_applicant * array_length(ref.residents, 1))::int],
       'APPLIED',
       ref.types[1 + floor(r_type * array_length(ref.types, 1))::int],
       'bench-placeholder-not-sealed',
       'bench-placeholder-not-sealed',
       'local1',
       case when r_amount < 0.3 then null else (r_amount * 5000000)::bigint end,
       case when r_committee < 0.15 then '532932100201'
            when r_committee < 0.80 then ref.committee_regions[1 + floor(r_pick * array_length(ref.committees, 1))::int]
            else ref.other_regions[1 + floor(r_pick * array_length(ref.other_committees, 1))::int] end,
       case when r_committee < 0.15 then ref.demo_committee
            when r_committee < 0.80 then ref.committees[1 + floor(r_pick * array_length(ref.committees, 1))::int]
            else ref.other_committees[1 + floor(r_pick * array_length(ref.other_committees, 1))::int] end,
       ref.modes[1 + floor(r_amount * array_length(ref.modes, 1))::int],
       status,
       created,
       case when status not in ('SUBMITTED', 'NOT_ACCEPTED') then created + interval '1 day' end,
       case when status = 'NOT_ACCEPTED' then '已向人民法院起诉' end,
       case when dated then due
            when status not in ('SUBMITTED', 'NOT_ACCEPTED') then created + interval '31 days' end,
       case when status in ('SUCCEEDED', 'FAILED', 'REFUSED_BY_PARTY', 'WITHDRAWN')
            then least(now(), created + (2 + r_due * 40) * interval '1 day') end,
       case when status = 'FAILED' then '双方分歧较大，调解不成' end,
       case when dated then due end,
       0
from t, ref;

commit;
