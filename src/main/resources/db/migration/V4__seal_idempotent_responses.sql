-- Stored create responses can carry personal data (an application's narrative and finances): they are
-- sealed like other personal data; key_id names the key.
alter table idempotency_record add column key_id varchar(32);
