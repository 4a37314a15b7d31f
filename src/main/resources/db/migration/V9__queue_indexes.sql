-- Work queues page in two phases (DeadlineOrder): open cases by (current_due_at, id), then open cases
-- without a deadline by id. Partial indexes over open cases only keep both phases small index ranges,
-- also for region-wide queues (司法所, 司法局) where the region filter is not selective.
create index aid_application_open_due_idx on aid_application (current_due_at, id)
    where status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED', 'ASSIGNED', 'IN_PROGRESS',
                     'OBJECTION_FILED');
create index aid_application_open_undated_idx on aid_application (centre_id, id)
    where current_due_at is null and status in ('ASSIGNED', 'IN_PROGRESS');
create index aid_application_open_undated_all_idx on aid_application (id)
    where current_due_at is null and status in ('ASSIGNED', 'IN_PROGRESS');

create index med_dispute_open_queue_idx on med_dispute (committee_id, current_due_at, id)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING');
create index med_dispute_open_due_idx on med_dispute (current_due_at, id)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING');
