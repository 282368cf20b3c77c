-- The embedded Nostr relay's events (NIP-01), and their single-letter tags for #<tag> filters.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE nostr_event (
    id         VARCHAR(64)     NOT NULL PRIMARY KEY,
    pubkey     VARCHAR(64)     NOT NULL,
    created_at BIGINT          NOT NULL,
    kind       INTEGER         NOT NULL,
    -- The d tag of an addressable event (30000-39999), '' for other kinds.
    d_tag      VARCHAR(512)    NOT NULL,
    -- NIP-40: unix seconds after which the event is no longer served, or null.
    expires_at BIGINT,
    -- The event as received, served as is.
    raw        VARCHAR(262144) NOT NULL
);
CREATE INDEX nostr_event_time_idx ON nostr_event (created_at, id);
CREATE INDEX nostr_event_author_idx ON nostr_event (pubkey, kind, d_tag, created_at);
CREATE INDEX nostr_event_kind_idx ON nostr_event (kind, created_at);

CREATE TABLE nostr_tag (
    event_id   VARCHAR(64)  NOT NULL REFERENCES nostr_event (id) ON DELETE CASCADE,
    name       CHAR(1)      NOT NULL,
    tag_value  VARCHAR(512) NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (event_id, name, tag_value)
);
CREATE INDEX nostr_tag_value_idx ON nostr_tag (name, tag_value, created_at);

-- NIP-09: an author deleted these events (by id, or every version of an address up to a time);
-- events that match are refused when they come again.
CREATE TABLE nostr_deletion (
    pubkey     VARCHAR(64)  NOT NULL,
    target     VARCHAR(600) NOT NULL,
    deleted_at BIGINT       NOT NULL,
    PRIMARY KEY (pubkey, target)
);
