-- Load step 3 (in the load transaction): what the file put in the final table.
-- Bound: source key.
SELECT COUNT(*) AS rows_loaded,
       SUM(CASE WHEN company_matched THEN 1 ELSE 0 END) AS rows_matched
FROM ${final_table}
WHERE source_key = ?
