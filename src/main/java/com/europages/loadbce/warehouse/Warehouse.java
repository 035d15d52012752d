package com.europages.loadbce.warehouse;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.transform.ColumnContract;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured warehouse: its connection source, SQL files and names; the local DuckDB one gets its tables at open. */
public final class Warehouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

    private final WarehouseDialect dialect;
    private final DataSource dataSource;
    private final SqlTemplates sql;
    private final WarehouseNames names;

    private Warehouse(WarehouseDialect dialect, DataSource dataSource, SqlTemplates sql, WarehouseNames names) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.sql = sql;
        this.names = names;
    }

    public static Warehouse open(AppConfig config, ColumnContract contract) throws SQLException {
        WarehouseDialect dialect = WarehouseDialect.of(config.get("warehouse.dialect"));
        WarehouseNames names = WarehouseNames.from(config, contract);
        SqlTemplates sql = new SqlTemplates(config.getPath("warehouse.sql-dir"), names.placeholders());
        if (dialect == WarehouseDialect.DUCKDB) {
            DuckDbDataSource ds = new DuckDbDataSource(duckDbFile(config),
                    config.getInt("warehouse.duckdb-row-group-size"), config.getInt("warehouse.duckdb-threads"));
            try {
                WarehouseBootstrap.createLocalTables(ds, sql, names);
            } catch (SQLException | RuntimeException e) {
                ds.close();
                throw e;
            }
            LOG.info("Local warehouse: DuckDB file {}", ds.file());
            return new Warehouse(dialect, ds, sql, names);
        }
        LOG.info("Warehouse: {} at {}", dialect, config.get("warehouse.url"));
        return new Warehouse(dialect, new DriverDataSource(config.get("warehouse.url"), config.get("warehouse.user", ""),
                config.get("warehouse.password", "")), sql, names);
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
        return dataSource instanceof DuckDbDataSource duck ? duck.file() : null;
    }

    public WarehouseDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlTemplates sql() {
        return sql;
    }

    public WarehouseNames names() {
        return names;
    }

    @Override
    public void close() {
        if (dataSource instanceof DuckDbDataSource duck) {
            try {
                duck.close();
            } catch (SQLException e) {
                LOG.warn("DuckDB did not close cleanly: {}", e.getMessage());
            }
        }
    }
}
