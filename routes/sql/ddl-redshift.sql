-- Redshift tables of the load (the external table is printed from the contract before these).
-- The BCE company table is maintained by its own process; this is the shape the join expects.
CREATE TABLE IF NOT EXISTS ${bce_table} (
    company_id bigint NOT NULL,
    company_name varchar(255),
    country varchar(2),
    sector varchar(100),
    employees integer,
    PRIMARY KEY (company_id)
);
CREATE TABLE IF NOT EXISTS ${final_table} (
${final_columns_ddl}
)
DISTKEY (company_id)
SORTKEY (file_date, source_key);
CREATE TABLE IF NOT EXISTS ${audit_table} (
    source_key varchar(1024) NOT NULL,
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
    columns_filled varchar(65535),
    PRIMARY KEY (source_key)
);
CREATE TABLE IF NOT EXISTS ${rejected_table} (
    source_key varchar(1024) NOT NULL,
    source_etag varchar(100),
    file_date date,
    reason varchar(4096),
    rejected_at timestamp
)
SORTKEY (file_date, source_key);
