-- Issue 14: the login lock-out per user name and client address, and a throttle per address. Platform data, like
-- the login_throttle table they replace: keyed by user name (unique across tenants) and not by tenant, because the
-- name is what tells the tenant and a name that does not exist must be counted the same way.

-- Failed logins per pair of user name (also one that does not exist) and client address. The address is kept only
-- as a keyed hash (per IPv4 address, per /64 for IPv6). Times are epoch milliseconds of the wall clock.
CREATE TABLE login_pair_throttle (
    username      VARCHAR(100) NOT NULL,
    address_hash  CHAR(64)     NOT NULL,
    -- failures counted in the window that started at window_start (reset by a success and when a lock ends)
    failures      INT          NOT NULL,
    window_start  BIGINT       NOT NULL,
    last_failure  BIGINT       NOT NULL,
    -- the end of the pair's last lock (in the past once it has run out), and how many locks in a row it had
    locked_until  BIGINT       NULL,
    lockouts      INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_login_pair_throttle PRIMARY KEY (username, address_hash)
);
CREATE INDEX ix_login_pair_throttle_last ON login_pair_throttle (last_failure);

-- Failed logins per client address, whatever the name, in a window that started at window_start.
CREATE TABLE login_address_throttle (
    address_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    failures      INT          NOT NULL,
    window_start  BIGINT       NOT NULL
);
CREATE INDEX ix_login_address_throttle_start ON login_address_throttle (window_start);

-- The lock per name alone let anyone lock anyone out; its counts are not carried over (at worst a pair may try
-- five more times).
DROP TABLE login_throttle;
