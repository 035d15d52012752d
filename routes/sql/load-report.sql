-- Read back by the load route after the commit (named parameter from the exchange header) for the load log line.
SELECT source_key, rows_read, rows_loaded, rows_matched, rows_unmatched, values_replaced, values_unconvertible,
       transform_ms, load_ms
FROM ${audit_table}
WHERE source_key = :?DataFlowKey
