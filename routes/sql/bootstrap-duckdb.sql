-- Local warehouse tables, created at start when missing. Redshift's are printed by `ddl` (ddl-redshift.sql).
CREATE TABLE IF NOT EXISTS ${bce_table} (
    company_id bigint PRIMARY KEY,
    company_name varchar(255),
    country varchar(2),
    sector varchar(100),
    employees integer
);
CREATE TABLE IF NOT EXISTS ${final_table} (
${final_columns_ddl}
);
CREATE TABLE IF NOT EXISTS ${audit_table} (
    source_key varchar(1024) PRIMARY KEY,
    source_etag varchar(100),
    file_date date,
    rows_read bigint,
    rows_written bigint,
    rows_loaded bigint,
    rows_matched bigint,
    rows_unmatched bigint,
    values_replaced bigint,
    values_unconvertible bigint,
    transform_ms bigint,
    load_ms bigint,
    loaded_at timestamp,
    -- schema drift: source columns the contract does not name; contract columns the file lacked (filled)
    columns_dropped varchar(65535),
    columns_filled varchar(65535)
);
-- audit tables created before the schema-drift columns
ALTER TABLE ${audit_table} ADD COLUMN IF NOT EXISTS columns_dropped varchar;
ALTER TABLE ${audit_table} ADD COLUMN IF NOT EXISTS columns_filled varchar;
CREATE TABLE IF NOT EXISTS ${rejected_table} (
    source_key varchar(1024) NOT NULL,
    source_etag varchar(100),
    file_date date,
    reason varchar(4096),
    rejected_at timestamp
);
