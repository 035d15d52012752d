-- Route "reject-file": one row per rejection of a file (a log: a file rejected again adds a row), read by `report`
-- and the completeness metric. Bound by name from the exchange headers; at most 1000 characters of the reason (fits
-- Redshift's varchar(4096) bytes whatever the characters).
INSERT INTO ${rejected_table} (source_key, source_etag, file_date, reason, rejected_at)
VALUES (:?DataFlowKey, :?DataFlowETag, CAST(:?DataFlowDate AS DATE), LEFT(:?ErrorReason, 1000), :?DataFlowRejectedAt)
