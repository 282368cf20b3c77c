-- Attestations of nodes (Nostr kind 10033, docs/nip-compute.md): the newest accepted one per node,
-- signed by the node's own key or by an attester the marketplace trusts. The event itself stays on
-- the relay; only what reputation and the node's page need is kept here, with the quote's hash.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE node_attestation (
    node_id      VARCHAR(64)              NOT NULL PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    event_id     CHAR(64)                 NOT NULL,
    author       CHAR(64)                 NOT NULL,
    by_node      BOOLEAN                  NOT NULL,
    tee          VARCHAR(16)              NOT NULL,
    measurement  VARCHAR(256)             NOT NULL,
    quote_sha256 CHAR(64),
    quote_bytes  INTEGER                  NOT NULL CHECK (quote_bytes >= 0),
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
-- An author's newer attestation replaces its older one (kind 10033 is replaceable per author), and
-- a NIP-09 deletion removes the author's.
CREATE INDEX node_attestation_author_idx ON node_attestation (author);
