-- `report` and route "completeness": every file of one date that was loaded or rejected, with when. A file loaded and
-- also rejected counts by its latest outcome. Bound by name: the file date.
SELECT source_key, 'loaded' AS outcome, loaded_at AS at
FROM ${audit_table}
WHERE file_date = CAST(:?DataFlowDate AS DATE)
UNION ALL
SELECT source_key, 'rejected' AS outcome, rejected_at AS at
FROM ${rejected_table}
WHERE file_date = CAST(:?DataFlowDate AS DATE)
