-- A VM request may wait for capacity: it stays REQUESTED until this instant, then fails.
ALTER TABLE vm ADD COLUMN wait_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX vm_state_wait_idx ON vm (state, wait_until);
