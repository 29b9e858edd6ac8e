-- Practices the deployment's operator creates at run time (POST /api/admin/practices), besides those in settings:
-- their profile as frontdesk.practice.* has it, their knowledge folder on the server and their allowed origins.
-- Every instance reads the new rows at its heartbeat. Channel credentials stay in settings (they are secrets).
create table practice (
    id                    varchar(40)              not null primary key,
    name                  varchar(200)             not null,
    phone                 varchar(40)              not null,
    booking_url           varchar(500)             not null,
    website               varchar(500)             not null,
    address               varchar(300)             not null,
    opening_hours         varchar(300),
    emergency_number      varchar(40)              not null,
    crisis_line           varchar(40)              not null,
    -- one day a line: monday=08:00-12:00,13:00-17:00
    hours                 varchar(1000)            not null,
    time_zone             varchar(60)              not null,
    same_day_appointments boolean                  not null,
    -- ISO-8601, PT2H
    callback_within       varchar(40)              not null,
    -- one date a line: 2026-12-25
    closed_on             varchar(4000)            not null,
    knowledge_dir         varchar(1000)            not null,
    -- one origin a line
    allowed_origins       varchar(4000)            not null,
    created_at            timestamp with time zone not null,
    created_by            varchar(200)             not null,
    updated_at            timestamp with time zone not null
);

