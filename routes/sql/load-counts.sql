-- Load step 3 (in the load transaction): what the file put in the final table; one row, read by the load route.
-- Bound by name (the date as in load-delete.sql: implied by the key, it skips other days' blocks).
SELECT CAST(COUNT(*) AS BIGINT) AS rows_loaded,
       CAST(COALESCE(SUM(CASE WHEN company_matched THEN 1 ELSE 0 END), 0) AS BIGINT) AS rows_matched
FROM ${final_table}
WHERE file_date = CAST(:?DataFlowDate AS DATE) AND source_key = :?DataFlowKey
