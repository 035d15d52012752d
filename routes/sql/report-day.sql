-- `report --date`: the audit totals of one file date. Bound: file date.
SELECT COUNT(*) AS files,
       COALESCE(SUM(rows_read), 0) AS rows_read,
       COALESCE(SUM(rows_loaded), 0) AS rows_loaded,
       COALESCE(SUM(rows_matched), 0) AS rows_matched,
       COALESCE(SUM(rows_unmatched), 0) AS rows_unmatched,
       COALESCE(SUM(values_replaced), 0) AS values_replaced,
       COALESCE(SUM(values_unconvertible), 0) AS values_unconvertible,
       COALESCE(SUM(transform_ms), 0) AS transform_ms,
       COALESCE(SUM(load_ms), 0) AS load_ms,
       MAX(loaded_at) AS last_loaded_at
FROM ${audit_table}
WHERE file_date = ?
