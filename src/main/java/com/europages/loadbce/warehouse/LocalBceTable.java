package com.europages.loadbce.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Fills the local warehouse's BCE company table from a CSV file, for the demo and tests (production has its own). */
public final class LocalBceTable {

    private LocalBceTable() {
    }

    /** Replaces the table's content in one transaction; returns the number of companies. */
    public static long replaceFrom(Warehouse warehouse, Path csv) throws SQLException {
        if (warehouse.dialect() != WarehouseDialect.DUCKDB) {
            throw new IllegalStateException("the BCE table is loaded from a file only in the local DuckDB warehouse");
        }
        String script = warehouse.sql().sql("bce-load-duckdb.sql",
                Map.of("csv", SqlIdentifiers.literal(csv.toAbsolutePath().toString())));
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : SqlTemplates.statements(script)) {
                s.execute(statement);
            }
            c.commit();
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + warehouse.names().get("bce_table"))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
