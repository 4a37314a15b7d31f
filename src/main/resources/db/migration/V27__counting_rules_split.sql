-- The ministry's counting rules (issue 12): events written under the old counting are moved to their own
-- figures. The ledger is append-only, so each old event is corrected the way the application corrects
-- events: a reversal (-quantity, corrects_id = the original, dated like it) and a new event of the right kind,
-- dated like the original. Closed periods keep their snapshot and list both as adjustments (recorded now,
-- with this reason); the roll-up job adds them like any other event.
--   * 值班律师法律帮助 and 法律咨询 matters assigned were counted in 受理法律援助案件 (LEGAL_AID_CASE_ASSIGNED);
--     they now count under 值班律师提供法律帮助 (LEGAL_AID_DUTY_LAWYER_HELP) and 法律援助咨询 (LEGAL_AID_CONSULTATION).
--   * 委托调解 (a court referral after filing) was counted in 诉前委派调解 (MEDIATION_COURT_REFERRAL_RECEIVED);
--     it now counts under MEDIATION_COURT_ENTRUSTMENT_RECEIVED.
create temporary table counting_moves on commit drop as
select e.id, e.kind as old_kind,
       case when a.service_type = 'DUTY_LAWYER_HELP' then 'LEGAL_AID_DUTY_LAWYER_HELP'
            else 'LEGAL_AID_CONSULTATION' end as new_kind
from ledger_event e
join aid_application a on e.source_type = 'aid_application' and a.id = e.source_id
where e.kind = 'LEGAL_AID_CASE_ASSIGNED' and e.quantity > 0
  and a.service_type in ('DUTY_LAWYER_HELP', 'LEGAL_CONSULTATION')
  and not exists (select 1 from ledger_event c where c.corrects_id = e.id)
union all
select e.id, e.kind, 'MEDIATION_COURT_ENTRUSTMENT_RECEIVED'
from ledger_event e
join med_dispute d on e.source_type = 'med_dispute' and d.id = e.source_id
where e.kind = 'MEDIATION_COURT_REFERRAL_RECEIVED' and e.quantity > 0
  and d.referral_type in ('ENTRUSTED_ORDINARY', 'ENTRUSTED_SIMPLIFIED')
  and not exists (select 1 from ledger_event c where c.corrects_id = e.id);

insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, amount_fen, source_type,
                          source_id, corrects_id, recorded_at, adjustment_reason)
select e.kind, e.region_code, e.organisation_id, e.occurred_at, -e.quantity, -e.amount_fen, e.source_type,
       e.source_id, e.id, now(), '统计口径调整：移出' || case when m.new_kind = 'MEDIATION_COURT_ENTRUSTMENT_RECEIVED'
           then '诉前委派调解' else '受理法律援助案件' end
from counting_moves m join ledger_event e on e.id = m.id
order by e.id;

insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, amount_fen, source_type,
                          source_id, recorded_at, adjustment_reason)
select m.new_kind, e.region_code, e.organisation_id, e.occurred_at, e.quantity, e.amount_fen, e.source_type,
       e.source_id, now(), '统计口径调整：计入' || case m.new_kind
           when 'LEGAL_AID_DUTY_LAWYER_HELP' then '值班律师提供法律帮助'
           when 'LEGAL_AID_CONSULTATION' then '法律援助咨询'
           else '委托调解' end
from counting_moves m join ledger_event e on e.id = m.id
order by e.id;
