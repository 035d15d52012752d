-- `report --date`: the schema drift of one file date, per loaded file (comma-separated names). Bound: file date.
SELECT columns_dropped, columns_filled
FROM ${audit_table}
WHERE file_date = ?
