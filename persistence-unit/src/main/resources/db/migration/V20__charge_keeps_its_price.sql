-- A charge keeps the hourly price it was held at. Settling a batch then reads its charges alone,
-- in the statement that locks them, where it read them again joined to their leases for the
-- price; and a VM's charges show the price of their own period, not the one of the lease's
-- latest opening.
ALTER TABLE lease_charge ADD COLUMN price_per_hour BIGINT;
UPDATE lease_charge SET price_per_hour =
    (SELECT l.price_per_hour FROM lease l WHERE l.vm_id = lease_charge.vm_id);
ALTER TABLE lease_charge ALTER COLUMN price_per_hour SET NOT NULL;
