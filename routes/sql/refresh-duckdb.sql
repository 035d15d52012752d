-- Refresh on DuckDB: the "external table" is a view over the transformed Parquet files the local S3 stores as
-- plain files. New files are seen by the glob; the view is created once. ${files} is a literal this service builds.
CREATE VIEW IF NOT EXISTS ${external_table} AS
SELECT * FROM read_parquet(${files}, hive_partitioning = true, hive_types = {'dt': DATE}, union_by_name = true)
