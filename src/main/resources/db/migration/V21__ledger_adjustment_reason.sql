-- 补录原因: an event dated inside a closed period is accepted only with the reason the client gave for it
alter table ledger_event add column adjustment_reason varchar(500);
