-- How sure retrieval was that the knowledge answers a turn's question, from 0 to 1, for replies drawn from the
-- practice's knowledge (answers, and 'not_covered' when the knowledge had nothing); null for replies that did not
-- look there (emergencies, greetings, booking, ...). Lets the practice see what was answered on thin ground.
alter table turn add column confidence double precision;

create index turn_created_idx on turn (created_at);
create index conversation_created_idx on conversation (created_at);
