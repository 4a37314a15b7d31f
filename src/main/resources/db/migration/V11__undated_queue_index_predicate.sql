-- The queue's undated phase filters on all open statuses; a partial index is used only when its predicate is
-- implied by the query's, so it must name the same open statuses (V9's named only ASSIGNED and IN_PROGRESS,
-- and the benchmark's "page after the last deadline" fell back to scanning the centre: 5.6 s).
drop index aid_application_open_undated_idx;
drop index aid_application_open_undated_all_idx;
create index aid_application_open_undated_idx on aid_application (centre_id, id)
    where current_due_at is null and status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED',
                                                 'ASSIGNED', 'IN_PROGRESS', 'OBJECTION_FILED');
create index aid_application_open_undated_all_idx on aid_application (id)
    where current_due_at is null and status in ('SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED',
                                                 'ASSIGNED', 'IN_PROGRESS', 'OBJECTION_FILED');
