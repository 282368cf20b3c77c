-- Reviews of nodes by their tenants: one per VM, by its owner, once the VM has ended there.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE node_review (
    vm_id             VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES vm (id) ON DELETE CASCADE,
    node_id           VARCHAR(64)              NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    author_account_id VARCHAR(36)              NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    rating            INTEGER                  NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment           VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX node_review_node_idx ON node_review (node_id, created_at);
