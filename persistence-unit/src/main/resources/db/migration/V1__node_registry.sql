-- Node registry, heartbeats and uptime. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
-- Instants are stored as TIMESTAMP WITH TIME ZONE (always written in UTC).

CREATE TABLE node (
    id                     VARCHAR(64)              NOT NULL PRIMARY KEY,
    pubkey                 VARCHAR(64)              NOT NULL,
    machine_id             VARCHAR(128)             NOT NULL,
    region                 VARCHAR(64),
    description            VARCHAR(2000),
    arch                   VARCHAR(32)              NOT NULL,
    cores                  INTEGER                  NOT NULL,
    memory_mib             BIGINT                   NOT NULL,
    disk_gib               BIGINT                   NOT NULL,
    compute_points         BIGINT                   NOT NULL,
    price_per_point_hour   BIGINT                   NOT NULL,
    status                 VARCHAR(16)              NOT NULL,
    registered_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat_at      TIMESTAMP WITH TIME ZONE,
    -- Downtime up to this instant has been written to node_missed_heartbeats (the health monitor's claim).
    downtime_counted_until TIMESTAMP WITH TIME ZONE,
    cpu_percent            DOUBLE PRECISION,
    memory_used_mib        BIGINT,
    disk_used_gib          BIGINT,
    running_vms            INTEGER,
    version                BIGINT                   NOT NULL,
    CONSTRAINT node_machine_key UNIQUE (machine_id, pubkey)
);
CREATE INDEX node_status_heartbeat_idx ON node (status, last_heartbeat_at);
CREATE INDEX node_region_idx ON node (region);
CREATE INDEX node_pubkey_idx ON node (pubkey);

CREATE TABLE node_tag (
    node_id  VARCHAR(64) NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER     NOT NULL,
    tag      VARCHAR(64) NOT NULL,
    PRIMARY KEY (node_id, position)
);
CREATE INDEX node_tag_tag_idx ON node_tag (tag);

CREATE TABLE node_gpu (
    node_id    VARCHAR(64)  NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    model      VARCHAR(128) NOT NULL,
    memory_mib BIGINT       NOT NULL,
    PRIMARY KEY (node_id, position)
);

-- Missed heartbeat intervals per node and UTC day; rows older than the 30-day window are dropped.
CREATE TABLE node_missed_heartbeats (
    node_id VARCHAR(64) NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    utc_day DATE        NOT NULL,
    missed  BIGINT      NOT NULL,
    PRIMARY KEY (node_id, utc_day)
);
CREATE INDEX node_missed_heartbeats_day_idx ON node_missed_heartbeats (utc_day);

-- NIP-98 authorization events already used: a second use of the same event is a replay.
CREATE TABLE used_auth_event (
    event_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_auth_event_expiry_idx ON used_auth_event (expires_at);
