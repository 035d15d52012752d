-- Load step 1 (in the load transaction): forget what an earlier run of this file loaded.
-- Bound by name from the exchange headers. A file's rows all carry its date: the date only lets the engine skip other
-- days' blocks (Redshift's sort key, DuckDB's zone maps; a key's common prefix defeats DuckDB's string zone maps).
DELETE FROM ${final_table} WHERE file_date = CAST(:?DataFlowDate AS DATE) AND source_key = :?DataFlowKey
