-- 诉前委派调解 / 委托调解: cases a court refers to a committee, and the result returned to it.
alter table med_dispute add column court_id uuid references organisation (id);
alter table med_dispute add column court_case_number varchar(64);
alter table med_dispute add column referral_type varchar(24)
    check (referral_type in ('DELEGATED', 'ENTRUSTED_ORDINARY', 'ENTRUSTED_SIMPLIFIED'));
alter table med_dispute add column returned_to_court_at timestamptz;
alter table med_dispute add column court_result_note varchar(1000);
alter table med_dispute add constraint med_dispute_referral_complete
    check ((origin = 'COURT_REFERRED') = (court_id is not null and referral_type is not null and court_case_number is not null));
create unique index med_dispute_court_case_idx on med_dispute (court_id, court_case_number) where court_id is not null;
