-- Money: a double-entry ledger, leases that lock a VM's price, one charge row per lease and
-- billing period, node outages (not charged), and notices to accounts. Amounts are BIGINT counts
-- of the settlement asset's smallest unit. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- A movement is one ledger transaction; its idempotency key makes posting it twice impossible.
CREATE TABLE ledger_movement (
    idempotency_key VARCHAR(200)             NOT NULL PRIMARY KEY,
    movement_type   VARCHAR(32)              NOT NULL,
    reference       VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_movement_time_idx ON ledger_movement (created_at);

-- The entries of a movement sum to zero.
CREATE TABLE ledger_entry (
    movement_key VARCHAR(200)             NOT NULL REFERENCES ledger_movement (idempotency_key),
    seq          SMALLINT                 NOT NULL,
    account_type VARCHAR(32)              NOT NULL,
    owner        VARCHAR(80)              NOT NULL,
    amount       BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (movement_key, seq)
);
CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_type, owner, created_at);

-- Each account's balance, the sum of its entries, kept with them in the same transaction; its
-- row is the lock that serialises movements of one account.
CREATE TABLE ledger_balance (
    account_type VARCHAR(32) NOT NULL,
    owner        VARCHAR(80) NOT NULL,
    balance      BIGINT      NOT NULL,
    PRIMARY KEY (account_type, owner)
);

-- A VM's lease: the price locked when it was placed, who pays and who earns, and how far it is
-- held (paid in advance) and settled.
CREATE TABLE lease (
    vm_id             VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES vm (id),
    tenant_account_id VARCHAR(36)              NOT NULL,
    node_id           VARCHAR(64)              NOT NULL,
    earner            VARCHAR(80)              NOT NULL,
    price_per_hour    BIGINT                   NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    held_until        TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX lease_due_idx ON lease (closed_at, held_until);
CREATE INDEX lease_tenant_idx ON lease (tenant_account_id, closed_at);

-- One row per lease and period: the amount held in advance, then what was charged. The primary
-- key is the exactly-once guarantee of billing.
CREATE TABLE lease_charge (
    vm_id             VARCHAR(36)              NOT NULL REFERENCES lease (vm_id),
    period_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    period_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_account_id VARCHAR(36)              NOT NULL,
    node_id           VARCHAR(64)              NOT NULL,
    earner            VARCHAR(80)              NOT NULL,
    held              BIGINT                   NOT NULL,
    billed_seconds    BIGINT,
    charged           BIGINT,
    fee               BIGINT,
    settled_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (vm_id, period_start)
);
CREATE INDEX lease_charge_open_idx ON lease_charge (settled_at, period_end);
CREATE INDEX lease_charge_earner_idx ON lease_charge (earner, period_start);

-- Stretches a node was offline: from its last heartbeat until it came back.
CREATE TABLE node_outage (
    node_id    VARCHAR(64)              NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_id, started_at)
);

-- Notices to an account (low balance, VM suspended): one per kind, raised and cleared.
CREATE TABLE account_notice (
    account_id VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind       VARCHAR(32)              NOT NULL,
    message    VARCHAR(1000)            NOT NULL,
    raised_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, kind)
);

-- A suspended VM keeps its place on the node until it is resumed or its retention ends.
ALTER TABLE vm ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
