package com.europages.loadbce.warehouse;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one transformed file: refreshes the external table (autocommit, outside any transaction), then in one
 * transaction deletes the file's earlier rows, inserts the join with the BCE table and replaces its audit row.
 * Re-running a file therefore replaces exactly its rows; any failure rolls the whole file back.
 */
public class WarehouseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoader.class);
    private static final Pattern S3_LOCATION = Pattern.compile("s3://[a-z0-9.\\-]{3,63}/[A-Za-z0-9_./=\\-]*");

    private final DataSource dataSource;
    private final WarehouseDialect dialect;
    private final SqlTemplates sql;
    private final String externalLocation;
    private final String stagingPrefix;
    private final Clock clock;

    /**
     * @param externalLocation Redshift: the s3:// folder holding the dt=... partitions; DuckDB: the local folder of
     *                         the transformed files (the local S3's filesystem store)
     * @param stagingPrefix    where the source files are: DuckDB derives a file's source key from its name
     */
    public WarehouseLoader(DataSource dataSource, WarehouseDialect dialect, SqlTemplates sql, String externalLocation,
                           String stagingPrefix, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.sql = sql;
        this.externalLocation = externalLocation.endsWith("/") ? externalLocation : externalLocation + "/";
        this.stagingPrefix = stagingPrefix;
        this.clock = clock;
        if (dialect == WarehouseDialect.REDSHIFT && !S3_LOCATION.matcher(this.externalLocation).matches()) {
            throw new IllegalArgumentException("warehouse.external-location must be an s3://bucket/prefix/ URL, got '"
                    + externalLocation + "'");
        }
    }

    /** Refreshes the external table for the file's day, then replaces the file's rows. */
    public LoadResult load(LoadRequest file) throws SQLException {
        long started = System.nanoTime();
        refresh(file.fileDate());
        return replaceFileRows(file, started);
    }

    /** The load transaction alone: the file's rows and audit row replaced, or nothing changed. */
    public LoadResult replaceFileRows(LoadRequest file, long startedNanos) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LoadResult result = loadInTransaction(c, file, startedNanos);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    /** Makes the file's day visible through the external table; idempotent, autocommit. */
    public synchronized void refresh(LocalDate day) throws SQLException {
        String ddl = switch (dialect) {
            case REDSHIFT -> sql.sql("refresh-redshift.sql", Map.of(
                    "dt", SqlIdentifiers.literal(day.toString()),
                    "location", SqlIdentifiers.literal(externalLocation + "dt=" + day + "/")));
            // synchronized: two consumers creating the view at once would meet DuckDB's catalog write conflict
            case DUCKDB -> sql.sql("refresh-duckdb.sql", Map.of(
                    "files", SqlIdentifiers.literal(externalLocation + "*/*.parquet"),
                    "staging_prefix", SqlIdentifiers.literal(stagingPrefix)));
        };
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(ddl);
        }
    }

    private LoadResult loadInTransaction(Connection c, LoadRequest file, long started) throws SQLException {
        Timestamp loadedAt = Timestamp.valueOf(LocalDateTime.now(clock));
        Date fileDate = Date.valueOf(file.fileDate());
        update(c, "load-delete.sql", fileDate, file.sourceKey());
        long inserted = update(c, "load-insert.sql", file.eTag(), loadedAt, fileDate, file.sourceKey());
        long loaded;
        long matched;
        try (PreparedStatement ps = c.prepareStatement(sql.sql("load-counts.sql"))) {
            ps.setDate(1, fileDate);
            ps.setString(2, file.sourceKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                loaded = rs.getLong(1);
                matched = rs.getLong(2);
            }
        }
        if (loaded != inserted || loaded != file.rowsWritten()) {
            throw new SQLException("Load of " + file.sourceKey() + " is inconsistent: transformed " + file.rowsWritten()
                    + " rows, inserted " + inserted + ", final table holds " + loaded
                    + " (is the external table stale, or the BCE table holding a company id twice?)");
        }
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        update(c, "audit-delete.sql", file.sourceKey());
        update(c, "audit-insert.sql", file.sourceKey(), file.eTag(), fileDate, file.rowsRead(),
                file.rowsWritten(), loaded, matched, loaded - matched, file.valuesReplaced(), file.valuesUnconvertible(),
                file.transformMillis(), loadMillis, loadedAt);
        LOG.debug("Loaded {}: {} rows, {} matched", file.sourceKey(), loaded, matched);
        return new LoadResult(loaded, matched, loaded - matched, loadMillis);
    }

    private long update(Connection c, String file, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.sql(file))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeLargeUpdate();
        } catch (SQLException e) {
            throw new SQLException(file + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
