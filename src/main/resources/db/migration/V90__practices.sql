-- Several practices on one deployment: every row belongs to one practice. What was stored before belongs to the
-- default practice ('default', the one set by frontdesk.practice.* and frontdesk.knowledge.dir).

alter table conversation add column practice_id varchar(40) default 'default' not null;
create index conversation_practice_idx on conversation (practice_id, updated_at);

alter table turn add column practice_id varchar(40) default 'default' not null;
create index turn_practice_idx on turn (practice_id, created_at);

alter table callback_request add column practice_id varchar(40) default 'default' not null;
create index callback_request_practice_idx on callback_request (practice_id, status, created_at);

alter table practice_notice add column practice_id varchar(40) default 'default' not null;
alter table notice_delivery add column practice_id varchar(40) default 'default' not null;

alter table reply_feedback add column practice_id varchar(40) default 'default' not null;
create index reply_feedback_practice_idx on reply_feedback (practice_id, rated_at);

alter table audit_event add column practice_id varchar(40) default 'default' not null;
create index audit_event_practice_idx on audit_event (practice_id, at);

alter table admin_sign_in add column practice_id varchar(40) default 'default' not null;

-- A message id is unique within one practice's account on a platform (two Telegram bots number their updates alike).
alter table channel_message add column practice_id varchar(40) default 'default' not null;
alter table channel_message drop constraint channel_message_platform_id_uq;
alter table channel_message add constraint channel_message_platform_id_uq
    unique (practice_id, channel, platform_message_id);

-- The same person may write to two practices' numbers: a contact and a callback form in progress are per practice.
create table channel_contact_by_practice (
    practice_id     varchar(40)              default 'default' not null,
    channel         varchar(16)              not null,
    sender          varchar(200)             not null,
    conversation_id varchar(36)              references conversation (id) on delete set null,
    opted_out_at    timestamp with time zone,
    updated_at      timestamp with time zone not null,
    primary key (practice_id, channel, sender)
);
insert into channel_contact_by_practice (practice_id, channel, sender, conversation_id, opted_out_at, updated_at)
    select 'default', channel, sender, conversation_id, opted_out_at, updated_at from channel_contact;
drop table channel_contact;
alter table channel_contact_by_practice rename to channel_contact;

create table callback_form_by_practice (
    practice_id     varchar(40)              default 'default' not null,
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
    primary key (practice_id, channel, sender)
);
insert into callback_form_by_practice (practice_id, channel, sender, form_id, conversation_id, step, name, phone,
        preferred_time, reason, started_at, updated_at)
    select 'default', channel, sender, form_id, conversation_id, step, name, phone, preferred_time, reason, started_at,
        updated_at from callback_form;
drop table callback_form;
alter table callback_form_by_practice rename to callback_form;

-- A knowledge change asked for on one instance reaches every instance: one row per practice.
create table knowledge_reindex_by_practice (
    practice_id  varchar(40)              not null primary key,
    requested_at timestamp with time zone not null
);
insert into knowledge_reindex_by_practice (practice_id, requested_at)
    select 'default', requested_at from knowledge_reindex where id = 1;
drop table knowledge_reindex;
alter table knowledge_reindex_by_practice rename to knowledge_reindex;
