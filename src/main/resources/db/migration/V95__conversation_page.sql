-- The web page a conversation was started on (origin and path, no query string): staff see where a patient asked.
alter table conversation add column page varchar(500);
