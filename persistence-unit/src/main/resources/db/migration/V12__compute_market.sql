-- The compute market over Nostr (docs/nip-compute.md): the marketplace's own signing key, and each
-- job request (kind 5900): the bid accepted, the VM it started and the last status published for
-- it. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE nostr_identity (
    name       VARCHAR(32)              NOT NULL PRIMARY KEY,
    secret_key CHAR(64)                 NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE compute_job (
    request_id      CHAR(64)                 NOT NULL PRIMARY KEY,
    tenant_pubkey   CHAR(64)                 NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_bid    CHAR(64),
    vm_id           VARCHAR(36) REFERENCES vm (id) ON DELETE SET NULL,
    published_state VARCHAR(16)
);
-- The status publisher's scan: jobs with a VM whose state was not published yet.
CREATE INDEX compute_job_vm_idx ON compute_job (vm_id);
