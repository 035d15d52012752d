-- Load step 4 (in the load transaction): the audit row is replaced, one per source file.
DELETE FROM ${audit_table} WHERE source_key = :?DataFlowKey
