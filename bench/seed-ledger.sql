-- Ledger events for bench/reporting.sh: one INSERT … SELECT … FROM generate_series (one transaction, so the
-- rows share one tx_id), all indexes and the append-only trigger in place. Run with psql:
--
--   psql -v rows=1000000 -v from='2025-01-01 00:00+08' -v to='2026-11-24 12:00+08' -f bench/seed-ledger.sql
--
-- rows: how many events; from / to: occurred_at (= recorded_at) is uniform over [from, to).
-- Regions: uniform over the 73 codes of the demo county 鹤庆县 (532932000000): the county itself, its
-- 9 townships and 63 villages, as the region table lists them (so about 86% of the events are at village
-- level, 12% at township level, 1.4% at the county).
-- Kinds (weights in %): the flow kinds of the metric catalogue plus three kinds the ledger holds but no report
-- figure reads (LEGAL_AID_GRANTED, MEDIATION_DISPUTE_ACCEPTED, MEDIATION_JUDICIAL_CONFIRMATION_APPLIED).
-- Quantities: 1, except LEGAL_AID_CONSULTATION (1-5 人次) and EDUCATION_PARTICIPATION (20-200 人次);
-- LEGAL_AID_CASE_CLOSED carries amount_fen (0-50,000 yuan). source_type 'bench', source_id random.
\set ON_ERROR_STOP on

insert into ledger_event (kind, region_code, occurred_at, quantity, amount_fen, source_type, source_id, recorded_at)
with kinds as (
    -- the kind of draw d (0..99) is kinds.k[d + 1]: each kind appears as often as its weight
    select array_agg(w.kind order by w.ord, n) as k
    from (values (1, 'LEGAL_AID_APPLICATION_RECEIVED', 8),
                 (2, 'LEGAL_AID_GRANTED', 3),
                 (3, 'LEGAL_AID_CASE_ASSIGNED', 6),
                 (4, 'LEGAL_AID_CASE_CLOSED', 6),
                 (5, 'LEGAL_AID_CONSULTATION', 22),
                 (6, 'LEGAL_AID_REFUSED', 1),
                 (7, 'MEDIATION_SCREENING', 9),
                 (8, 'MEDIATION_DISPUTE_RECEIVED', 13),
                 (9, 'MEDIATION_DISPUTE_ACCEPTED', 5),
                 (10, 'MEDIATION_SUCCEEDED', 10),
                 (11, 'MEDIATION_FAILED', 2),
                 (12, 'MEDIATION_COURT_REFERRAL_RECEIVED', 3),
                 (13, 'MEDIATION_JUDICIAL_CONFIRMATION_APPLIED', 2),
                 (14, 'MEDIATION_JUDICIAL_CONFIRMATION_CONFIRMED', 2),
                 (15, 'ADVISORY_LEGAL_REVIEW', 3),
                 (16, 'EDUCATION_LECTURE_HELD', 1),
                 (17, 'EDUCATION_VIDEO_EPISODE_PUBLISHED', 1),
                 (18, 'EDUCATION_PARTICIPATION', 3)) w(ord, kind, weight)
    cross join lateral generate_series(1, w.weight) n),
codes as (
    select array_agg(code order by code) as c, count(*)::int as n
    from region where code >= '532932' and code < '532932:'),
draws as (
    -- volatile target list: the subquery is not flattened, every row gets its own draws
    select floor(random() * 100)::int as dk, random() as dr, random() as dq,
           :'from'::timestamptz + random() * (:'to'::timestamptz - :'from'::timestamptz) as at
    from generate_series(1, :rows))
select kinds.k[d.dk + 1],
       codes.c[1 + floor(d.dr * codes.n)::int],
       d.at,
       case kinds.k[d.dk + 1]
           when 'LEGAL_AID_CONSULTATION' then 1 + floor(d.dq * 5)::int
           when 'EDUCATION_PARTICIPATION' then 20 + floor(d.dq * 181)::int
           else 1 end,
       case when kinds.k[d.dk + 1] = 'LEGAL_AID_CASE_CLOSED' then floor(d.dq * 5000000)::bigint end,
       'bench', gen_random_uuid(), d.at
from draws d, kinds, codes;
