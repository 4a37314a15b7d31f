-- Seeds :rows legal-aid applications (default in bench/legalaid.sh: 1,000,000) straight into aid_application
-- on top of the dev profile's demo data. Run with psql -v rows=1000000 -f bench/seed-applications.sql.
--
-- ~80% go to the demo county's 法律援助中心 (鹤庆县, 532932000000) and ~20% to a second, fake centre in
-- another county (532801000000, created here) so that centre_id is not one value for the whole table.
-- Applicants are the demo residents, regions the villages of each centre's county. Statuses: 85% settled
-- (80% CLOSED, REFUSED, WITHDRAWN, TERMINATED; no deadline), 15% open (4% UNDER_REVIEW, 6.5% IN_PROGRESS, …) with current_due_at spread over ±30 days
-- around now (about half of them overdue). Settled cases were created over the last 3 years, open ones
-- over the last 90 days. The narrative columns hold placeholder text: queue lists never decrypt them, so
-- the detail view (GET /api/aid/applications/{id}) of a seeded row is not part of the benchmark.
\set ON_ERROR_STOP on

begin;

-- a second county with one township and five villages, and its legal aid centre
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

insert into organisation (id, type, name, region_code, created_at)
values ('00000000-0000-4000-8000-00000000be1c', 'LEGAL_AID_CENTRE', '基准测试县法律援助中心', '532801000000', now())
on conflict (id) do nothing;

insert into aid_application (
    id, reference, applicant_id, region_code, centre_id, matter, service_type, situations, notified_grounds,
    retrial_ordered, summary_cipher, key_id, amount_in_dispute_fen, urgent_preservation, provisional_aid_grounds,
    eligibility_outcome, status, created_at, submitted_at, received_at, review_due_at, materials_requested,
    materials_due_at, decided_at, assignment_due_at, assigned_at, lawyer_id, provisional_aid, accepted_at,
    closed_at, outcome, current_due_at, version)
with ref as (
    select (select array_agg(id order by id) from account where kind = 'RESIDENT') as residents,
           (select array_agg(code order by code) from region
             where level = 'VILLAGE' and code >= '532932' and code < '532932:') as villages,
           (select array_agg(code order by code) from region
             where level = 'VILLAGE' and code >= '532801' and code < '532801:') as other_villages,
           (select id from organisation where type = 'LEGAL_AID_CENTRE' and region_code = '532932000000') as centre,
           '00000000-0000-4000-8000-00000000be1c'::uuid as other_centre,
           (select a.id from account a join staff_credential c on c.account_id = a.id
             where c.username = 'aid-lawyer') as lawyer,
           array['STATE_COMPENSATION', 'SOCIAL_INSURANCE_OR_ASSISTANCE', 'SURVIVOR_OR_DISABILITY_PENSION',
                 'SUPPORT_PAYMENT', 'LABOUR_RELATIONSHIP_OR_WAGES', 'CIVIL_CAPACITY', 'PERSONAL_INJURY',
                 'ENVIRONMENTAL_DAMAGE', 'OTHER_PROVINCIAL', 'OTHER_CIVIL', 'CRIMINAL_DEFENCE', 'CRIMINAL_VICTIM',
                 'PETITION_OR_RETRIAL'] as matters,
           array['LEGAL_CONSULTATION', 'DOCUMENT_DRAFTING', 'CRIMINAL_DEFENCE_OR_REPRESENTATION',
                 'CIVIL_ADMINISTRATIVE_REPRESENTATION', 'DUTY_LAWYER_HELP', 'LABOUR_MEDIATION_ARBITRATION',
                 'OTHER'] as service_types,
           array['WON', 'PARTLY_WON', 'SETTLED', 'LOST', 'SERVICE_COMPLETED'] as outcomes
), g as (
    -- one row of random draws per application (offset 0 keeps the subquery, so each random() is drawn once)
    select n, random() as r_status, random() as r_centre, random() as r_region, random() as r_applicant,
           random() as r_matter, random() as r_created, random() as r_due, random() as r_amount
    from generate_series(1, :rows) as n
    offset 0
), s as (
    select g.*,
           case when r_status < 0.800 then 'CLOSED'
                when r_status < 0.820 then 'REFUSED'
                when r_status < 0.840 then 'WITHDRAWN'
                when r_status < 0.850 then 'TERMINATED'
                when r_status < 0.860 then 'SUBMITTED'
                when r_status < 0.900 then 'UNDER_REVIEW'
                when r_status < 0.910 then 'MATERIALS_REQUESTED'
                when r_status < 0.920 then 'GRANTED'
                when r_status < 0.935 then 'ASSIGNED'
                else 'IN_PROGRESS' end as status,
           r_centre < 0.8 as home
    from g
), t as (
    select s.*,
           status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED', 'ASSIGNED', 'IN_PROGRESS') as open,
           now() - r_created * case when status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED',
                                                     'ASSIGNED', 'IN_PROGRESS')
                                    then interval '90 days' else interval '1095 days' end as created
    from s
)
select gen_random_uuid(),
       'BENCH-' || n,
       ref.residents[1 + floor(r_applicant * array_length(ref.residents, 1))::int],
       case when home then ref.villages[1 + floor(r_region * array_length(ref.villages, 1))::int]
            else ref.other_villages[1 + floor(r_region * array_length(ref.other_villages, 1))::int] end,
       case when home then ref.centre else ref.other_centre end,
       ref.matters[1 + floor(r_matter * array_length(ref.matters, 1))::int],
       ref.service_types[1 + floor(r_amount * array_length(ref.service_types, 1))::int],
       '', '', false,
       'bench-placeholder-not-sealed',
       'local1',
       (r_amount * 20000000)::bigint,
       false, false,
       'LIKELY_ELIGIBLE',
       status,
       created,
       created + interval '2 hours',
       case when status <> 'SUBMITTED' then created + interval '1 day' end,
       case when status = 'UNDER_REVIEW' then now() + (r_due * 60 - 30) * interval '1 day' end,
       status = 'MATERIALS_REQUESTED',
       case when status = 'MATERIALS_REQUESTED' then now() + (r_due * 60 - 30) * interval '1 day' end,
       case when status in ('GRANTED', 'ASSIGNED', 'IN_PROGRESS', 'CLOSED', 'REFUSED', 'TERMINATED')
            then created + interval '5 days' end,
       case when status = 'GRANTED' then now() + (r_due * 60 - 30) * interval '1 day' end,
       case when status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSED', 'TERMINATED') then created + interval '7 days' end,
       case when home and status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSED', 'TERMINATED') then ref.lawyer end,
       false,
       case when status in ('IN_PROGRESS', 'CLOSED', 'TERMINATED') then created + interval '8 days' end,
       case when status = 'CLOSED' then least(now(), created + (30 + r_due * 180) * interval '1 day') end,
       case when status = 'CLOSED' then ref.outcomes[1 + floor(r_matter * array_length(ref.outcomes, 1))::int] end,
       case when open then now() + (r_due * 60 - 30) * interval '1 day' end,
       0
from t, ref;

commit;
