-- Node operators. A node's registration names its operator's key (Nostr hex public key or
-- lower-case Ethereum address); the node belongs to the operator's account only once that account
-- has claimed it. Once the operator edits the node's listing (region, tags, description, price),
-- the agent's later registrations no longer change those fields.
ALTER TABLE node ADD COLUMN operator_key VARCHAR(66);
ALTER TABLE node ADD COLUMN operator_account_id VARCHAR(36) REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE node ADD COLUMN listing_edited_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX node_operator_account_idx ON node (operator_account_id);
