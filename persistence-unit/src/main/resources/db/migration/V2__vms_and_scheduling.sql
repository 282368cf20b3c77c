-- Provider policy, allocated capacity and counters per node; VMs with their state history;
-- one-time terminal tickets.

ALTER TABLE node ADD COLUMN policy_tiers VARCHAR(128) DEFAULT 'GUARANTEED,STANDARD,BALANCED,BURSTABLE' NOT NULL;
ALTER TABLE node ADD COLUMN policy_runtimes VARCHAR(128) DEFAULT 'sandbox' NOT NULL;
-- Newline-separated globs.
ALTER TABLE node ADD COLUMN policy_command_patterns VARCHAR(4000) DEFAULT '*' NOT NULL;
ALTER TABLE node ADD COLUMN policy_max_vms INTEGER DEFAULT 32 NOT NULL;
ALTER TABLE node ADD COLUMN policy_outbound_network BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE node ADD COLUMN reserved_cores INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN reserved_memory_mib BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN reserved_disk_gib BIGINT DEFAULT 0 NOT NULL;
-- Capacity held by the node's live VMs; never more than the node offers.
ALTER TABLE node ADD COLUMN allocated_core_shares BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN allocated_memory_mib BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN allocated_disk_gib BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN allocated_gpus INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN allocated_vms INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN total_vms_hosted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN successful_completions BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE vm (
    id                  VARCHAR(36)              NOT NULL PRIMARY KEY,
    owner_pubkey        VARCHAR(64)              NOT NULL,
    name                VARCHAR(64)              NOT NULL,
    vcpus               INTEGER                  NOT NULL,
    memory_mib          BIGINT                   NOT NULL,
    disk_gib            BIGINT                   NOT NULL,
    gpus                INTEGER                  NOT NULL,
    tier                VARCHAR(16)              NOT NULL,
    runtime             VARCHAR(32)              NOT NULL,
    command             VARCHAR(4000)            NOT NULL,
    -- JSON object of environment variables.
    env                 VARCHAR(16000)           NOT NULL,
    outbound_network    BOOLEAN                  NOT NULL,
    region_wish         VARCHAR(64),
    -- Newline-separated tags the node must all have.
    tags_wish           VARCHAR(2000)            NOT NULL,
    target_node_id      VARCHAR(64),
    max_price_per_hour  BIGINT,
    duration_minutes    INTEGER,
    node_id             VARCHAR(64) REFERENCES node (id),
    price_per_hour      BIGINT,
    -- Capacity this VM holds on its node while it is live.
    core_shares         BIGINT                   NOT NULL,
    state               VARCHAR(16)              NOT NULL,
    state_reason        VARCHAR(1000),
    exit_code           INTEGER,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    expires_at          TIMESTAMP WITH TIME ZONE,
    version             BIGINT                   NOT NULL
);
CREATE INDEX vm_owner_idx ON vm (owner_pubkey, created_at);
CREATE INDEX vm_node_state_idx ON vm (node_id, state);
CREATE INDEX vm_state_expiry_idx ON vm (state, expires_at);

CREATE TABLE vm_transition (
    vm_id      VARCHAR(36)              NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    seq        INTEGER                  NOT NULL,
    from_state VARCHAR(16),
    to_state   VARCHAR(16)              NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    cause      VARCHAR(1000)            NOT NULL,
    PRIMARY KEY (vm_id, seq)
);

CREATE TABLE terminal_ticket (
    ticket_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    vm_id       VARCHAR(36)              NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
