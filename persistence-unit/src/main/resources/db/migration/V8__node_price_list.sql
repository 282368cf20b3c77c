-- A node's full price list: besides the price per compute-point-hour (V1), prices per GiB-hour of
-- memory, per GiB-hour of disk and per GPU-hour, in the settlement asset's smallest unit. Nodes
-- registered before this migration charged for compute only, so their other prices start at 0;
-- their agents' next registration sets them (unless the operator edited the listing, which
-- freezes it as before).
ALTER TABLE node ADD COLUMN price_per_memory_gib_hour BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN price_per_disk_gib_hour BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE node ADD COLUMN price_per_gpu_hour BIGINT DEFAULT 0 NOT NULL;
