-- Streamed uploads (issue 14): a file stored chunk by chunk as it arrives, each chunk sealed on its own (AES-GCM,
-- bound to the object and the chunk's number), so an import file is never held whole in memory, neither when it is
-- uploaded nor when the job reads it back. A chunked object keeps an empty content and its chunk count; objects
-- stored whole (documents, photos) are unchanged (chunk_count null).
alter table stored_object add column chunk_count integer;

create table stored_object_chunk (
    object_key uuid        not null references stored_object (object_key) on delete cascade,
    seq        integer     not null check (seq >= 0),
    key_id     varchar(32) not null,
    content    bytea       not null,
    primary key (object_key, seq)
);
