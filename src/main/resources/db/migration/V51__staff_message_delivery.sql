-- Whether a staff message reached a patient on a messaging channel: null when nothing is pushed (the website's
-- widget fetches it), else 'sending', 'sent', 'failed' or 'not_sent' (the patient opted out, or the channel is off),
-- with a short reason for the last two that never quotes the message.
alter table turn add column delivery varchar(16);
alter table turn add column delivery_detail varchar(300);
