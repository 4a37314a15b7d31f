-- 文书字号: each organisation's prefix per kind of document (鹤司调, 鹤法援决 …), a yearly sequence per prefix kept
-- here so that replicas never hand out the same number, and the number each document got the first time it was
-- printed (stable on re-print).

create table doc_prefix (
    organisation_id uuid        not null references organisation (id),
    kind            varchar(30) not null,
    prefix          varchar(20) not null,
    updated_at      timestamptz not null,
    primary key (organisation_id, kind)
);

create table doc_sequence (
    organisation_id uuid        not null references organisation (id),
    prefix          varchar(20) not null,
    year            int         not null,
    last_value      int         not null,
    primary key (organisation_id, prefix, year)
);

create table doc_number (
    kind            varchar(30) not null,
    subject_id      uuid        not null,
    organisation_id uuid        not null references organisation (id),
    prefix          varchar(20) not null,
    year            int         not null,
    seq             int         not null,
    number          varchar(60) not null,
    issued_at       timestamptz not null,
    primary key (kind, subject_id),
    unique (organisation_id, prefix, year, seq)
);
