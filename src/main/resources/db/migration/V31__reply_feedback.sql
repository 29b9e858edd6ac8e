-- A patient's thumbs up or down on one reply (a turn), with an optional comment: one rating per reply, the latest
-- wins. Gone with the reply and with its conversation.
create table reply_feedback (
    turn_id         bigint                   not null primary key references turn (id) on delete cascade,
    conversation_id varchar(36)              not null references conversation (id) on delete cascade,
    rating          varchar(8)               not null,
    comment         varchar(1000),
    rated_at        timestamp with time zone not null,
    constraint reply_feedback_rating_ck check (rating in ('up', 'down'))
);

create index reply_feedback_conversation_idx on reply_feedback (conversation_id);
create index reply_feedback_rated_idx on reply_feedback (rated_at);
