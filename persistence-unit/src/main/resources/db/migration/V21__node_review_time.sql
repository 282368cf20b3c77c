-- A starting server republishes the reviews of the last hour that never reached the relay
-- (ReviewEvents): they are read by the time they were made.
CREATE INDEX node_review_created_idx ON node_review (created_at);
