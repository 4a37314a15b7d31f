-- Issue 14 (history): concluded mediation cases imported from a 人民调解案件台账. Their agreement (oral or written)
-- took effect months ago and is kept on paper in the committee's files: the record says which form it had and when
-- it took effect, without the texts or the scanned copy a case handled here has.
alter table med_agreement add column historical boolean not null default false;
alter table med_agreement drop constraint med_agreement_form_complete;
alter table med_agreement add constraint med_agreement_form_complete check (
    (form = 'ORAL' and oral_content_cipher is not null and agreed_by is not null)
    or (form = 'PAPER' and scan_evidence_id is not null and terms_cipher is not null)
    or (form = 'ONLINE' and terms_cipher is not null)
    or (historical and form in ('ORAL', 'PAPER') and effective_at is not null));
