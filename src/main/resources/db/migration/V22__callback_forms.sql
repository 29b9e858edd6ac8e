-- A callback request being asked for on a messaging channel, one step at a time (name, phone, preferred time, reason,
-- consent): one row per (channel, sender) while the exchange is under way, so it survives restarts and any instance
-- can take the next message. Deleted when the request is stored, cancelled, abandoned or interrupted by an emergency.
create table callback_form (
    channel         varchar(16)              not null,
    sender          varchar(200)             not null,
    form_id         varchar(36)              not null,
    conversation_id varchar(36)              not null references conversation (id) on delete cascade,
    step            varchar(16)              not null,
    name            varchar(200),
    phone           varchar(40),
    preferred_time  varchar(16),
    reason          varchar(1000),
    started_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (channel, sender)
);
