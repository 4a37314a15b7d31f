-- Issue 13, mediation entered by staff: 当事人申请 at the committee (来访/来电), 主动调解, 移送 from another body,
-- with the date the case was actually received; parties entered by the mediator (no WeChat account needed);
-- 口头协议 and paper agreements with a scanned copy; 归档; the route after a rejected 司法确认.

alter table med_dispute drop constraint med_dispute_origin_check;
alter table med_dispute add constraint med_dispute_origin_check
    check (origin in ('APPLIED', 'PROACTIVE', 'TRANSFERRED', 'COURT_REFERRED'));
-- how an APPLIED case reached the committee: the app, a visit (来访) or a call (来电)
alter table med_dispute add column intake_channel varchar(8) not null default 'APP'
    check (intake_channel in ('APP', 'VISIT', 'PHONE'));
-- 移送: who sent the case (派出所, 信访, another department) and their reference
alter table med_dispute add column transferred_by_kind varchar(24)
    check (transferred_by_kind in ('POLICE_STATION', 'PETITION_OFFICE', 'OTHER_DEPARTMENT'));
alter table med_dispute add column transferred_by_name varchar(100);
alter table med_dispute add constraint med_dispute_transfer_complete
    check ((origin = 'TRANSFERRED') = (transferred_by_kind is not null and transferred_by_name is not null));
-- the date the committee actually received the case (staff entries may be recorded later)
alter table med_dispute add column received_on date;
-- the mediator who entered the case (null: submitted by a resident in the app)
alter table med_dispute add column entered_by uuid references account (id);
alter table med_dispute add constraint med_dispute_staff_entry_complete
    check (entered_by is null or received_on is not null);
alter table med_dispute add column archived_at timestamptz;
alter table med_dispute add column archived_by uuid references account (id);

-- parties entered by the mediator: sex, age, ID number (sealed, optional), address (sealed)
alter table med_party add column sex varchar(8) check (sex in ('MALE', 'FEMALE'));
alter table med_party add column age int check (age between 0 and 150);
alter table med_party add column id_number_cipher text;
alter table med_party add column address_cipher text;
-- consent recorded by the mediator for a party without the app (in person or by phone)
alter table med_party add column consent_recorded_by uuid references account (id);

-- 口头协议 (Art. 28) and paper agreements: the online draft's texts become optional
alter table med_agreement add column form varchar(8) not null default 'ONLINE'
    check (form in ('ONLINE', 'ORAL', 'PAPER'));
alter table med_agreement alter column facts_cipher drop not null;
alter table med_agreement alter column responsibilities_cipher drop not null;
alter table med_agreement alter column terms_cipher drop not null;
alter table med_agreement add column oral_content_cipher text;
alter table med_agreement add column agreed_by varchar(500);
alter table med_agreement add column scan_evidence_id uuid references med_evidence (id);
alter table med_agreement add constraint med_agreement_form_complete check (
    (form = 'ORAL' and oral_content_cipher is not null and agreed_by is not null)
    or (form = 'PAPER' and scan_evidence_id is not null and terms_cipher is not null)
    or (form = 'ONLINE' and terms_cipher is not null));

-- after the court rejects a 司法确认: back to mediation, or litigation guidance (人民调解法 Art. 33)
alter table med_judicial_confirmation add column after_rejection varchar(24)
    check (after_rejection in ('RESUME_MEDIATION', 'LITIGATION_GUIDANCE'));
alter table med_judicial_confirmation add column after_rejection_note varchar(1000);
