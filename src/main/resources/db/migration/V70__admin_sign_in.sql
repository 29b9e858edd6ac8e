-- Failed admin sign-ins, shared by every instance: one row per configured admin account ('account:<name>'; names
-- that are no account share 'account:?') and one per client address ('address:<address or IPv6 /64>'). A key in its
-- back-off or lock window is refused until blocked_until. locked_at is when the key was last locked: kept after a
-- successful sign-in, so staff see it. Address rows are forgotten a day after their last failure (Instances heartbeat).
create table admin_sign_in (
    throttle_key    varchar(120)             not null primary key,
    failures        int                      not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone,
    locked_at       timestamp with time zone
);

create index admin_sign_in_last_failure_idx on admin_sign_in (last_failure_at);
