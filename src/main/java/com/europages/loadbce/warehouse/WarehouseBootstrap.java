package com.europages.loadbce.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Creates the local warehouse's schemas and tables when missing (Redshift's are created by a DBA from `ddl`). */
public final class WarehouseBootstrap {

    private WarehouseBootstrap() {
    }

    public static void createLocalTables(DataSource dataSource, SqlTemplates sql, WarehouseNames names)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String schema : names.schemas()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.name(schema, "schema"));
            }
            for (String statement : SqlTemplates.statements(sql.sql("bootstrap-duckdb.sql"))) {
                s.execute(statement);
            }
        }
    }
}
