-- A relay filter on authors alone ({"authors":[...],"limit":n}, the most common REQ) is served
-- newest first; nostr_event_author_idx leads with (pubkey, kind, d_tag), which cannot give that
-- order without a kind, so the database scanned every event by time and filtered. This index
-- reads an author's events newest first.
CREATE INDEX nostr_event_pubkey_time_idx ON nostr_event (pubkey, created_at);
