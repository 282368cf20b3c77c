-- Billing writes a ledger movement and its entries for every lease and period (two hundred
-- thousand movements and up to eight hundred thousand entries per cycle at 100,000 leases), so each
-- row's cost counts. Measured on PostgreSQL 15 (200,000 entries in one statement), the foreign key
-- from an entry to its movement made each entry insert about 1.4 times as expensive: every row
-- runs a trigger that looks up and share-locks its movement. Entries and their movement are written
-- together, in one transaction, by one store (JdbcLedgerStore.write), and the entry's primary key
-- starts with its movement's key; the billing bench checks that every entry has its movement. The
-- key is kept, the trigger is not. The table is rebuilt because the constraint has no portable
-- name (H2 and PostgreSQL name it differently).
CREATE TABLE ledger_entry_new (
    movement_key VARCHAR(200)             NOT NULL,
    seq          SMALLINT                 NOT NULL,
    account_type VARCHAR(32)              NOT NULL,
    owner        VARCHAR(80)              NOT NULL,
    amount       BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (movement_key, seq)
);
INSERT INTO ledger_entry_new (movement_key, seq, account_type, owner, amount, created_at)
    SELECT movement_key, seq, account_type, owner, amount, created_at FROM ledger_entry;
DROP TABLE ledger_entry;
ALTER TABLE ledger_entry_new RENAME TO ledger_entry;
CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_type, owner, created_at);

-- Nothing reads movements by time (the ledger export reads entries by account and time).
DROP INDEX ledger_movement_time_idx;
