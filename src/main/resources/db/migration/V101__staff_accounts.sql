-- Staff accounts a practice's admin (or, for a new practice, the operator) creates, besides those in settings.
create table staff_account (
    username      varchar(100)             not null primary key,
    practice_id   varchar(40)              not null,
    role          varchar(16)              not null,
    password_hash varchar(100)             not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(200)             not null,
    disabled_at   timestamp with time zone,
    disabled_by   varchar(200)
);
create index staff_account_practice_idx on staff_account (practice_id);
