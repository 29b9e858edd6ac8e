-- Callback requests (lead capture): a patient asks to be called back. Stored before the patient is told it was
-- received; the explicit consent to be contacted is kept with its time and the exact wording shown.
create table callback_request (
    id               varchar(36)              not null primary key,
    conversation_id  varchar(36)              references conversation (id) on delete set null,
    channel          varchar(32)              not null,
    name             varchar(200)             not null,
    phone            varchar(40)              not null,
    email            varchar(320),
    preferred_time   varchar(16)              not null,
    reason           varchar(1000),
    consent_text     varchar(1000)            not null,
    consent_at       timestamp with time zone not null,
    idempotency_key  varchar(200)             not null,
    status           varchar(16)              not null,
    created_at       timestamp with time zone not null,
    done_at          timestamp with time zone,
    constraint callback_request_idempotency_uq unique (idempotency_key)
);

create index callback_request_status_idx on callback_request (status, created_at);
create index callback_request_conversation_idx on callback_request (conversation_id);
