-- Who answers a conversation: the assistant ('bot'), nobody yet because the patient asked for a person
-- ('waiting_for_staff'), the practice's staff ('staff'), or nobody any more ('closed').
alter table conversation add column owner varchar(24) default 'bot' not null;
alter table conversation add column owner_changed_at timestamp with time zone;

create index conversation_owner_idx on conversation (owner, owner_changed_at);
