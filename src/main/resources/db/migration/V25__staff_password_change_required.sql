-- A staff password set by someone else (the start-up bootstrap of the first system administrator) must be
-- replaced by its owner before the account can sign in.
alter table staff_credential add column password_change_required boolean not null default false;
