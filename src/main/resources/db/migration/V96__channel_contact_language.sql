-- The language a messaging contact last wrote in ('en' or 'es'): a message too short to tell ("ok", a name, "2") and
-- the channel's own texts (a picture not read, the callback questions) are in the language the patient writes.
alter table channel_contact add column language varchar(8);
