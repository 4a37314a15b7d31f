-- Issue 13, legal aid entered by staff: 通知辩护/通知代理 registered by an AID_OFFICER from the notice of a court,
-- procuratorate or public-security organ (Art. 25, 28, 36: no means test, a lawyer within 3 days of receipt).
-- Also walk-in applications entered at the 窗口 by an AID_OFFICER on the applicant's behalf (identity checked at the
-- counter), with the same materials and rules as the app.
-- The person aided has no account here: their name, sex, ID number and address are sealed in person_cipher.

alter table aid_application alter column applicant_id drop not null;
alter table aid_application add column intake varchar(8) not null default 'APP'
    check (intake in ('APP', 'NOTICE', 'WINDOW'));
alter table aid_application add column notice_kind varchar(16)
    check (notice_kind in ('DEFENCE', 'REPRESENTATION'));
alter table aid_application add column notice_body_kind varchar(16)
    check (notice_body_kind in ('COURT', 'PROCURATORATE', 'PUBLIC_SECURITY'));
alter table aid_application add column notice_body_name varchar(100);
alter table aid_application add column notice_document_number varchar(64);
alter table aid_application add column notice_received_on date;
alter table aid_application add column person_cipher text;
alter table aid_application add column entered_by uuid references account (id);
alter table aid_application add constraint aid_application_notice_complete check (
    (intake = 'NOTICE') = (notice_kind is not null and notice_body_kind is not null and notice_body_name is not null
                           and notice_document_number is not null and notice_received_on is not null
                           and person_cipher is not null and entered_by is not null));
alter table aid_application add constraint aid_application_has_applicant
    check ((intake = 'APP') = (applicant_id is not null)
           and (intake = 'APP' or (person_cipher is not null and entered_by is not null)));
-- one case per notice: the same document of the same body registered twice is refused
create unique index aid_application_notice_idx on aid_application (centre_id, notice_body_name, notice_document_number)
    where intake = 'NOTICE';
