-- Stored create responses can carry personal data (an application's narrative and finances): they are
-- sealed like other personal data; key_id names the key.
alter table idempotency_record add column key_id varchar(32);
-- Responses stored before sealing are dropped (a retry simply runs again; they expire within 24 hours anyway).
delete from idempotency_record where key_id is null;

-- Review fixes: the reversal lookup, the deadline job, the staff queue of open cases, a lawyer's consultations.
create unique index ledger_event_corrects_idx on ledger_event (corrects_id) where corrects_id is not null;
create index aid_application_materials_due_idx on aid_application (materials_due_at)
    where status = 'MATERIALS_REQUESTED';
create index aid_application_open_queue_idx on aid_application (centre_id, current_due_at, id)
    where status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED', 'ASSIGNED', 'IN_PROGRESS',
                     'OBJECTION_FILED');
create index aid_application_open_region_idx on aid_application (region_code, current_due_at, id)
    where status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED', 'ASSIGNED', 'IN_PROGRESS',
                     'OBJECTION_FILED');
create index aid_consultation_recorder_idx on aid_consultation (recorded_by, consulted_at desc, id);
