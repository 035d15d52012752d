package com.europages.loadbce.warehouse;

/** The only SQL that differs between engines: how the external table learns about a new file. */
public enum WarehouseDialect {
    /** Amazon Redshift: Spectrum external table, a partition per day. */
    REDSHIFT,
    /** DuckDB: a view over the Parquet files the local S3 keeps on disk. */
    DUCKDB;

    public static WarehouseDialect of(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warehouse.dialect must be redshift or duckdb, got '" + setting + "'");
        }
    }
}
