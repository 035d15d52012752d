-- Load step 1 (in the load transaction): forget what an earlier run of this file loaded.
-- Bound: source key.
DELETE FROM ${final_table} WHERE source_key = ?
