-- Load step 5 (in the load transaction): the load report of this file, bound by name from the exchange headers.
INSERT INTO ${audit_table} (
    source_key, source_etag, file_date, rows_read, rows_written, rows_loaded, rows_matched, rows_unmatched,
    values_replaced, values_unconvertible, transform_ms, load_ms, loaded_at, columns_dropped, columns_filled)
VALUES (:?DataFlowKey, :?DataFlowETag, CAST(:?DataFlowDate AS DATE), :?DataFlowRowsRead, :?DataFlowRowsWritten,
    :?DataFlowRowsLoaded, :?DataFlowRowsMatched, :?DataFlowRowsUnmatched, :?DataFlowValuesReplaced,
    :?DataFlowValuesUnconvertible, :?DataFlowTransformMs, :?DataFlowLoadMs, :?DataFlowLoadedAt,
    :?DataFlowColumnsDropped, :?DataFlowColumnsFilled)
