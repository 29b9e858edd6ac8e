-- Who wrote a turn's reply: the assistant ('assistant'), the practice's staff ('staff': the patient's side is empty),
-- or nobody yet ('pending': the patient wrote while staff own the conversation, so the assistant stayed quiet).
alter table turn add column author varchar(16) default 'assistant' not null;
