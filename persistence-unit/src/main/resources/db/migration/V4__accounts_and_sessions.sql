-- Accounts with the keys that prove them, sign-in nonces, sessions; VMs belong to accounts and
-- may be shared with member accounts. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE account (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    display_name VARCHAR(64),
    contact      VARCHAR(256),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL
);

-- A key (Nostr x-only public key, or Ethereum address) belongs to at most one account.
-- Values are lowercase hex; Ethereum addresses keep their 0x prefix.
CREATE TABLE account_key (
    kind       VARCHAR(16)              NOT NULL,
    key_value  VARCHAR(66)              NOT NULL,
    account_id VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, key_value)
);
CREATE INDEX account_key_account_idx ON account_key (account_id);

-- Single-use sign-in nonces (SIWE nonces, Nostr challenges); using one deletes it.
CREATE TABLE sign_in_nonce (
    nonce      VARCHAR(64)              NOT NULL PRIMARY KEY,
    purpose    VARCHAR(16)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_nonce_expiry_idx ON sign_in_nonce (expires_at);

-- Sessions, found by the SHA-256 of their token (the token itself is never stored).
CREATE TABLE auth_session (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY,
    token_hash   VARCHAR(64)              NOT NULL UNIQUE,
    account_id   VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    method       VARCHAR(16)              NOT NULL,
    user_agent   VARCHAR(256),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_session_account_idx ON auth_session (account_id, created_at);
CREATE INDEX auth_session_expiry_idx ON auth_session (expires_at);

-- Issue 3 tied each VM to the bare Nostr key that created it: every such key becomes an account
-- (its id is the key's first 128 bits in UUID form, so this step needs no UUID function).
INSERT INTO account (id, created_at, version)
SELECT SUBSTRING(o.owner_pubkey FROM 1 FOR 8) || '-' || SUBSTRING(o.owner_pubkey FROM 9 FOR 4) || '-'
       || SUBSTRING(o.owner_pubkey FROM 13 FOR 4) || '-' || SUBSTRING(o.owner_pubkey FROM 17 FOR 4) || '-'
       || SUBSTRING(o.owner_pubkey FROM 21 FOR 12),
       o.first_at, 0
FROM (SELECT owner_pubkey, MIN(created_at) AS first_at FROM vm GROUP BY owner_pubkey) o;

INSERT INTO account_key (kind, key_value, account_id, added_at)
SELECT 'NOSTR', o.owner_pubkey,
       SUBSTRING(o.owner_pubkey FROM 1 FOR 8) || '-' || SUBSTRING(o.owner_pubkey FROM 9 FOR 4) || '-'
       || SUBSTRING(o.owner_pubkey FROM 13 FOR 4) || '-' || SUBSTRING(o.owner_pubkey FROM 17 FOR 4) || '-'
       || SUBSTRING(o.owner_pubkey FROM 21 FOR 12),
       o.first_at
FROM (SELECT owner_pubkey, MIN(created_at) AS first_at FROM vm GROUP BY owner_pubkey) o;

ALTER TABLE vm ADD COLUMN owner_account_id VARCHAR(36) REFERENCES account (id);
UPDATE vm SET owner_account_id =
    (SELECT k.account_id FROM account_key k WHERE k.kind = 'NOSTR' AND k.key_value = vm.owner_pubkey);
ALTER TABLE vm ALTER COLUMN owner_account_id SET NOT NULL;
DROP INDEX vm_owner_idx;
ALTER TABLE vm DROP COLUMN owner_pubkey;
CREATE INDEX vm_owner_idx ON vm (owner_account_id, created_at);

-- Accounts the owner shares a VM with: they may view it and open terminals, nothing more.
CREATE TABLE vm_member (
    vm_id      VARCHAR(36)              NOT NULL REFERENCES vm (id) ON DELETE CASCADE,
    account_id VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (vm_id, account_id)
);
CREATE INDEX vm_member_account_idx ON vm_member (account_id);

-- Terminals opened with a session end when that session does.
ALTER TABLE terminal_ticket ADD COLUMN account_id VARCHAR(36);
ALTER TABLE terminal_ticket ADD COLUMN session_id VARCHAR(36);
