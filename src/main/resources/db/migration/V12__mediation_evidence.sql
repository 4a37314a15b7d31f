-- 证据材料 of a dispute (images, PDF), sealed in the object storage like legal-aid materials.
create table med_evidence (
    id           uuid primary key,
    dispute_id   uuid         not null references med_dispute (id),
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    object_key   uuid         not null references stored_object (object_key),
    uploaded_by  uuid         not null references account (id),
    uploaded_at  timestamptz  not null
);
create index med_evidence_dispute_idx on med_evidence (dispute_id, uploaded_at);
