-- The ledger's append-only trigger reused the audit log's function, so a stray update of a ledger event said
-- "audit_log is append-only". The ledger gets its own function and message (corrections are negative twins).
create function ledger_event_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'ledger_event is append-only: correct an event with a new event that reverses it';
end;
$$;
drop trigger ledger_event_no_update on ledger_event;
create trigger ledger_event_no_update before update or delete on ledger_event
    for each row execute function ledger_event_append_only();
