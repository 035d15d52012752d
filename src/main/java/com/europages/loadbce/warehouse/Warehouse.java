package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured warehouse: its connection pool, SQL files and names; the local DuckDB one gets its tables at open. */
public final class Warehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final WarehouseDialect dialect;
    private final HikariDataSource pool;
    private final DuckDbDataSource duckDb;
    private final SqlTemplates sql;
    private final WarehouseNames names;

    private Warehouse(WarehouseDialect dialect, HikariDataSource pool, DuckDbDataSource duckDb, SqlTemplates sql,
                      WarehouseNames names) {
        this.dialect = dialect;
        this.pool = pool;
        this.duckDb = duckDb;
        this.sql = sql;
        this.names = names;
    }

    public static Warehouse open(AppConfig config, ColumnContract contract) throws SQLException {
        WarehouseDialect dialect = WarehouseDialect.of(config.get("warehouse.dialect"));
        WarehouseNames names = WarehouseNames.from(config, contract);
        SqlTemplates sql = new SqlTemplates(config.getPath("warehouse.sql-dir"), names.placeholders());
        WarehouseTimeouts timeouts = WarehouseTimeouts.from(config);
        int poolSize = config.getInt("warehouse.pool-size");
        if (dialect == WarehouseDialect.DUCKDB) {
            DuckDbDataSource ds = new DuckDbDataSource(duckDbFile(config),
                    config.getInt("warehouse.duckdb-row-group-size"), config.getInt("warehouse.duckdb-threads"));
            HikariDataSource pool = null;
            try {
                pool = WarehousePool.duckDb(ds, timeouts, poolSize);
                WarehouseBootstrap.createLocalTables(pool, sql, names);
            } catch (SQLException | RuntimeException e) {
                if (pool != null) {
                    pool.close();
                }
                ds.close();
                throw e;
            }
            LOG.info("Local warehouse: DuckDB file {}, {}", ds.file(), timeouts);
            return new Warehouse(dialect, pool, ds, sql, names);
        }
        LOG.info("Warehouse: {} at {}, {}", dialect, config.get("warehouse.url"), timeouts);
        return new Warehouse(dialect, WarehousePool.redshift(config.get("warehouse.url"), config.get("warehouse.user", ""),
                config.get("warehouse.password", ""), timeouts, poolSize), null, sql, names);
    }

    /**
     * The configuration with warehouse.duckdb-files-dir as an absolute folder (empty: &lt;app.data-dir&gt;/transformed),
     * for the route that copies each transformed file there; unchanged for Redshift.
     */
    public static AppConfig withLocalFilesDir(AppConfig config) {
        if (!"duckdb".equals(config.get("warehouse.dialect"))) {
            return config;
        }
        return config.with(java.util.Map.of("warehouse.duckdb-files-dir", localFilesDir(config).toString()));
    }

    /** Where the DuckDB warehouse reads the transformed files: the service's own copies of what it uploads. */
    public static Path localFilesDir(AppConfig config) {
        String dir = config.get("warehouse.duckdb-files-dir", "");
        Path p = dir.isEmpty() ? config.getPath("app.data-dir").resolve("transformed")
                : config.getPath("warehouse.duckdb-files-dir");
        return p.toAbsolutePath().normalize();
    }

    /** The DuckDB file of warehouse.url (jdbc:duckdb:FILE), or warehouse.duckdb in the data folder when empty. */
    static Path duckDbFile(AppConfig config) {
        String url = config.get("warehouse.url", "");
        if (url.isEmpty()) {
            return config.getPath("app.data-dir").resolve("warehouse.duckdb");
        }
        if (!url.startsWith("jdbc:duckdb:") || url.length() == "jdbc:duckdb:".length()) {
            throw new IllegalArgumentException("warehouse.url for duckdb must be jdbc:duckdb:<file> or empty, got " + url);
        }
        Path file = Path.of(url.substring("jdbc:duckdb:".length()));
        return file.isAbsolute() ? file : config.configDir().resolve(file);
    }

    /** The local database file; null for Redshift. */
    public Path localFile() {
        return duckDb == null ? null : duckDb.file();
    }

    public WarehouseDialect dialect() {
        return dialect;
    }

    /** The pool; every connection and statement from it is bounded by the warehouse.*-timeout-s settings. */
    public DataSource dataSource() {
        return pool;
    }

    public SqlTemplates sql() {
        return sql;
    }

    public WarehouseNames names() {
        return names;
    }

    /** Closes the pool's connections, then the local database file; logs each step (a stop shows they ran). */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        pool.close();
        LOG.info("Warehouse connection pool closed");
        if (duckDb != null) {
            try {
                duckDb.close();
                LOG.info("Local warehouse closed: DuckDB file {}", duckDb.file());
            } catch (SQLException e) {
                LOG.warn("DuckDB did not close cleanly: {}", e.getMessage());
            }
        }
    }
}
