-- A billing batch takes the leases (and charges) due first, grouped by tenant so that one batch
-- touches few tenants' balances and two servers' batches rarely touch the same ones. These indexes
-- hold that order, so a batch reads only its own rows instead of sorting everything due; queries
-- order by the leading IS NULL column too, which lets PostgreSQL use the index order.
DROP INDEX lease_due_idx;
CREATE INDEX lease_due_idx ON lease (closed_at, held_until, tenant_account_id, vm_id);
DROP INDEX lease_charge_open_idx;
CREATE INDEX lease_charge_open_idx
    ON lease_charge (settled_at, period_end, tenant_account_id, vm_id, period_start);
