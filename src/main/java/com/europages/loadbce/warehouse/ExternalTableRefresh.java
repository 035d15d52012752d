package com.europages.loadbce.warehouse;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statement that makes a day of transformed files visible through the external table: refresh-&lt;dialect&gt;.sql
 * with its literals (DDL takes no bind parameters). The load route runs it.
 */
public final class ExternalTableRefresh {

    private static final Pattern S3_LOCATION = Pattern.compile("s3://[a-z0-9.\\-]{3,63}/[A-Za-z0-9_./=\\-]*");

    private final WarehouseDialect dialect;
    private final SqlTemplates sql;
    private final String externalLocation;
    private final String stagingPrefix;

    /**
     * @param externalLocation Redshift: the s3:// folder holding the dt=... partitions; DuckDB: the local folder of
     *                         the service's own copies of the transformed files (warehouse.duckdb-files-dir)
     * @param stagingPrefix    where the source files are: DuckDB derives a file's source key from its name
     */
    public ExternalTableRefresh(WarehouseDialect dialect, SqlTemplates sql, String externalLocation,
                                String stagingPrefix) {
        this.dialect = dialect;
        this.sql = sql;
        this.externalLocation = externalLocation.endsWith("/") ? externalLocation : externalLocation + "/";
        this.stagingPrefix = stagingPrefix;
        if (dialect == WarehouseDialect.REDSHIFT && !S3_LOCATION.matcher(this.externalLocation).matches()) {
            throw new IllegalArgumentException("warehouse.external-location must be an s3://bucket/prefix/ URL, got '"
                    + externalLocation + "'");
        }
    }

    /** The refresh for the file date yyyy-MM-dd (parsed: only a real date becomes a literal). */
    public String sql(String fileDate) {
        LocalDate day = LocalDate.parse(fileDate);
        return switch (dialect) {
            case REDSHIFT -> sql.sql("refresh-redshift.sql", Map.of(
                    "dt", SqlIdentifiers.literal(day.toString()),
                    "location", SqlIdentifiers.literal(externalLocation + "dt=" + day + "/")));
            case DUCKDB -> sql.sql("refresh-duckdb.sql", Map.of(
                    "files", SqlIdentifiers.literal(externalLocation + "*/*.parquet"),
                    "staging_prefix", SqlIdentifiers.literal(stagingPrefix)));
        };
    }
}
