-- A REQ is served newest first, ties by lowest id (NIP-01): ORDER BY created_at DESC, id. The
-- indexes of V11 ran (created_at, id) the same way, so the database could walk them backwards by
-- time but then had to read and sort every event of the oldest second it reached for the id
-- tie-break (under load, a thousand events share a second). Indexes in exactly that order let a
-- filter with a limit read only the rows it returns. Filters on authors alone, the most common
-- REQ, get an index of their own: the author index leads with (pubkey, kind, d_tag), which
-- cannot give time order without a kind.
DROP INDEX nostr_event_time_idx;
CREATE INDEX nostr_event_time_idx ON nostr_event (created_at DESC, id);
DROP INDEX nostr_event_kind_idx;
CREATE INDEX nostr_event_kind_idx ON nostr_event (kind, created_at DESC, id);
CREATE INDEX nostr_event_pubkey_time_idx ON nostr_event (pubkey, created_at DESC, id);
DROP INDEX nostr_tag_value_idx;
CREATE INDEX nostr_tag_value_idx ON nostr_tag (name, tag_value, created_at DESC, event_id);
