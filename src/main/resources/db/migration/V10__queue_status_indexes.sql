-- Queues filtered by status (?status=SUBMITTED, ?status=SUCCEEDED …): the mediation benchmark showed the
-- deadline phase reading every open case of the committee (or county) to find none. With the status in the
-- index, both phases of DeadlineOrder are index ranges: (…, status, current_due_at, id) serves the dated
-- phase and, where current_due_at is null, the undated phase in id order.
create index med_dispute_status_queue_idx on med_dispute (committee_id, status, current_due_at, id);
create index med_dispute_status_due_idx on med_dispute (status, current_due_at, id);
create index aid_application_status_due_idx on aid_application (status, current_due_at, id);

-- Open disputes without a time limit yet (SUBMITTED) for the unfiltered committee queue's second phase.
create index med_dispute_open_undated_idx on med_dispute (committee_id, id)
    where current_due_at is null and status in ('SUBMITTED', 'ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING');
