-- Load step 2 (in the load transaction): this file's events joined with the BCE company table.
-- Runs unchanged on Redshift (external table over S3) and DuckDB (view over the local files).
-- Bound by name from the exchange headers; the route compares the rows it inserted with the counts of step 3.
INSERT INTO ${final_table} (
    ${event_columns},
    company_name, company_country, company_sector, company_employees, company_matched,
    source_key, source_etag, file_date, loaded_at)
SELECT
    ${event_columns_e},
    c.company_name, c.country, c.sector, c.employees, c.company_id IS NOT NULL,
    e.source_key, CAST(:?DataFlowETag AS VARCHAR(100)), e.dt, CAST(:?DataFlowLoadedAt AS TIMESTAMP)
FROM ${external_table} e
LEFT JOIN ${bce_table} c ON c.company_id = e.company_id
WHERE e.dt = CAST(:?DataFlowDate AS DATE) AND e.source_key = :?DataFlowKey
