-- Load step 3 (in the load transaction): what the file put in the final table.
-- Bound: file date, source key (the date as in load-delete.sql: implied by the key, it skips other days' blocks).
SELECT COUNT(*) AS rows_loaded,
       SUM(CASE WHEN company_matched THEN 1 ELSE 0 END) AS rows_matched
FROM ${final_table}
WHERE file_date = CAST(? AS DATE) AND source_key = ?
