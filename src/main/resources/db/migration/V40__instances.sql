-- Several Frontdesk instances share one database. Each running instance has a row it refreshes (heartbeat); a
-- messaging message being processed records which instance claimed it and when, so that only the claims of an
-- instance that stopped refreshing its row are handed to another. Messages of one sender are processed in order
-- across instances (index below). Portable SQL: runs on the embedded H2 default and on PostgreSQL.
create table app_instance (
    id           varchar(36)              not null primary key,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

alter table channel_message add column claimed_by varchar(36);
alter table channel_message add column claimed_at timestamp with time zone;

create index channel_message_sender_idx on channel_message (channel, sender, id);

-- When the admin last asked for the knowledge to be re-read: every instance re-indexes when it sees a newer time.
create table knowledge_reindex (
    id           int                      not null primary key,
    requested_at timestamp with time zone not null
);
