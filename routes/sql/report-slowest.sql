-- `report --date`: the file of that date that took longest to transform and load. Bound: file date.
SELECT source_key, transform_ms + load_ms AS total_ms
FROM ${audit_table}
WHERE file_date = ?
ORDER BY transform_ms + load_ms DESC, source_key
LIMIT 1
