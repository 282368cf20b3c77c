-- On-chain settlement: the block cursors of the deposit scanner, the deposits seen (credited to
-- the account whose linked wallet sent them, or unclaimed), operators' payout addresses, and
-- payouts with their nonce, hash and signed transaction. Portable between H2 (MODE=PostgreSQL)
-- and PostgreSQL.

-- A named cursor ('deposits': the last block scanned) or lock ('payouts'); its row is locked
-- FOR UPDATE by whoever works on it, so two servers never scan or pay at once.
CREATE TABLE chain_cursor (
    name       VARCHAR(16)              NOT NULL PRIMARY KEY,
    last_block BIGINT                   NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every transfer of the token to the platform address, once per (transaction, log index).
CREATE TABLE chain_deposit (
    tx_hash      VARCHAR(66)              NOT NULL,
    log_index    INTEGER                  NOT NULL,
    block_number BIGINT                   NOT NULL,
    from_address VARCHAR(42)              NOT NULL,
    amount       BIGINT                   NOT NULL,
    account_id   VARCHAR(36),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX chain_deposit_unclaimed_idx ON chain_deposit (account_id, recorded_at);

-- An operator's payout address, when not its linked Ethereum wallet.
CREATE TABLE payout_address (
    account_id VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    address    VARCHAR(42)              NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A payout: PENDING (earnings moved to paying), SUBMITTED (signed; nonce, hash and raw
-- transaction stored before it is broadcast), CONFIRMED or FAILED (earnings returned).
CREATE TABLE payout (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    account_id VARCHAR(36)              NOT NULL,
    amount     BIGINT                   NOT NULL,
    address    VARCHAR(42)              NOT NULL,
    state      VARCHAR(16)              NOT NULL,
    nonce      BIGINT UNIQUE,
    tx_hash    VARCHAR(66) UNIQUE,
    raw_tx     VARCHAR(4000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payout_state_idx ON payout (state);
CREATE INDEX payout_account_idx ON payout (account_id, created_at);
